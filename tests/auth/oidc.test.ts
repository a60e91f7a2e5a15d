// Single sign-on from the portal, past the rules (lib/auth/oidc-link.test.ts): sessions, created customers
// (audited), locked logins and the code step that logins with two-factor sign-in still owe.
import { generateSync } from "otplib";
import { describe, expect, it } from "vitest";
import { setTestEnv, withTestDatabase } from "../db/engines";
import { bumpSessionVersion, createUser, findUserByEmail, setUserLocked } from "@/lib/db/users";
import { findSessionUser } from "@/lib/db/sessions";
import { listAuditEvents } from "@/lib/audit";
import { completeOidcSecondFactor, completeOidcSignIn } from "@/lib/auth/oidc";
import { issueSecondFactorTicket } from "@/lib/auth/oidc-ticket";
import { beginTotpEnrolment, confirmTotpEnrolment } from "@/lib/mail/two-factor";
import { writeContext } from "@/lib/core/write-context";

setTestEnv();
Object.assign(process.env, {
  OIDC_ISSUER: "https://portal.example.net/oauth",
  OIDC_CLIENT_ID: "mailroom",
  OIDC_CLIENT_SECRET: "portal-client-secret",
  OIDC_LABEL: "Example Hosting",
  OIDC_CREATE_CUSTOMERS: "1",
});
withTestDatabase("sqlite");

const PASSWORD = "Panel-login-2026!";
const claims = (email: string, verified: unknown = true) => ({ sub: `portal-${email}`, email, email_verified: verified, name: "Pat" });

async function staffWithTwoFactor(email: string) {
  const user = await createUser({ email, role: "support", password: PASSWORD });
  const actor = { id: user.id, email: user.email, name: null, role: user.role };
  const { secret } = await beginTotpEnrolment(actor);
  await confirmTotpEnrolment(writeContext(actor, "web", "Ticket #1: enrol staff 2FA"), { code: generateSync({ secret }), currentPassword: PASSWORD });
  return { user: (await findUserByEmail(email))!, secret };
}

const nextCode = (secret: string) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });

describe("OpenID Connect sign-in", () => {
  it("opens a session row for a known, verified e-mail, which the per-request check accepts", async () => {
    const user = await createUser({ email: "sso-known@example.com", role: "customer", password: PASSWORD });
    const outcome = await completeOidcSignIn(claims("SSO-Known@example.com"));
    expect(outcome).toMatchObject({ ok: true, user: { id: user.id, role: "customer", sessionVersion: user.sessionVersion } });
    if (outcome.ok !== true) throw new Error("not signed in");
    expect(await findSessionUser(user.id, outcome.user.sessionId)).toMatchObject({ id: user.id });
    expect((await findUserByEmail(user.email))?.lastLoginAt).not.toBeNull();
  });

  it("refuses an unverified e-mail without opening anything", async () => {
    await createUser({ email: "sso-unverified@example.com", role: "customer", password: PASSWORD });
    expect(await completeOidcSignIn(claims("sso-unverified@example.com", false))).toEqual({ ok: false, code: "sso_unverified" });
  });

  it("refuses a locked login", async () => {
    const user = await createUser({ email: "sso-locked@example.com", role: "customer", password: PASSWORD });
    await setUserLocked(user.id, true);
    expect(await completeOidcSignIn(claims("sso-locked@example.com"))).toEqual({ ok: false, code: "sso_locked" });
  });

  it("creates a customer login without accounts for an unknown verified e-mail (OIDC_CREATE_CUSTOMERS=1), once, audited", async () => {
    const first = await completeOidcSignIn(claims("sso-new@example.com"));
    expect(first).toMatchObject({ ok: true, user: { email: "sso-new@example.com", role: "customer", name: "Pat" } });
    const second = await completeOidcSignIn(claims("sso-new@example.com"));
    expect(second).toMatchObject({ ok: true, user: { email: "sso-new@example.com" } });
    const created = (await listAuditEvents({ action: "user.create" })).filter((e) => e.target === "sso-new@example.com");
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ outcome: "success", detail: expect.objectContaining({ role: "customer", source: "oidc" }) });
  });

  it("gives staff with two-factor sign-in a ticket, not a session; the code step opens the session", async () => {
    const { user, secret } = await staffWithTwoFactor("sso-support@example.com");
    const outcome = await completeOidcSignIn(claims("sso-support@example.com"));
    expect(outcome.ok).toBe("second_factor");
    if (outcome.ok !== "second_factor") throw new Error("no ticket");
    expect(outcome).not.toHaveProperty("user");

    expect(await completeOidcSecondFactor(outcome.ticket, "")).toEqual({ ok: false, code: "totp_required" });
    expect(await completeOidcSecondFactor(outcome.ticket, "000000")).toEqual({ ok: false, code: "totp_invalid" });
    expect(await completeOidcSecondFactor(undefined, nextCode(secret))).toEqual({ ok: false, code: "sso_expired" });
    expect(await completeOidcSecondFactor(`${outcome.ticket}x`, nextCode(secret))).toEqual({ ok: false, code: "sso_expired" });
    const done = await completeOidcSecondFactor(outcome.ticket, nextCode(secret));
    expect(done).toMatchObject({ ok: true, user: { id: user.id, role: "support" } });
    if (!done.ok) throw new Error("not signed in");
    expect(await findSessionUser(user.id, done.user.sessionId)).toMatchObject({ id: user.id });
  });

  it("voids a ticket when the user is signed out everywhere or locked before the code step", async () => {
    const { user, secret } = await staffWithTwoFactor("sso-support2@example.com");
    const ticket = issueSecondFactorTicket(process.env.AUTH_SECRET!, user);
    await bumpSessionVersion(user.id);
    expect(await completeOidcSecondFactor(ticket, nextCode(secret))).toEqual({ ok: false, code: "sso_expired" });
    const locked = await setUserLocked(user.id, true);
    expect(await completeOidcSecondFactor(issueSecondFactorTicket(process.env.AUTH_SECRET!, locked!), nextCode(secret))).toEqual({
      ok: false,
      code: "locked",
    });
  });
});
