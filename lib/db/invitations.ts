import "server-only";
import type { Selectable } from "kysely";
import { hashPassword } from "../auth/password-hash";
import { getDb } from "./client";
import { ulid } from "./ids";
import { hashLinkToken, newLinkToken } from "./one-time-token";
import type { InvitationsTable } from "./schema";
import { normalizeEmail, toUser, type User } from "./users";

/** What an invitation is now: the link works only while "pending". */
export type InvitationState = "pending" | "accepted" | "expired" | "revoked";

/** An invitation as the app sees it (never the token or its hash). */
export interface Invitation {
  id: string;
  userId: string;
  email: string;
  invitedByUserId: string | null;
  invitedByEmail: string | null;
  createdAt: number;
  sentAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  revokedAt: number | null;
  state: InvitationState;
}

type Row = Selectable<InvitationsTable> & { email: string; invited_by_email: string | null };

function stateOf(row: Selectable<InvitationsTable>, now: number): InvitationState {
  if (row.accepted_at !== null) return "accepted";
  if (row.revoked_at !== null) return "revoked";
  return row.expires_at <= now ? "expired" : "pending";
}

function toInvitation(row: Row, now = Date.now()): Invitation {
  return {
    id: row.id,
    userId: row.user_id,
    email: row.email,
    invitedByUserId: row.invited_by_user_id,
    invitedByEmail: row.invited_by_email,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
    state: stateOf(row, now),
  };
}

async function selectInvitations() {
  const db = await getDb();
  return db
    .selectFrom("invitations as i")
    .innerJoin("users as u", "u.id", "i.user_id")
    .leftJoin("users as by", "by.id", "i.invited_by_user_id")
    .selectAll("i")
    .select(["u.email as email", "by.email as invited_by_email"]);
}

let unusableHash: Promise<string> | undefined;

/**
 * The password hash of a login that has no password yet: a real argon2id hash of 256 random bits nobody keeps, so
 * signing in as an invited user fails like a wrong password and takes as long (the hash is made once per process).
 */
function unusablePasswordHash(): Promise<string> {
  unusableHash ??= import("node:crypto").then(({ randomBytes }) => hashPassword(randomBytes(32).toString("base64url")));
  return unusableHash;
}

/** Creates a customer login without a password and its first invitation; throws if the email is taken (caller checks first). */
export async function createInvitedUser(input: {
  email: string;
  name?: string | null;
  invitedByUserId: string | null;
  accountIds: string[];
  validForMs: number;
}): Promise<{ user: User; invitation: Invitation; token: string }> {
  const db = await getDb();
  const passwordHash = await unusablePasswordHash();
  const now = Date.now();
  const { token, tokenHash } = newLinkToken();
  const { userRow, invitationId } = await db.transaction().execute(async (trx) => {
    const userRow = await trx
      .insertInto("users")
      .values({
        id: `usr_${ulid(now)}`,
        email: normalizeEmail(input.email),
        name: input.name?.trim() || null,
        role: "customer",
        password_hash: passwordHash,
        locked_at: null,
        last_failed_login_at: null,
        last_login_at: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const invitationId = `inv_${ulid(now)}`;
    await trx
      .insertInto("invitations")
      .values({
        id: invitationId,
        user_id: userRow.id,
        token_hash: tokenHash,
        invited_by_user_id: input.invitedByUserId,
        created_at: now,
        sent_at: now,
        expires_at: now + input.validForMs,
        accepted_at: null,
        revoked_at: null,
      })
      .execute();
    if (input.accountIds.length) {
      // Only accounts nobody owns: an owner is never replaced by an invitation.
      await trx
        .updateTable("hosting_accounts")
        .set({ owner_user_id: userRow.id, updated_at: now })
        .where("id", "in", input.accountIds)
        .where("owner_user_id", "is", null)
        .execute();
    }
    return { userRow, invitationId };
  });
  const invitation = await findInvitation(invitationId);
  return { user: toUser(userRow), invitation: invitation!, token };
}

/** One invitation by id, or null. */
export async function findInvitation(id: string): Promise<Invitation | null> {
  const row = await (await selectInvitations()).where("i.id", "=", id).executeTakeFirst();
  return row ? toInvitation(row) : null;
}

/** The invitation a link's token names (any state), or null for a token nobody issued. */
export async function findInvitationByToken(token: string): Promise<Invitation | null> {
  const row = await (await selectInvitations()).where("i.token_hash", "=", hashLinkToken(token)).executeTakeFirst();
  return row ? toInvitation(row) : null;
}

/** Every invitation not yet accepted (pending, expired or revoked), newest first; accepted ones after them, up to `limit`. */
export async function listInvitations(limit = 500): Promise<Invitation[]> {
  const rows = await (await selectInvitations()).orderBy("i.accepted_at", "desc").orderBy("i.sent_at", "desc").limit(limit).execute();
  const invitations = rows.map((row) => toInvitation(row));
  return [...invitations.filter((i) => i.state !== "accepted"), ...invitations.filter((i) => i.state === "accepted")];
}

/** The user's latest invitation, or null when they were never invited (a login made with a password). */
export async function latestInvitationOf(userId: string): Promise<Invitation | null> {
  const row = await (await selectInvitations()).where("i.user_id", "=", userId).orderBy("i.created_at", "desc").limit(1).executeTakeFirst();
  return row ? toInvitation(row) : null;
}

/**
 * A new link for an invitation not yet accepted (a resend): the old token stops working, the validity starts again
 * and a revoked invitation is live again. Null if it was accepted meanwhile.
 */
export async function renewInvitation(id: string, validForMs: number): Promise<{ invitation: Invitation; token: string } | null> {
  const db = await getDb();
  const now = Date.now();
  const { token, tokenHash } = newLinkToken();
  const result = await db
    .updateTable("invitations")
    .set({ token_hash: tokenHash, sent_at: now, expires_at: now + validForMs, revoked_at: null })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return null;
  return { invitation: (await findInvitation(id))!, token };
}

/** Revokes an invitation not yet accepted (its link stops working); false if it was accepted or already revoked. */
export async function revokeInvitation(id: string): Promise<boolean> {
  const db = await getDb();
  const result = await db
    .updateTable("invitations")
    .set({ revoked_at: Date.now() })
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Spends a pending invitation's link and sets the user's password in one transaction: the link works once (a second
 * use, an expired or revoked link finds no row). Signs the user out everywhere. Null if the link was not pending.
 */
export async function acceptInvitation(token: string, password: string): Promise<User | null> {
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  const now = Date.now();
  return db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable("invitations")
      .set({ accepted_at: now })
      .where("token_hash", "=", hashLinkToken(token))
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", now)
      .returning("user_id")
      .executeTakeFirst();
    if (!spent) return null;
    const row = await trx
      .updateTable("users")
      .set((eb) => ({ password_hash: passwordHash, session_version: eb("session_version", "+", 1), updated_at: now }))
      .where("id", "=", spent.user_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.deleteFrom("sessions").where("user_id", "=", spent.user_id).execute();
    return toUser(row);
  });
}
