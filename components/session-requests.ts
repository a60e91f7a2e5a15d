/**
 * The calls the panel's pages make to next-auth's own endpoints (its v4 REST API under /api/auth), with plain fetch:
 * next-auth/react's client library, with its Babel runtime, added ~11 kB gz to the first load of every page that used
 * it for these few requests. Each sends what next-auth/react's signIn/signOut send (the CSRF token, `json: true`).
 */
const AUTH = "/api/auth";

async function csrfToken(): Promise<string> {
  const response = await fetch(`${AUTH}/csrf`, { cache: "no-store", credentials: "same-origin" });
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** A form POST to one of next-auth's endpoints with its CSRF token; next-auth answers where it would redirect. */
async function postToAuth(path: string, fields: Record<string, string>): Promise<{ ok: boolean; url: string | null }> {
  const response = await fetch(`${AUTH}/${path}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
  const data = (await response.json().catch(() => ({}))) as { url?: string };
  return { ok: response.ok, url: data.url ?? null };
}

/**
 * Signs in with a form's fields through a credentials provider (e-mail and password, or the code step after single
 * sign-on) without leaving the page: null when signed in, else next-auth's error code (the `error` of the URL it
 * would redirect to), or "unreachable" when no answer from next-auth came back.
 */
export async function signInHere(provider: "credentials" | "oidc-code", fields: Record<string, string>): Promise<string | null> {
  let answer: { ok: boolean; url: string | null };
  try {
    answer = await postToAuth(`callback/${provider}`, { ...fields, callbackUrl: window.location.href });
  } catch {
    return "unreachable";
  }
  // No URL at all: not next-auth's answer (a proxy's error page, a server error), which says nothing about the password.
  if (!answer.url) return "unreachable";
  const error = new URL(answer.url, window.location.href).searchParams.get("error");
  return answer.ok && !error ? null : (error ?? "unreachable");
}

/** Starts a sign-in at another site (the hosting company's portal): next-auth answers the URL to go to. */
export async function signInElsewhere(provider: string, callbackUrl: string): Promise<void> {
  const { url } = await postToAuth(`signin/${provider}`, { callbackUrl });
  window.location.assign(url ?? `${AUTH}/signin/${provider}?${new URLSearchParams({ callbackUrl }).toString()}`);
}

/** Reads the session, which makes next-auth renew its cookie (as next-auth/react's getSession does). */
export async function refreshSession(): Promise<void> {
  await fetch(`${AUTH}/session`, { cache: "no-store", credentials: "same-origin" });
}

/** Signs this browser out on the server (next-auth/react's signOut without its redirect): the CSRF token, then the POST. */
export async function endSession(): Promise<void> {
  const { ok } = await postToAuth("signout", { callbackUrl: window.location.href });
  if (!ok) throw new Error("Signing out failed");
}
