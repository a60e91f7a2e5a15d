import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Selectable } from "kysely";
import { getDb } from "./client";
import { newId } from "./ids";
import type { ApiTokensTable } from "./schema";
import { findUserById, type User } from "./users";

/** A REST API token's record; the secret itself is shown once at creation and stored only as a hash. */
export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  scopes: string[];
  expiresAt: number | null;
  lastUsedAt: number | null;
  createdAt: number;
}

const TOKEN_PREFIX = "mr_";

// The secret is 256 random bits, so a fast hash is enough (no dictionary to guess from); SHA-256
// lets the lookup be an indexed equality match.
function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

function toApiToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    scopes: JSON.parse(row.scopes) as string[],
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    createdAt: row.created_at,
  };
}

/** Creates a token for a user; returns the secret (show it once, it cannot be read again) and the record. */
export async function createApiToken(input: {
  userId: string;
  name: string;
  scopes: string[];
  expiresAt?: number | null;
}): Promise<{ token: string; apiToken: ApiToken }> {
  const name = input.name.trim();
  if (!name) throw new Error("A token name is required");
  if (input.scopes.length === 0) throw new Error("A token needs at least one scope");
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const db = await getDb();
  const row = await db
    .insertInto("api_tokens")
    .values({
      id: newId("tok"),
      user_id: input.userId,
      name,
      token_hash: hashToken(token),
      scopes: JSON.stringify([...new Set(input.scopes)].sort()),
      expires_at: input.expiresAt ?? null,
      last_used_at: null,
      created_at: Date.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { token, apiToken: toApiToken(row) };
}

/** The unexpired token with this secret and its user, or null. Does not check the user's lock or scopes. */
export async function findApiTokenBySecret(secret: string, now: number = Date.now()): Promise<{ apiToken: ApiToken; user: User } | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const db = await getDb();
  const row = await db.selectFrom("api_tokens").selectAll().where("token_hash", "=", hashToken(secret)).executeTakeFirst();
  if (!row || (row.expires_at !== null && row.expires_at <= now)) return null;
  const user = await findUserById(row.user_id);
  return user ? { apiToken: toApiToken(row), user } : null;
}

/** Records that a token was used; writes at most once a minute per token. */
export async function touchApiToken(id: string, now: number = Date.now()): Promise<void> {
  const db = await getDb();
  await db
    .updateTable("api_tokens")
    .set({ last_used_at: now })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", now - 60_000)]))
    .execute();
}

/** A user's tokens, newest first. */
export async function listApiTokens(userId: string): Promise<ApiToken[]> {
  const db = await getDb();
  const rows = await db
    .selectFrom("api_tokens")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toApiToken);
}

/** Deletes one of a user's tokens; false if the user has no such token. */
export async function revokeApiToken(id: string, userId: string): Promise<boolean> {
  const db = await getDb();
  const result = await db.deleteFrom("api_tokens").where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
