import { ApiError, texts } from "../errors";

export const MB = 1024 * 1024;
/** Quota for a new mailbox when `quota` is not sent (the emulator's "defined system value"). */
export const DEFAULT_QUOTA_MB = 1024;

/**
 * Parses a mailbox quota: MB, or `0`/`unlimited` for unlimited. `strict` (add_pop) refuses a quota over
 * the account's max email quota; otherwise (edit_pop_quota) it is silently capped, as cPanel does.
 */
export function parseQuota(raw: string | undefined, maxMb: number | null, strict: boolean): number | null {
  if (raw === undefined || raw.trim() === "") return maxMb === null ? DEFAULT_QUOTA_MB : Math.min(DEFAULT_QUOTA_MB, maxMb);
  const value = raw.trim().toLowerCase();
  if (value === "unlimited" || value === "0") {
    if (maxMb === null) return null;
    if (strict) throw new ApiError(texts.unlimitedNotAllowed(maxMb));
    return maxMb;
  }
  if (!/^\d+(\.\d+)?$/.test(value)) throw new ApiError(texts.invalidQuota(raw));
  const mb = Math.ceil(Number(value));
  if (maxMb !== null && mb > maxMb) {
    if (strict) throw new ApiError(texts.quotaTooLarge(mb, maxMb));
    return maxMb;
  }
  return mb;
}
