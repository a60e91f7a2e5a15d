import type { Role } from "@/lib/auth/roles";

/**
 * Who an OpenID Connect sign-in is, as plain rules (no I/O): the portal vouches for an e-mail address, and a
 * panel login with that address is the person. Isomorphic data in, a decision out; lib/auth/oidc.ts does the I/O.
 */

/** The claims the rules read (ID token merged with userinfo); anything else the portal sends is ignored. */
export type OidcClaims = { sub?: unknown; email?: unknown; email_verified?: unknown; name?: unknown };

/** What the rules need to know of the panel login with the claimed e-mail. */
export type LinkCandidate = { id: string; role: Role; locked: boolean; twoFactorEnabled: boolean };

/** Why an OpenID Connect sign-in is refused; the sign-in page words each one. */
export type OidcRefusal = "sso_no_email" | "sso_unverified" | "sso_unknown" | "sso_locked";

export type OidcLinkDecision =
  | { kind: "sign_in"; userId: string }
  /** A login with two-factor sign-in (all staff have it): no session until the code step passes. */
  | { kind: "second_factor"; userId: string }
  | { kind: "create_customer"; email: string; name: string | null }
  | { kind: "refuse"; code: OidcRefusal };

/** The claimed e-mail, trimmed and lower-cased as the users table stores it, or null when there is none usable. */
export function claimedEmail(claims: OidcClaims): string | null {
  if (typeof claims.email !== "string") return null;
  const email = claims.email.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null;
}

/** Only an explicit `email_verified: true` counts (some portals send the string "true"); absent means unverified. */
export function emailIsVerified(claims: OidcClaims): boolean {
  return claims.email_verified === true || claims.email_verified === "true";
}

/**
 * The decision for one sign-in: an unverified or missing e-mail is refused before anything is looked up; a
 * known e-mail signs in its login (refused when locked; a login with 2FA, as all staff have, still owes the code); an unknown e-mail
 * becomes a new customer login only when the panel is configured to create them.
 */
export function decideOidcLink(claims: OidcClaims, existing: LinkCandidate | null, options: { createCustomers: boolean }): OidcLinkDecision {
  const email = claimedEmail(claims);
  if (!email) return { kind: "refuse", code: "sso_no_email" };
  if (!emailIsVerified(claims)) return { kind: "refuse", code: "sso_unverified" };
  if (!existing) {
    if (!options.createCustomers) return { kind: "refuse", code: "sso_unknown" };
    const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 200) : null;
    return { kind: "create_customer", email, name };
  }
  if (existing.locked) return { kind: "refuse", code: "sso_locked" };
  // Whoever turned on the panel's second factor keeps it: the portal's sign-in replaces the password, not the code.
  // Staff without it get only as far as the password path lets them (the setup page, lib/auth/session.ts).
  if (existing.twoFactorEnabled) return { kind: "second_factor", userId: existing.id };
  return { kind: "sign_in", userId: existing.id };
}
