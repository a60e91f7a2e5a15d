// Invitations and "forgot password" in the domain: who may invite, what is mailed (never a password), the same answer
// for unknown addresses, the sign-in limits on requests, sessions ended by a reset, and 2FA kept after one.
import { generateSync } from "otplib";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setTestEnv, withTestDatabase } from "../db/engines";
import { createUser, findUserByEmail } from "@/lib/db/users";
import { createServer } from "@/lib/db/servers";
import { findHostingAccount, upsertHostingAccount } from "@/lib/db/hosting-accounts";
import { createSession, findSessionUser } from "@/lib/db/sessions";
import { listAuditEvents } from "@/lib/audit";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { writeContext } from "@/lib/core/write-context";
import { NotFoundError, RateLimitedError, ValidationError } from "@/lib/core/errors";
import { beginTotpEnrolment, confirmTotpEnrolment } from "@/lib/mail/two-factor";
import {
  acceptInvitationLink,
  cancelInvitation,
  invitationLinkView,
  inviteCustomer,
  listInvitationSummaries,
  resendInvitation,
} from "@/lib/mail/invitations";
import { requestPasswordReset, resetLinkView, resetPasswordWithLink } from "@/lib/mail/password-reset";

const mails = vi.hoisted(() => ({ sent: [] as { key: string; to: string; template: string; data: Record<string, unknown> }[] }));
vi.mock("@/lib/notify/enqueue-mail", () => ({
  enqueueMail: async (input: { key: string; to: string; template: string; data: Record<string, unknown> }) => {
    mails.sent.push(input);
  },
}));

setTestEnv();
withTestDatabase("sqlite");

const tokenOf = (path: unknown, prefix: string) => String(path).slice(prefix.length);
const lastMail = () => mails.sent.at(-1)!;

async function staff(email: string, role: "support" | "admin" = "support") {
  const user = await createUser({ email, role, password: "Staff-password-2026" });
  return { id: user.id, email: user.email, name: "Sam Support", role: user.role };
}

beforeEach(() => {
  mails.sent.length = 0;
});
afterEach(() => vi.useRealTimers());

