import "server-only";
import { createTranslator } from "use-intl/core";
import type { AuditKey, AuditWords } from "@/lib/audit/describe";
import en from "@/messages/en.json";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { messagesFor, type Messages } from "./messages";
import { requestLocale } from "./server";

// English has always written days as 2026-12-01 and quotas as 1,000 (en-US); the other languages write their own.
const ISO_DAY = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const NUMBER_LOCALE: Record<string, string> = { en: "en-US" };

/** The AuditDescriptions messages of a locale, with its numbers, days and sort order, for lib/audit/describe.ts. */
export function auditWords(locale: Locale, messages: Messages): AuditWords {
  const t = createTranslator({ locale, messages, namespace: "AuditDescriptions" });
  const numbers = new Intl.NumberFormat(NUMBER_LOCALE[locale] ?? locale);
  const days = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });
  const collator = new Intl.Collator(locale);
  return {
    // The keys are built from action codes and flags (AuditKey), so the typed translator is asked with a cast.
    t: (key: AuditKey, values?: Record<string, string | number>) => t(key as never, values as never),
    number: (n) => numbers.format(n),
    day: locale === DEFAULT_LOCALE ? ISO_DAY : (ms) => days.format(ms),
    compare: collator.compare,
  };
}

/** English words, for code that has no reader (the CSV export, tests). */
export const englishAuditWords: AuditWords = auditWords(DEFAULT_LOCALE, en);

/** The audit words in the request's language (the reader's setting, else the browser's, else English). */
export async function auditWordsForRequest(): Promise<AuditWords> {
  const locale = await requestLocale();
  return auditWords(locale, await messagesFor(locale));
}
