/**
 * The hosting company's portal of the e2e run: a real OpenID Connect provider (e2e/support/oidc-provider.ts,
 * started by playwright.config.ts) with one client, the panel, and a few portal logins.
 */
import { OIDC_PROVIDER_PORT } from "./ports";

export { OIDC_PROVIDER_PORT };
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PROVIDER_PORT}`;
export const OIDC_CLIENT_ID = "mailroom-e2e";
/** Not a secret of anything real: the local provider's one client. */
export const OIDC_CLIENT_SECRET = "e2e-portal-client-secret-for-the-local-provider-only";
export const OIDC_LABEL = "Example Hosting";

/** Portal logins: `login` is what a person types at the portal; the claims are what it tells the panel. */
export const portalUsers = {
  /** The demo customer (a panel login with the same e-mail). */
  customer: { login: "customer@example.com", sub: "portal-customer-1", email: "customer@example.com", email_verified: true, name: "Demo Customer" },
  /** The demo support user: the panel still asks for their code. */
  support: { login: "support@example.com", sub: "portal-support-1", email: "support@example.com", email_verified: true, name: "Demo Support" },
  /** A portal customer whom the panel does not know. */
  stranger: { login: "stranger@example.org", sub: "portal-stranger-1", email: "stranger@example.org", email_verified: true, name: "Sam Stranger" },
  /** The other demo customer, but the portal never verified the address. */
  unverified: { login: "other@example.net", sub: "portal-other-1", email: "other@example.net", email_verified: false, name: "Other Customer" },
} as const;