describe("invitations", () => {
  it("support invites a customer with unowned accounts; the mail carries only the link; accept sets the password once", async () => {
    const actor = await staff("inviter@example.net");
    const server = await createServer({ name: "onb1", baseUrl: "https://onb1:2087", authMode: "whm", username: "root", token: "T" });
    const account = await upsertHostingAccount({ serverId: server.id, cpanelUser: "shopone", primaryDomain: "shop-one.example" });
    const context = writeContext(actor, "web", "Ticket 4711: onboarding");

    const result = await inviteCustomer(context, { email: "Owner@Shop-One.example", accounts: ["shop-one.example"] });
    expect(result).toEqual({ email: "owner@shop-one.example", accounts: ["shop-one.example"] });
    const invited = (await findUserByEmail("owner@shop-one.example"))!;
    expect((await findHostingAccount(account.id))?.ownerUserId).toBe(invited.id);

    const mail = lastMail();
    expect(mail).toMatchObject({
      to: "owner@shop-one.example",
      template: "invitation",
      data: { invitedBy: "Sam Support", accounts: ["shop-one.example"] },
    });
    expect(String(mail.data.linkPath)).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(mail.data.linkPath, "/invite/");
    expect(await invitationLinkView(token)).toMatchObject({ state: "pending", email: "owner@shop-one.example" });

    // The panel's own policy: 12 characters, and both entries the same.
    await expect(acceptInvitationLink(token, "short", "short")).rejects.toMatchObject({ fieldErrors: { password: ["Use at least 12 characters"] } });
    await expect(acceptInvitationLink(token, "Long-enough-2026", "Other-2026-value")).rejects.toMatchObject({
      fieldErrors: { confirmPassword: expect.any(Array) },
    });
    expect(await acceptInvitationLink(token, "Long-enough-2026", "Long-enough-2026")).toEqual({ email: "owner@shop-one.example" });
    expect((await attemptSignIn("owner@shop-one.example", "Long-enough-2026", "192.0.2.10")).ok).toBe(true);
    await expect(acceptInvitationLink(token, "Another-pass-2026", "Another-pass-2026")).rejects.toBeInstanceOf(ValidationError);
    expect(await invitationLinkView(token)).toMatchObject({ state: "accepted" });

    const actions = (await listAuditEvents({})).filter((e) => e.target === "owner@shop-one.example").map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["user.invite", "user.invitation.accept"]));
    expect(JSON.stringify(await listAuditEvents({}))).not.toContain(token);
  });

  it("refuses customers, a missing reason, a taken address and an account someone owns", async () => {
    const customer = await createUser({ email: "plain@example.org", role: "customer", password: "Customer-pass-2026" });
    const customerActor = { id: customer.id, email: customer.email, name: null, role: customer.role };
    await expect(inviteCustomer(writeContext(customerActor, "web"), { email: "x@example.org", accounts: [] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listInvitationSummaries(customerActor)).rejects.toBeInstanceOf(NotFoundError);

    const actor = await staff("inviter2@example.net", "admin");
    await expect(inviteCustomer(writeContext(actor, "web"), { email: "x@example.org", accounts: [] })).rejects.toMatchObject({
      fieldErrors: { reason: expect.any(Array) },
    });
    const context = writeContext(actor, "web", "Ticket 4712: onboarding");
    await expect(inviteCustomer(context, { email: "plain@example.org", accounts: [] })).rejects.toMatchObject({
      fieldErrors: { email: ["A panel user with this email already exists"] },
    });
    const server = await createServer({ name: "onb2", baseUrl: "https://onb2:2087", authMode: "whm", username: "root", token: "T" });
    const owned = await upsertHostingAccount({ serverId: server.id, cpanelUser: "ownedacct", primaryDomain: "owned.example" });
    const { assignAccountOwner } = await import("@/lib/db/hosting-accounts");
    await assignAccountOwner(owned.id, customer.id);
    await expect(inviteCustomer(context, { email: "new@example.org", accounts: ["ownedacct", "nosuch.example"] })).rejects.toMatchObject({
      fieldErrors: { accounts: ["owned.example already belongs to plain@example.org", 'No hosting account is called "nosuch.example"'] },
    });
    expect(await findUserByEmail("new@example.org")).toBeNull();
    expect(mails.sent).toHaveLength(0);
  });

  it("resend replaces the link and mails it under a new key; revoke kills it; an expired link says so", async () => {
    const actor = await staff("inviter3@example.net");
    const context = writeContext(actor, "web", "Ticket 4713: onboarding");
    await inviteCustomer(context, { email: "later@example.org", accounts: [] });
    const first = lastMail();
    const [summary] = (await listInvitationSummaries(actor)).filter((i) => i.email === "later@example.org");
    expect(summary).toMatchObject({ state: "pending" });

    await resendInvitation(context, summary!.id);
    const second = lastMail();
    expect(second.key).not.toBe(first.key);
    expect(await invitationLinkView(tokenOf(first.data.linkPath, "/invite/"))).toEqual({ state: "unknown" });
    const token = tokenOf(second.data.linkPath, "/invite/");
    expect(await invitationLinkView(token)).toMatchObject({ state: "pending" });

    await cancelInvitation(context, summary!.id);
    expect(await invitationLinkView(token)).toEqual({ state: "revoked", invitedByEmail: "inviter3@example.net" });
    await expect(acceptInvitationLink(token, "Long-enough-2026", "Long-enough-2026")).rejects.toBeInstanceOf(ValidationError);
    // A login waiting on its invitation cannot get a reset link instead.
    await requestPasswordReset({ email: "later@example.org", ip: "192.0.2.30" });
    expect(mails.sent.filter((m) => m.template === "password-reset")).toHaveLength(0);

    await resendInvitation(context, summary!.id);
    const live = tokenOf(lastMail().data.linkPath, "/invite/");
    vi.useFakeTimers({ now: Date.now() + 7 * 24 * 3600_000 + 1000, toFake: ["Date"] });
    expect(await invitationLinkView(live)).toMatchObject({ state: "expired" });
    await expect(acceptInvitationLink(live, "Long-enough-2026", "Long-enough-2026")).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("forgot password", () => {
  it("answers the same for an unknown address, mails a link for a known one, and the reset ends every session", async () => {
    const user = await createUser({ email: "forgetful@example.org", role: "customer", password: "Forgotten-pass-2026" });
    await expect(requestPasswordReset({ email: "nobody@example.org", ip: "192.0.2.40" })).resolves.toBeUndefined();
    expect(mails.sent).toHaveLength(0);
    await expect(requestPasswordReset({ email: "Forgetful@Example.org", ip: "192.0.2.40" })).resolves.toBeUndefined();
    const mail = lastMail();
    expect(mail).toMatchObject({ to: "forgetful@example.org", template: "password-reset", data: { validMinutes: 30 } });
    expect(JSON.stringify(mail.data)).not.toContain("Forgotten-pass-2026");
    const token = tokenOf(mail.data.linkPath, "/reset-password/");

    const session = await createSession(user.id, 3600);
    expect(await resetLinkView(token)).toEqual({ valid: true, email: "forgetful@example.org" });
    await resetPasswordWithLink(token, "Remembered-pass-2026", "Remembered-pass-2026");
    expect(await findSessionUser(user.id, session)).toBeNull();
    expect((await findUserByEmail(user.email))!.sessionVersion).toBe(user.sessionVersion + 1);
    expect((await attemptSignIn(user.email, "Remembered-pass-2026", "192.0.2.41")).ok).toBe(true);
    await expect(resetPasswordWithLink(token, "Third-pass-2026x", "Third-pass-2026x")).rejects.toBeInstanceOf(ValidationError);
    expect(await resetLinkView(token)).toEqual({ valid: false });
    expect((await listAuditEvents({})).filter((e) => e.target === user.email).map((e) => e.action)).toEqual(
      expect.arrayContaining(["user.password.reset.request", "user.password.reset"]),
    );
  });

  it("limits requests like sign-ins, per address and per client, for known and unknown addresses alike", async () => {
    // LOGIN_MAX_FAILURES defaults to 5.
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email: "flood@example.org", ip: `198.51.100.${i}` });
    await expect(requestPasswordReset({ email: "flood@example.org", ip: "198.51.100.99" })).rejects.toBeInstanceOf(RateLimitedError);
    for (let i = 0; i < 20; i++) await requestPasswordReset({ email: `spray${i}@example.org`, ip: "203.0.113.77" });
    await expect(requestPasswordReset({ email: "another@example.org", ip: "203.0.113.77" })).rejects.toBeInstanceOf(RateLimitedError);
    // Asking for links never uses up the sign-in budget.
    await createUser({ email: "flood2@example.org", role: "customer", password: "Flood-password-2026" });
    for (let i = 0; i < 5; i++) await requestPasswordReset({ email: "flood2@example.org", ip: `198.51.100.${50 + i}` });
    expect((await attemptSignIn("flood2@example.org", "Flood-password-2026", "198.51.100.60")).ok).toBe(true);
  }, 30_000);

  it("keeps two-factor sign-in: staff with 2FA still need the code after a reset", async () => {
    const user = await createUser({ email: "admin2fa@example.net", role: "admin", password: "Admin-password-2026" });
    const actor = { id: user.id, email: user.email, name: null, role: user.role };
    const { secret } = await beginTotpEnrolment(actor);
    await confirmTotpEnrolment(writeContext(actor, "web", "Turning on 2FA for myself"), {
      code: generateSync({ secret }),
      currentPassword: "Admin-password-2026",
    });

    await requestPasswordReset({ email: user.email, ip: "192.0.2.50" });
    await resetPasswordWithLink(tokenOf(lastMail().data.linkPath, "/reset-password/"), "Admin-new-pass-2026", "Admin-new-pass-2026");
    expect(await attemptSignIn(user.email, "Admin-new-pass-2026", "192.0.2.51")).toEqual({ ok: false, code: "totp_required" });
    expect((await findUserByEmail(user.email))?.twoFactorEnabled).toBe(true);
  });
});
