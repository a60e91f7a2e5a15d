/** Human sizes in the units cPanel shows (MB = MiB, as cPanel counts quotas), with the locale's digits and separators (1,5 GB in Swedish). */
export function formatMegabytes(bytes: number, locale = "en-US"): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1024) return `${(mb / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} GB`;
  return `${mb.toLocaleString(locale, { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}

/** Share of a quota used, as a whole percentage (0–100+), or null when the quota is unlimited. */
export function usedPercent(diskUsedBytes: number, quotaMb: number | null): number | null {
  if (quotaMb === null || quotaMb <= 0) return null;
  return Math.round((diskUsedBytes / (quotaMb * 1024 * 1024)) * 100);
}

/** A point in time as the locale writes it, in UTC and saying so (server-rendered: the same in every browser). */
export function formatUtcDateTime(ms: number, locale = "en-GB"): string {
  // Fields rather than dateStyle/timeStyle: Intl refuses timeZoneName beside a style. The panel's English is British (24-hour).
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  }).format(ms);
}

/** Where a date is read: the reader's locale and time zone (the browser's), or UTC in English before they are known. */
export type DateReader = { locale: string; timeZone: string };

/** Before the browser says its locale (server render, hydration): the same text on both sides. */
export const UTC_READER: DateReader = { locale: "en-GB", timeZone: "UTC" };

/**
 * The one date format of the panel: a moment in the reader's locale and time zone ("1 Dec 2026, 09:30"). Without a
 * reader (the server, before the browser has said which) it is UTC and says so, never mistaken for local time.
 */
export function formatDateTime(ms: number, reader?: DateReader): string {
  return reader ? dateTimeFormat(reader).format(ms) : `${dateTimeFormat(UTC_READER).format(ms)} UTC`;
}

/** The formatter behind formatDateTime, for a wall-clock time that has no zone yet (a form's datetime-local value). */
export function dateTimeFormat(reader: DateReader): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(reader.locale, { dateStyle: "medium", timeStyle: "short", timeZone: reader.timeZone });
}
