import "server-only";
import { currentUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/core/actor";
import { findApiTokenBySecret, touchApiToken } from "@/lib/db/api-tokens";
import { apiScopes } from "@/lib/auth/scopes";

/** Who is calling the API, and with which scopes. A browser session holds every scope. */
export type ApiCaller = { actor: Actor; scopes: string[]; tokenId: string | null };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Not a cross-site browser request: browsers send Origin (and Sec-Fetch-Site) on every write, so a foreign one is
 * refused; a client that sends neither is not a browser riding on someone's cookie. As Next checks server actions:
 * Origin against Host, or X-Forwarded-Host behind a proxy.
 */
function sameOrigin(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const host = (request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host).split(",")[0]!.trim();
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Bearer token (`Authorization: Bearer mr_…`) or, without one, the browser session; null when neither is valid. */
export async function authenticateApiRequest(request: Request): Promise<ApiCaller | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return null;
    const found = await findApiTokenBySecret(match[1]);
    if (!found || found.user.lockedAt) return null;
    await touchApiToken(found.apiToken.id);
    const { user } = found;
    return { actor: { id: user.id, email: user.email, name: user.name, role: user.role }, scopes: found.apiToken.scopes, tokenId: found.apiToken.id };
  }
  // No cookie, no session: skip next-auth entirely (scripts without a token are simply unauthenticated).
  if (!request.headers.get("cookie")) return null;
  // The session cookie rides along with any request the browser makes: a write must come from the panel's own pages.
  if (!SAFE_METHODS.has(request.method) && !sameOrigin(request)) return null;
  const actor = await currentUser();
  return actor ? { actor, scopes: [...apiScopes], tokenId: null } : null;
}
