import "server-only";
import { currentUser, type Actor } from "@/lib/auth/session";
import { findApiTokenBySecret, touchApiToken } from "@/lib/db/api-tokens";
import { apiScopes } from "@/lib/api/scopes";

/** Who is calling the API, and with which scopes. A browser session holds every scope. */
export type ApiCaller = { actor: Actor; scopes: string[]; tokenId: string | null };

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
  const actor = await currentUser();
  return actor ? { actor, scopes: [...apiScopes], tokenId: null } : null;
}
