import "server-only";
import { getDb } from "./client";

const TTL_MS = 24 * 60 * 60 * 1000;

export type IdempotencyClaim =
  { state: "claimed" } | { state: "replay"; status: number; body: string } | { state: "in_progress" } | { state: "mismatch" };

/**
 * Claims an idempotency key for one request. The first caller gets "claimed" and must `completeIdempotentRequest`
 * (or `releaseIdempotencyKey` when nothing happened); later callers get the stored answer, "in_progress" while the
 * first still runs, or "mismatch" when the key was used for a different request.
 */
export async function claimIdempotencyKey(key: string, requestHash: string, now: number = Date.now()): Promise<IdempotencyClaim> {
  const db = await getDb();
  await db.deleteFrom("idempotency_keys").where("key", "=", key).where("expires_at", "<=", now).execute();
  const inserted = await db
    .insertInto("idempotency_keys")
    .values({ key, request_hash: requestHash, response_status: null, response_body: null, created_at: now, expires_at: now + TTL_MS })
    .onConflict((oc) => oc.column("key").doNothing())
    .returning("key")
    .executeTakeFirst();
  if (inserted) return { state: "claimed" };
  const row = await db.selectFrom("idempotency_keys").selectAll().where("key", "=", key).executeTakeFirst();
  if (!row) return claimIdempotencyKey(key, requestHash, now);
  if (row.request_hash !== requestHash) return { state: "mismatch" };
  if (row.response_status === null || row.response_body === null) return { state: "in_progress" };
  return { state: "replay", status: row.response_status, body: row.response_body };
}

/** Stores the answer of a claimed request, for replays within 24 hours. */
export async function completeIdempotentRequest(key: string, status: number, body: string): Promise<void> {
  const db = await getDb();
  await db.updateTable("idempotency_keys").set({ response_status: status, response_body: body }).where("key", "=", key).execute();
}

/** Gives a claimed key back (the request was refused before it changed anything), so a corrected retry can run. */
export async function releaseIdempotencyKey(key: string): Promise<void> {
  const db = await getDb();
  await db.deleteFrom("idempotency_keys").where("key", "=", key).where("response_status", "is", null).execute();
}
