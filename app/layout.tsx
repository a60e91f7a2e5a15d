import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import { IntlProvider } from "@/components/intl-provider";
import "./globals.css";

// Every page is rendered per request, so each gets its own CSP nonce (proxy.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Mailroom", template: "%s · Mailroom" },
  description: "Email control panel for cPanel servers",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The page's language, as the request config chose it (the user's setting, else the browser's, else English).
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {/* The shared client components' words (Common) on every page, the error boundaries' included. */}
        <IntlProvider>{children}</IntlProvider>
      </body>
    </html>
  );
}
