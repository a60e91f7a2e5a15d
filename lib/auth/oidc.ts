import "server-only";
import { randomBytes } from "node:crypto";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import { config } from "@/lib/config";
import { auditWrite } from "@/lib/audit/write";
import { writeContext } from "@/lib/core/write-context";
import { RateLimitedError } from "@/lib/core/errors";
import { createSession } from "@/lib/db/sessions";
import { createUser, DuplicateEmailError, findUserByEmail, findUserById, recordPassedPassword, type User } from "@/lib/db/users";
import { sessionLimits } from "@/lib/auth/session-limits";
import { verifySecondFactor } from "@/lib/auth/two-factor";
import type { SignedInUser } from "@/lib/auth/sign-in";
import { claimedEmail, decideOidcLink, type OidcClaims, type OidcRefusal } from "@/lib/auth/oidc-link";
import { issueSecondFactorTicket, readSecondFactorTicket, SECOND_FACTOR_TICKET_SECONDS } from "@/lib/auth/oidc-ticket";

/** next-auth's id of the portal's provider: its redirect URI is {NEXTAUTH_URL}/api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = "oidc";
/** The credentials provider that finishes a portal sign-in that still owes the panel's second factor. */
export const OIDC_CODE_PROVIDER_ID = "oidc-code";
/** The cookie that carries the signed second-factor ticket, only to the code step's callback. */
export const SECOND_FACTOR_COOKIE = "mailroom.sso-second-factor";
export const SECOND_FACTOR_COOKIE_PATH = `/api/auth/callback/${OIDC_CODE_PROVIDER_ID}`;

export type OidcSettings = { issuer: string; clientId: string; clientSecret: string; label: string; createCustomers: boolean };

/** The portal's OpenID Connect settings, or null when single sign-on is off (config checks all-or-none). */
export function oidcSettings(): OidcSettings | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_LABEL, OIDC_CREATE_CUSTOMERS } = config();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET || !OIDC_LABEL) return null;
  return {
    issuer: OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    label: OIDC_LABEL,
    createCustomers: OIDC_CREATE_CUSTOMERS,
  };
}

/** What the sign-in page shows of single sign-on: the portal's name, or null when it is off. */
export function oidcSignInOption(): { label: string } | null {
  const settings = oidcSettings();
  return settings ? { label: settings.label } : null;
}

/**
 * The portal as a next-auth OpenID Connect provider (discovery, authorization code with PKCE and state, a
 * confidential client). The profile is the validated ID token's claims merged with userinfo: many portals
 * put the e-mail only in userinfo. Who that is in the panel is decided later, in the signIn callback.
 */
export function oidcProvider(settings: OidcSettings): OAuthConfig<OidcClaims & { sub: string }> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.label,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    userinfo: {
      async request({ tokens, client }) {
        // At run time next-auth hands over openid-client's TokenSet (its type only says the plain fields).
        const tokenSet = tokens as unknown as TokenSet;
        const fromIdToken = tokenSet.claims();
        // openid-client checks that userinfo's `sub` is the ID token's.
        const fromUserinfo = tokenSet.access_token ? await client.userinfo(tokenSet) : {};
        return { ...fromIdToken, ...fromUserinfo };
      },
    },
    // Placeholders: the signIn callback (completeOidcSignIn) fills in the panel user and the session.
    profile(claims) {
      return { id: String(claims.sub), email: claimedEmail(claims), name: null, role: "customer", sessionVersion: -1, sessionId: "" };
    },
  };
}

export type OidcSignInOutcome =
  { ok: true; user: SignedInUser } | { ok: false; code: OidcRefusal } | { ok: "second_factor"; ticket: string; maxAgeSeconds: number };

function signedIn(user: User, sessionId: string): SignedInUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, sessionId };
}

/** A customer login for an e-mail the portal vouches for; its password is random (unknown to anyone), so only the portal or a reset lets it in. */
async function createCustomerLogin(email: string, name: string | null, issuer: string): Promise<User> {
  let user: User;
  try {
    user = await createUser({ email, name, role: "customer", password: randomBytes(32).toString("base64url") });
  } catch (error) {
    // Two first sign-ins at once: the other one created it.
    if (error instanceof DuplicateEmailError) return (await findUserByEmail(email)) as User;
    throw error;
  }
  const actor = { id: user.id, email: user.email, name: user.name, role: user.role };
  await auditWrite(writeContext(actor, "web"), {
    accountId: null,
    action: "user.create",
    target: email,
    outcome: "success",
    detail: { role: "customer", source: "oidc", issuer },
  });
  return user;
}

/**
 * Decides a portal sign-in (lib/auth/oidc-link.ts) and carries it out: opens a session as the password path
 * does, creates a customer login when configured to (audited), or hands back a ticket for the code step.
 */
export async function completeOidcSignIn(claims: OidcClaims): Promise<OidcSignInOutcome> {
  const settings = oidcSettings();
  if (!settings) return { ok: false, code: "sso_unknown" };
  const email = claimedEmail(claims);
  const existing = email ? await findUserByEmail(email) : null;
  const decision = decideOidcLink(
    claims,
    existing && { id: existing.id, role: existing.role, locked: existing.lockedAt !== null, twoFactorEnabled: existing.twoFactorEnabled },
    { createCustomers: settings.createCustomers },
  );
  if (decision.kind === "refuse") return { ok: false, code: decision.code };
  if (decision.kind === "second_factor") {
    const user = existing as User;
    return { ok: "second_factor", ticket: issueSecondFactorTicket(config().AUTH_SECRET, user), maxAgeSeconds: SECOND_FACTOR_TICKET_SECONDS };
  }
  const user = decision.kind === "create_customer" ? await createCustomerLogin(decision.email, decision.name, settings.issuer) : (existing as User);
  if (user.lockedAt !== null) return { ok: false, code: "sso_locked" };
  const current = await recordPassedPassword(user.id); // last sign-in time; a proven identity clears the failed count too
  const sessionId = await createSession(current.id, sessionLimits(current.role).maxSeconds);
  return { ok: true, user: signedIn(current, sessionId) };
}

export type OidcSecondFactorOutcome =
  | { ok: true; user: SignedInUser }
  | { ok: false; code: "sso_expired" | "locked" | "totp_required" | "totp_invalid" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number };

/**
 * The code step after a portal sign-in: the ticket must be genuine, unexpired and issued under the user's
 * current session version (a lock or "sign out everywhere" since voids it), and the code must pass the same
 * check, with the same limits, as the password path's. Opens the session only then.
 */
export async function completeOidcSecondFactor(ticket: string | undefined, code: string): Promise<OidcSecondFactorOutcome> {
  const pending = readSecondFactorTicket(config().AUTH_SECRET, ticket);
  const user = pending ? await findUserById(pending.userId) : null;
  if (!pending || !user || user.sessionVersion !== pending.sessionVersion) return { ok: false, code: "sso_expired" };
  if (user.lockedAt !== null) return { ok: false, code: "locked" };
  if (!code.trim()) return { ok: false, code: "totp_required" };
  try {
    if (!(await verifySecondFactor(user.id, code))) return { ok: false, code: "totp_invalid" };
  } catch (error) {
    if (error instanceof RateLimitedError) return { ok: false, code: "rate_limited", retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
  const current = await recordPassedPassword(user.id);
  const sessionId = await createSession(current.id, sessionLimits(current.role).maxSeconds);
  return { ok: true, user: signedIn(current, sessionId) };
}
