import "server-only";
import type { Locale } from "./locales";
import type en from "@/messages/en.json";

/** The shape of every locale's messages: English is the reference (tests/i18n/messages.test.ts keeps the others equal). */
export type Messages = typeof en;
export type Namespace = keyof Messages;

/** One locale's messages, loaded on the server only (the browser gets the namespaces a page passes on, see IntlProvider). */
export async function messagesFor(locale: Locale): Promise<Messages> {
  return ((await import(`../../messages/${locale}.json`)) as { default: Messages }).default;
}

/** The given namespaces of a locale's messages: what a client form needs, and nothing else. */
export function pickNamespaces(messages: Messages, namespaces: readonly Namespace[]): Partial<Messages> {
  return Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]));
}
