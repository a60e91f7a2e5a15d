import "server-only";
import type { Selectable } from "kysely";
import { hashPassword } from "../auth/password-hash";
import { getDb } from "./client";
import { newId } from "./ids";
import type { Role, UsersTable } from "./schema";

export type { Role } from "./schema";
export const ROLES: readonly Role[] = ["customer", "support", "admin"];

/** A panel user as the app sees it; the password hash never leaves this module. */
export interface User {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** Bumped to sign the user out everywhere; sessions carry the version they were issued with. */
  sessionVersion: number;
  lockedAt: number | null;
  /** Two-factor sign-in (TOTP) is on. */
  twoFactorEnabled: boolean;
  /** The language chosen on /settings, or null to follow the browser. */
  locale: string | null;
  failedLoginCount: number;
  lastLoginAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export class DuplicateEmailError extends Error {
  constructor(readonly email: string) {
    super(`A user with the email ${email} already exists`);
    this.name = "DuplicateEmailError";
  }
}

/** Emails are compared case-insensitively: stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A users row as the app sees it (for this folder's repositories; the hash stays behind). */
export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    sessionVersion: row.session_version,
    lockedAt: row.locked_at,
    twoFactorEnabled: row.totp_enabled_at !== null && row.totp_secret_encrypted !== null,
    locale: row.locale,
    failedLoginCount: row.failed_login_count,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The user with this email (any case), or null. */
export async function findUserByEmail(email: string): Promise<User | null> {
  const db = await getDb();
  const row = await db.selectFrom("users").selectAll().where("email", "=", normalizeEmail(email)).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** The user with this id, or null. */
export async function findUserById(id: string): Promise<User | null> {
  const db = await getDb();
  const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** The emails of these users, by id, in one query (users that do not exist are left out). */
export async function userEmailsByIds(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .selectFrom("users")
    .select(["id", "email"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.email]));
}

/** Creates a user with an argon2id-hashed password; throws DuplicateEmailError if the email is taken. */
export async function createUser(input: { email: string; name?: string | null; role: Role; password: string }): Promise<User> {
  if (!ROLES.includes(input.role)) throw new Error(`Unknown role: ${String(input.role)}`);
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new Error("The email address is not valid");
  if (!input.password) throw new Error("A password is required");
  const db = await getDb();
  if (await findUserByEmail(email)) throw new DuplicateEmailError(email);
  const now = Date.now();
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await db
      .insertInto("users")
      .values({
        id: newId("usr"),
        email,
        name: input.name?.trim() || null,
        role: input.role,
        password_hash: passwordHash,
        locked_at: null,
        last_failed_login_at: null,
        last_login_at: null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  } catch (error) {
    // Lost a race with another insert of the same email.
    if (await findUserByEmail(email)) throw new DuplicateEmailError(email);
    throw error;
  }
}

/** Every user, ordered by email. */
export async function listUsers(): Promise<User[]> {
  const db = await getDb();
  const rows = await db.selectFrom("users").selectAll().orderBy("email").execute();
  return rows.map(toUser);
}

/** Changes a user's role and signs them out everywhere (their sessions carry the old role); null if no such user. */
export async function setUserRole(id: string, role: Role): Promise<User | null> {
  if (!ROLES.includes(role)) throw new Error(`Unknown role: ${String(role)}`);
  const db = await getDb();
  const row = await db
    .updateTable("users")
    .set((eb) => ({ role, session_version: eb("session_version", "+", 1), updated_at: Date.now() }))
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

/** Stores the user's language (null: follow the browser); false if there is no such user. */
export async function setUserLocale(id: string, locale: string | null): Promise<boolean> {
  const db = await getDb();
  const result = await db.updateTable("users").set({ locale, updated_at: Date.now() }).where("id", "=", id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Locks (and signs out everywhere) or unlocks a user; unlocking also clears the failed sign-in count. Null if no such user. */
export async function setUserLocked(id: string, locked: boolean): Promise<User | null> {
  const db = await getDb();
  const now = Date.now();
  const query = locked
    ? db.updateTable("users").set((eb) => ({
        // Keep the original lock time if it is already locked.
        locked_at: eb.fn.coalesce("locked_at", eb.val(now)),
        session_version: eb("session_version", "+", 1),
        updated_at: now,
      }))
    : db.updateTable("users").set({ locked_at: null, failed_login_count: 0, updated_at: now });
  const row = await query.where("id", "=", id).returningAll().executeTakeFirst();
  return row ? toUser(row) : null;
}

/** Signs a user out of every session by bumping the session version; returns the new version, or null if no such user. */
export async function bumpSessionVersion(id: string): Promise<number | null> {
  const db = await getDb();
  const row = await db
    .updateTable("users")
    .set((eb) => ({ session_version: eb("session_version", "+", 1), updated_at: Date.now() }))
    .where("id", "=", id)
    .returning("session_version")
    .executeTakeFirst();
  return row ? row.session_version : null;
}

/** Replaces a user's password (argon2id) and signs them out everywhere; false if no such user. */
export async function setUserPassword(id: string, password: string): Promise<boolean> {
  if (!password) throw new Error("A password is required");
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  const result = await db
    .updateTable("users")
    .set((eb) => ({ password_hash: passwordHash, session_version: eb("session_version", "+", 1), updated_at: Date.now() }))
    .where("id", "=", id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A user with their stored password hash (argon2id), for the sign-in check in lib/auth; null for an unknown email. */
export async function findCredentialsByEmail(email: string): Promise<{ user: User; passwordHash: string } | null> {
  const db = await getDb();
  const row = await db.selectFrom("users").selectAll().where("email", "=", normalizeEmail(email)).executeTakeFirst();
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
}

/** Counts a failed password check; `id` null (an unknown email) still makes the same round trip, so timing reveals nothing. */
export async function recordFailedPassword(id: string | null): Promise<void> {
  const db = await getDb();
  await db
    .updateTable("users")
    .set((eb) => ({ failed_login_count: eb("failed_login_count", "+", 1), last_failed_login_at: Date.now() }))
    .where("id", "=", id ?? "")
    .execute();
}

/** Records a passed password check (clears the failed count) and stores an upgraded hash when one is given. */
export async function recordPassedPassword(id: string, upgradedHash?: string): Promise<User> {
  const db = await getDb();
  const updated = await db
    .updateTable("users")
    .set({ failed_login_count: 0, last_login_at: Date.now(), ...(upgradedHash ? { password_hash: upgradedHash } : {}) })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(updated);
}
