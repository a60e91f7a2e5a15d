/**
 * The two calls the panel's pages make to next-auth's own endpoints (its v4 REST API under /api/auth), with plain
 * fetch: next-auth/react's client library, with its Babel runtime, added ~11 kB gz to the first load of every
 * signed-in page for these two requests. Sign-in (the login page) still uses next-auth/react.
 */
const AUTH = "/api/auth";

/** Reads the session, which makes next-auth renew its cookie (as next-auth/react's getSession does). */
export async function refreshSession(): Promise<void> {
  await fetch(`${AUTH}/session`, { cache: "no-store", credentials: "same-origin" });
}

/** Signs this browser out on the server (next-auth/react's signOut without its redirect): the CSRF token, then the POST. */
export async function endSession(): Promise<void> {
  const csrf = await fetch(`${AUTH}/csrf`, { cache: "no-store", credentials: "same-origin" });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${AUTH}/signout`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: window.location.href, json: "true" }),
  });
  if (!response.ok) throw new Error(`Signing out failed (HTTP ${response.status})`);
}
