import "server-only";
import { createTranslator } from "use-intl/core";
import { describeDelivery, type DeliveryKey, type DeliveryWords, type ForwardDestination } from "@/lib/forwarding/describe";
import en from "@/messages/en.json";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { messagesFor, type Messages } from "./messages";
import { requestLocale } from "./server";

// British English lists have no comma before "and" ("a, b and c"), as the panel has always written them.
const LIST_LOCALE: Record<string, string> = { en: "en-GB" };

/** The Delivery sentences and the list style of a locale, for describeDelivery (lib/forwarding/describe.ts). */
export function deliveryWords(locale: Locale, messages: Messages): DeliveryWords {
  const t = createTranslator({ locale, messages, namespace: "Delivery" });
  const list = new Intl.ListFormat(LIST_LOCALE[locale] ?? locale, { type: "conjunction" });
  return { t: (key: DeliveryKey, values?: Record<string, string>) => t(key, values), list: (items) => list.format(items) };
}

/** English words, for code that has no request (the REST answer's default, tests). */
export const englishDeliveryWords: DeliveryWords = deliveryWords(DEFAULT_LOCALE, en);

/** describeDelivery in the request's language (pages and actions; lib/mail words it in English for the REST API). */
export async function deliveryInRequestLocale(forwarding: { address: string; hasMailbox: boolean; destinations: readonly ForwardDestination[] }) {
  const locale = await requestLocale();
  return describeDelivery(forwarding.address, forwarding.hasMailbox, forwarding.destinations, deliveryWords(locale, await messagesFor(locale)));
}
