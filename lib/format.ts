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
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC", timeZoneName: "short" }).format(ms);
}
