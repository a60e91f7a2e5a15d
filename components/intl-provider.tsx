import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import { pickNamespaces, type Messages, type Namespace } from "@/lib/i18n/messages";

/**
 * Hands client components the messages of the given namespaces in the request's locale, and only those: a page's
 * JavaScript never carries other pages' strings or other languages. Server component; wrap the client forms with it.
 */
export async function IntlProvider({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider locale={locale} messages={pickNamespaces(messages as Messages, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
