/** Reads one string from Next's searchParams (which may hold arrays), trimmed and bounded. */
export function stringParam(value: string | string[] | undefined, maxLength = 200): string {
  const first = Array.isArray(value) ? value[0] : value;
  return (first ?? "").trim().slice(0, maxLength);
}

/** Reads a 1-based page number; anything else is page 1. */
export function pageParam(value: string | string[] | undefined): number {
  const n = Number.parseInt(stringParam(value, 10), 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}
