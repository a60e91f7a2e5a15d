/**
 * Where to send someone after sign-in, from an untrusted `callbackUrl`. The value is resolved the way a browser
 * would resolve it (WHATWG URL: tabs and new lines dropped, `\` read as `/`, `//host` as another site) and kept
 * only when it stays on this origin; everything else goes to the account list. Isomorphic.
 */

export const DEFAULT_CALLBACK = "/accounts";

// Any origin works as the base: only "is it still this origin" matters, never which one.
const BASE = "http://mailroom.invalid";

/** A same-origin path (with query and fragment) for `value`, or `/accounts`. */
export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/")) return DEFAULT_CALLBACK;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return DEFAULT_CALLBACK;
  }
  if (url.origin !== BASE) return DEFAULT_CALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that a browser would read as another host once it is served back (`//evil`, `/\evil`).
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return DEFAULT_CALLBACK;
  return path;
}
