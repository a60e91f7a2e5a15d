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
  /** The chosen language (lib/i18n/locales.ts); null = the browser's. */
  locale: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** PEM of the CA (or self-signed certificate) to trust, pasted in /admin/servers; used before ca_file. */
  ca_pem: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set while an admin has disabled the server: its accounts are not called. */
  disabled_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** The last connection check (lib/mail/server-check.ts): when, its overall status, and the whole result as JSON. */
  last_check_at: ColumnType<number | null, number | null | undefined, number | null>;
  last_check_status: ColumnType<string | null, string | null | undefined, string | null>;
  last_check_result: ColumnType<string | null, string | null | undefined, string | null>;
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

/** rate-limiter-flexible's counters (lib/auth/rate-limit.ts): points used in the window that ends at `expire` (epoch ms). */
export interface RateLimitPointsTable {
  key: string;
  points: number;
  expire: number | null;
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

/** An invitation to set a panel password: the link's token is stored only as its sha256 hash. */
export interface InvitationsTable {
  id: string;
  user_id: string;
  token_hash: string;
  /** Who sent it (a user id; null when sent from the command line). */
  invited_by_user_id: string | null;
  created_at: number;
  /** When the current link was sent (a resend replaces the token and moves this and expires_at). */
  sent_at: number;
  expires_at: number;
  accepted_at: number | null;
  revoked_at: number | null;
}

/** A "forgot password" link: single use, short-lived, stored as the sha256 hash of its token. */
export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export type JobState = "queued" | "running" | "succeeded" | "failed" | "cancelled";

/** One job of the embedded queue (lib/jobs): durable, unique by its idempotency key. */
export interface JobsTable {
  id: string;
  kind: string;
  /** Idempotency key: a second enqueue with the same key is the same job. */
  key: string;
  /** What a person sees in the list ("Mail security-alert to a@b.example"). */
  title: string;
  /** JSON. */
  payload: string;
  state: JobState;
  attempts: Generated<number>;
  max_attempts: number;
  backoff_ms: number;
  /** Not before this time (epoch ms): the backoff of a retry. */
  run_at: number;
  locked_by: string | null;
  /** A running job's lease; after it, the job is picked up again (its runner died). */
  locked_until: number | null;
  progress: Generated<number>;
  progress_message: string | null;
  last_error: string | null;
  cancel_requested_at: number | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

/** A user's choice for one kind of non-security mail; 1 on, 0 off. */
export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  enabled: number;
  updated_at: number;
}

/** One mailbox address of the support search's index (lib/mail/mailbox-index.ts), lower case. */
export interface MailboxAddressesTable {
  server_id: string;
  account_id: string;
  address: string;
}

/** When a server's part of the mailbox index was last refreshed, and how it went. */
export interface MailboxIndexRefreshesTable {
  server_id: string;
  refreshed_at: number;
  accounts: number;
  addresses: number;
  /** Accounts whose addresses could not be read (their earlier rows are kept). */
  failed_accounts: number;
}

export interface Database {
  users: UsersTable;
  servers: ServersTable;
  hosting_accounts: HostingAccountsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  rate_limit_points: RateLimitPointsTable;
  idempotency_keys: IdempotencyKeysTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  password_reset_tokens: PasswordResetTokensTable;
  jobs: JobsTable;
  mailbox_addresses: MailboxAddressesTable;
  mailbox_index_refreshes: MailboxIndexRefreshesTable;
  notification_preferences: NotificationPreferencesTable;
}
