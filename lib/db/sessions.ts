import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getDb } from "./client";
import { toUser, type User } from "./users";

// The id carries 256 random bits, so a fast hash is enough; storing only the hash means a copy of the
// database names no live session.
function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId, "utf8").digest("hex");
}

/** Opens a session for a user that ends after `lifetimeSeconds` at the latest; returns its id (for the cookie only). */
export async function createSession(userId: string, lifetimeSeconds: number): Promise<string> {
  const db = await getDb();
  const now = Date.now();
  const sessionId = randomBytes(32).toString("base64url");
  await db
    .insertInto("sessions")
    .values({ id_hash: hashSessionId(sessionId), user_id: userId, created_at: now, expires_at: now + Math.ceil(lifetimeSeconds * 1000) })
    .execute();
  // Sessions past their absolute lifetime are dead rows: sweep them on sign-in (rare, and indexed).
  await db.deleteFrom("sessions").where("expires_at", "<=", now).execute();
  return sessionId;
}

/** Ends one session (sign-out); false if it was not open. */
export async function deleteSession(sessionId: string): Promise<boolean> {
  const db = await getDb();
  const result = await db.deleteFrom("sessions").where("id_hash", "=", hashSessionId(sessionId)).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The user, if `sessionId` is one of their open, unexpired sessions; else null. One query, for every request. */
export async function findSessionUser(userId: string, sessionId: string): Promise<User | null> {
  const db = await getDb();
  const row = await db
    .selectFrom("users")
    .innerJoin("sessions", "sessions.user_id", "users.id")
    .selectAll("users")
    .where("users.id", "=", userId)
    .where("sessions.id_hash", "=", hashSessionId(sessionId))
    .where("sessions.expires_at", ">", Date.now())
    .executeTakeFirst();
  return row ? toUser(row) : null;
}
