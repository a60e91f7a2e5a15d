import "server-only";
import { createHash } from "node:crypto";
import { openSecret, sealSecret } from "../crypto/secret-box";
import { getDb } from "./client";
import { newId } from "./ids";

// Secrets are bound to their user row, so a secret copied onto another user does not decrypt.
const secretContext = (userId: string) => `users.totp:${userId}`;
// Recovery codes carry ~60 random bits and are single-use: a fast hash is enough, and lookups stay indexed.
const hashCode = (code: string) => createHash("sha256").update(code.replaceAll("-", "").toLowerCase()).digest("hex");

export type TwoFactorState = { enabled: boolean; secret: string | null; pendingSecret: string | null; lastStep: number | null };

/** A user's two-factor state with the secrets decrypted (never send them to a browser or a log). */
export async function twoFactorState(userId: string): Promise<TwoFactorState> {
  const db = await getDb();
  const row = await db
    .selectFrom("users")
    .select(["totp_secret_encrypted", "totp_pending_encrypted", "totp_enabled_at", "totp_last_step"])
    .where("id", "=", userId)
    .executeTakeFirst();
  const open = (sealed: string | null | undefined) => (sealed ? openSecret(sealed, { context: secretContext(userId) }) : null);
  return {
    enabled: Boolean(row?.totp_enabled_at && row.totp_secret_encrypted),
    secret: open(row?.totp_secret_encrypted),
    pendingSecret: open(row?.totp_pending_encrypted),
    lastStep: row?.totp_last_step ?? null,
  };
}

/** Stores a secret being enrolled (replacing any earlier unconfirmed one). */
export async function setPendingTotpSecret(userId: string, secret: string): Promise<void> {
  const db = await getDb();
  await db
    .updateTable("users")
    .set({ totp_pending_encrypted: sealSecret(secret, { context: secretContext(userId) }) })
    .where("id", "=", userId)
    .execute();
}

/** Turns two-factor sign-in on with the confirmed secret, replaces the recovery codes, and signs the user out elsewhere. */
export async function enableTotp(userId: string, secret: string, confirmedStep: number, recoveryCodes: string[]): Promise<void> {
  const db = await getDb();
  const now = Date.now();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set((eb) => ({
        totp_secret_encrypted: sealSecret(secret, { context: secretContext(userId) }),
        totp_pending_encrypted: null,
        totp_enabled_at: now,
        totp_last_step: confirmedStep,
        session_version: eb("session_version", "+", 1),
        updated_at: now,
      }))
      .where("id", "=", userId)
      .execute();
    await trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
    if (recoveryCodes.length === 0) return;
    await trx
      .insertInto("recovery_codes")
      .values(recoveryCodes.map((code) => ({ id: newId("rc"), user_id: userId, code_hash: hashCode(code), used_at: null, created_at: now })))
      .execute();
  });
}

/** Turns two-factor sign-in off and removes the recovery codes. */
export async function disableTotp(userId: string): Promise<void> {
  const db = await getDb();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set((eb) => ({
        totp_secret_encrypted: null,
        totp_pending_encrypted: null,
        totp_enabled_at: null,
        totp_last_step: null,
        session_version: eb("session_version", "+", 1),
        updated_at: Date.now(),
      }))
      .where("id", "=", userId)
      .execute();
    await trx.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  });
}

/** Records the accepted time step, only if it is newer than the last one (so a code is never accepted twice, even concurrently). */
export async function advanceTotpStep(userId: string, step: number): Promise<boolean> {
  const db = await getDb();
  const result = await db
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Uses up a recovery code; true if it was the user's and unused. */
export async function consumeRecoveryCode(userId: string, code: string): Promise<boolean> {
  const db = await getDb();
  const result = await db
    .updateTable("recovery_codes")
    .set({ used_at: Date.now() })
    .where("user_id", "=", userId)
    .where("code_hash", "=", hashCode(code))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** How many unused recovery codes a user has left. */
export async function remainingRecoveryCodes(userId: string): Promise<number> {
  const db = await getDb();
  const row = await db
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
