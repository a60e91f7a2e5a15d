/** Human sizes in the units cPanel shows (MB = MiB, as cPanel counts quotas). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1024) return `${(mb / 1024).toLocaleString("en-US", { maximumFractionDigits: 1 })} GB`;
  return `${mb.toLocaleString("en-US", { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}

/** Share of a quota used, as a whole percentage (0–100+), or null when the quota is unlimited. */
export function usedPercent(diskUsedBytes: number, quotaMb: number | null): number | null {
  if (quotaMb === null || quotaMb <= 0) return null;
  return Math.round((diskUsedBytes / (quotaMb * 1024 * 1024)) * 100);
}
