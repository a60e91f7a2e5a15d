import "server-only";
import type { ColumnType, Generated } from "kysely";

// Every *_at column holds epoch milliseconds as an integer (bigint on PostgreSQL, parsed back to a
// JS number by the pool's type parser), so the same queries and comparisons work on both engines.
// Booleans are not stored: a nullable timestamp (locked_at) says both "whether" and "since when".

export type Role = "customer" | "support" | "admin";
export type AuthMode = "whm" | "cpanel";

export interface UsersTable {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  password_hash: string;
  session_version: Generated<number>;
  locked_at: number | null;
  failed_login_count: Generated<number>;
  last_failed_login_at: number | null;
  last_login_at: number | null;
  created_at: number;
  updated_at: number;
  /** TOTP secret (base32), encrypted with MAILROOM_ENCRYPTION_KEY; set when two-factor sign-in is on. */
  totp_secret_encrypted: ColumnType<string | null, string | null | undefined, string | null>;
  /** A secret being enrolled, until the first code confirms it. */
  totp_pending_encrypted: ColumnType<string | null, string | null | undefined, string | null>;
  totp_enabled_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** The last TOTP time step accepted: a code is never accepted twice. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface ServersTable {
  id: string;
  name: string;
  base_url: string;
  auth_mode: AuthMode;
  username: string;
  token_encrypted: string;
  ca_file: string | null;
  created_at: number;
  updated_at: number;
}

export interface HostingAccountsTable {
  id: string;
  server_id: string;
  cpanel_user: string;
  primary_domain: string;
  contact_email: string | null;
  owner_user_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** JSON array of scope strings. */
  scopes: string;
  expires_at: number | null;
  last_used_at: number | null;
  created_at: number;
}

export interface AuditEventsTable {
  id: string;
  at: number;
  actor_user_id: string | null;
  actor_role: string | null;
  account_id: string | null;
  action: string;
  target: string | null;
  outcome: string;
  reason: string | null;
  /** JSON object, or null. */
  detail: string | null;
  request_id: string | null;
  /** Position in the hash chain (1, 2, …); null only for rows written before the chain existed. */
  seq: number | null;
  /** Hash of the previous row ("" for the first). */
  prev_hash: string | null;
  /** sha256 over prev_hash and this row's fields: a changed or removed row breaks every later hash. */
  hash: string | null;
}

export interface RateLimitsTable {
  key: string;
  count: ColumnType<number, number, number>;
  window_start: number;
  expires_at: number;
}

/** One write request by idempotency key: claimed while it runs, then its answer for replays. */
export interface IdempotencyKeysTable {
  /** Scope (the caller) + the client's key. */
  key: string;
  /** A hash of the request (method, path, body) so a reused key with another request is refused. */
  request_hash: string;
  /** null while the first request runs. */
  response_status: number | null;
  response_body: string | null;
  created_at: number;
  expires_at: number;
}

/** One-time recovery codes for two-factor sign-in, stored as hashes. */
export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: number | null;
  created_at: number;
}

/**
 * One signed-in browser session. The session cookie (a next-auth JWT) carries the session's random id;
 * the row is what makes it valid: signing out deletes it, so a copied cookie is dead after sign-out.
 */
export interface SessionsTable {
  /** sha256 of the session id in the cookie (the id itself is not stored). */
  id_hash: string;
  user_id: string;
  created_at: number;
  /** The absolute session lifetime's end; the row is swept after it. */
  expires_at: number;
}

export interface Database {
  users: UsersTable;
  servers: ServersTable;
  hosting_accounts: HostingAccountsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  rate_limits: RateLimitsTable;
  idempotency_keys: IdempotencyKeysTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
}
