// Invitation and password-reset links: stored hashed, single use, expiring; a reset ends every session.
import { afterEach, describe, expect, it, vi } from "vitest";
import { sql } from "kysely";
import { createUser, findUserById } from "@/lib/db/users";
import { verifyUserPassword } from "@/lib/auth/verify-password";
import { createSession, findSessionUser } from "@/lib/db/sessions";
import { createServer } from "@/lib/db/servers";
import { findHostingAccount, upsertHostingAccount } from "@/lib/db/hosting-accounts";
import { acceptInvitation, createInvitedUser, findInvitationByToken, renewInvitation, revokeInvitation } from "@/lib/db/invitations";
import { createPasswordResetToken, findPasswordResetUser, resetPasswordWithToken } from "@/lib/db/password-resets";
import { hashLinkToken } from "@/lib/db/one-time-token";
import { ENGINES, setTestEnv, withTestDatabase } from "./engines";

setTestEnv();

const WEEK = 7 * 24 * 3600_000;

describe.each(ENGINES)("invitations on %s", (engine) => {
  const database = withTestDatabase(engine);
  afterEach(() => vi.useRealTimers());

  it("creates a customer without a usable password, owning only unowned accounts, and stores only the token's hash", async () => {
    const server = await createServer({ name: `inv-${engine}`, baseUrl: "https://inv:2087", authMode: "whm", username: "root", token: "T" });
    const free = await upsertHostingAccount({ serverId: server.id, cpanelUser: "freeacct", primaryDomain: "free.example" });
    const taken = await upsertHostingAccount({ serverId: server.id, cpanelUser: "takenacct", primaryDomain: "taken.example" });
    const owner = await createUser({ email: `owner-${engine}@example.com`, role: "customer", password: "Owner-password-2026" });
    const { assignAccountOwner } = await import("@/lib/db/hosting-accounts");
    await assignAccountOwner(taken.id, owner.id);

    const { user, invitation, token } = await createInvitedUser({
      email: `New-${engine}@Example.com`,
      invitedByUserId: owner.id,
      accountIds: [free.id, taken.id],
      validForMs: WEEK,
    });
    expect(user).toMatchObject({ email: `new-${engine}@example.com`, role: "customer" });
    expect(invitation).toMatchObject({ state: "pending", invitedByEmail: owner.email });
    expect((await findHostingAccount(free.id))?.ownerUserId).toBe(user.id);
    expect((await findHostingAccount(taken.id))?.ownerUserId).toBe(owner.id);

    const { rows } = await sql<{ token_hash: string }>`select token_hash from invitations where id = ${invitation.id}`.execute(
      database.current().handle.db,
    );
    expect(rows[0]!.token_hash).toBe(hashLinkToken(token));
    expect(rows[0]!.token_hash).not.toContain(token);
    // No password works before the invitation is accepted.
    expect(await verifyUserPassword(user.email, "")).toBeNull();
  });

  it("accepts once: sets the password; a second use, a revoked or an expired link do nothing", async () => {
    const { user, invitation, token } = await createInvitedUser({
      email: `once-${engine}@example.com`,
      invitedByUserId: null,
      accountIds: [],
      validForMs: WEEK,
    });
    const accepted = await acceptInvitation(token, "Accepted-password-2026");
    expect(accepted?.id).toBe(user.id);
    expect(await verifyUserPassword(user.email, "Accepted-password-2026")).not.toBeNull();
    expect(await acceptInvitation(token, "Second-password-2026")).toBeNull();
    expect((await findInvitationByToken(token))?.state).toBe("accepted");
    expect(await renewInvitation(invitation.id, WEEK)).toBeNull();
    expect(await revokeInvitation(invitation.id)).toBe(false);

    const revoked = await createInvitedUser({ email: `revoked-${engine}@example.com`, invitedByUserId: null, accountIds: [], validForMs: WEEK });
    expect(await revokeInvitation(revoked.invitation.id)).toBe(true);
    expect((await findInvitationByToken(revoked.token))?.state).toBe("revoked");
    expect(await acceptInvitation(revoked.token, "Revoked-password-2026")).toBeNull();
    // A resend revives it with a new link; the old one stays dead.
    const renewed = await renewInvitation(revoked.invitation.id, WEEK);
    expect(renewed?.invitation.state).toBe("pending");
    expect(await findInvitationByToken(revoked.token)).toBeNull();
    expect(await acceptInvitation(renewed!.token, "Renewed-password-2026")).not.toBeNull();

    const expiring = await createInvitedUser({ email: `expired-${engine}@example.com`, invitedByUserId: null, accountIds: [], validForMs: WEEK });
    vi.useFakeTimers({ now: Date.now() + WEEK + 1000, toFake: ["Date"] });
    expect((await findInvitationByToken(expiring.token))?.state).toBe("expired");
    expect(await acceptInvitation(expiring.token, "Expired-password-2026")).toBeNull();
  });

  it("resets a password once within 30 minutes and ends every session of the user", async () => {
    const user = await createUser({ email: `reset-${engine}@example.com`, role: "customer", password: "Old-password-2026" });
    const session = await createSession(user.id, 3600);
    const first = await createPasswordResetToken(user.id, 30 * 60_000);
    const second = await createPasswordResetToken(user.id, 30 * 60_000);
    expect((await findPasswordResetUser(first.token))?.id).toBe(user.id);
    const { rows } = await sql<{ n: number }>`select count(*) as n from password_reset_tokens where token_hash = ${first.token}`.execute(
      database.current().handle.db,
    );
    expect(Number(rows[0]!.n)).toBe(0);

    const after = await resetPasswordWithToken(first.token, "New-password-2026");
    expect(after?.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await findSessionUser(user.id, session)).toBeNull();
    expect(await verifyUserPassword(user.email, "New-password-2026")).not.toBeNull();
    expect(await verifyUserPassword(user.email, "Old-password-2026")).toBeNull();
    // Single use, and the other outstanding link of the same user died with it.
    expect(await resetPasswordWithToken(first.token, "Third-password-2026")).toBeNull();
    expect(await findPasswordResetUser(second.token)).toBeNull();
    expect(await resetPasswordWithToken(second.token, "Third-password-2026")).toBeNull();

    const late = await createPasswordResetToken(user.id, 30 * 60_000);
    vi.useFakeTimers({ now: Date.now() + 30 * 60_000 + 1, toFake: ["Date"] });
    expect(await findPasswordResetUser(late.token)).toBeNull();
    expect(await resetPasswordWithToken(late.token, "Late-password-2026")).toBeNull();
    expect((await findUserById(user.id))?.sessionVersion).toBe(user.sessionVersion + 1);
  });
});
