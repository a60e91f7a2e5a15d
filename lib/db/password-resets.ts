import "server-only";
import { hashPassword } from "../auth/password-hash";
import { getDb } from "./client";
import { hashLinkToken, newLinkToken } from "./one-time-token";
import { toUser, type User } from "./users";

/** Issues a password-reset link token for a user, valid for `validForMs`; returns the token (for the e-mailed link only). */
export async function createPasswordResetToken(userId: string, validForMs: number): Promise<{ token: string; expiresAt: number }> {
  const db = await getDb();
  const now = Date.now();
  const { token, tokenHash } = newLinkToken();
  await db
    .insertInto("password_reset_tokens")
    .values({ token_hash: tokenHash, user_id: userId, created_at: now, expires_at: now + validForMs, used_at: null })
    .execute();
  // Spent and expired links are dead rows: sweep them when a new one is made (rare, and indexed by key).
  await db
    .deleteFrom("password_reset_tokens")
    .where("expires_at", "<=", now - 24 * 3600_000)
    .execute();
  return { token, expiresAt: now + validForMs };
}

/** The user a reset link names while it is unused and unexpired, else null (looking does not spend it). */
export async function findPasswordResetUser(token: string): Promise<User | null> {
  const db = await getDb();
  const row = await db
    .selectFrom("password_reset_tokens as t")
    .innerJoin("users", "users.id", "t.user_id")
    .selectAll("users")
    .where("t.token_hash", "=", hashLinkToken(token))
    .where("t.used_at", "is", null)
    .where("t.expires_at", ">", Date.now())
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

/**
 * Spends a reset link and sets the new password in one transaction: the link works once, every other reset link of
 * the user dies with it, and every session of the user ends (session version bumped, session rows deleted). Two-factor
 * sign-in is left as it is. Null if the link is unknown, used or expired.
 */
export async function resetPasswordWithToken(token: string, password: string): Promise<User | null> {
  if (!password) throw new Error("A password is required");
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  const now = Date.now();
  return db.transaction().execute(async (trx) => {
    const spent = await trx
      .updateTable("password_reset_tokens")
      .set({ used_at: now })
      .where("token_hash", "=", hashLinkToken(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .returning("user_id")
      .executeTakeFirst();
    if (!spent) return null;
    await trx.updateTable("password_reset_tokens").set({ used_at: now }).where("user_id", "=", spent.user_id).where("used_at", "is", null).execute();
    const row = await trx
      .updateTable("users")
      .set((eb) => ({ password_hash: passwordHash, session_version: eb("session_version", "+", 1), failed_login_count: 0, updated_at: now }))
      .where("id", "=", spent.user_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.deleteFrom("sessions").where("user_id", "=", spent.user_id).execute();
    return toUser(row);
  });
}
