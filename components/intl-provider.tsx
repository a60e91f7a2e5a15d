import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { pickNamespaces, type Messages, type Namespace } from "@/lib/i18n/messages";

/**
 * The namespace every client provider carries: the words of shared client components (the form status, the error
 * boundaries). next-intl's client providers do not merge, the innermost wins, so each one must include it.
 */
const ALWAYS: readonly Namespace[] = ["Common"];

/**
 * Hands client components the messages of the given namespaces (and Common) in the request's locale, and only
 * those: a page's JavaScript never carries other pages' strings or other languages. Server component; wrap the client
 * forms with it (the root layout wraps every page with Common alone).
 */
export async function IntlProvider({ namespaces = [], children }: { namespaces?: readonly Namespace[]; children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider locale={locale} messages={pickNamespaces(messages as Messages, [...ALWAYS, ...namespaces])}>
      {children}
    </NextIntlClientProvider>
  );
}
