/** Minimal HTTP helpers for the bench: a signed-in panel session by next-auth's credentials flow, and timed fetches. */

/** Signs in through the panel's own sign-in endpoint (staff with their authentication code); answers the Cookie header value of the session. */
export async function signIn(base: string, email: string, password: string, code?: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, ...(code ? { code } : {}), json: "true" }),
  });
  keep(response);
  const session = [...jar.keys()].find((k) => k.includes("session-token"));
  if (!session) throw new Error(`Signing in ${email} at ${base} failed (HTTP ${response.status})`);
  return `${session}=${jar.get(session)}`;
}

/** GET/PUT with the session cookie; throws on a status other than `expect`; answers the body text. */
export async function call(
  base: string,
  cookie: string,
  path: string,
  init: { method?: string; json?: unknown; expect?: number } = {},
): Promise<string> {
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? "GET",
    headers: { cookie, ...(init.json !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
  });
  const text = await response.text();
  if (response.status !== (init.expect ?? 200)) throw new Error(`${init.method ?? "GET"} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return text;
}
