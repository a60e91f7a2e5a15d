import "server-only";
import { PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from "kysely";

// Migrations live in code (not a folder read at run time) so they ship inside the Next.js bundle.
// Names sort in the order they run; never edit a migration that has shipped, add a new one.
// Column types are chosen to mean the same on SQLite and PostgreSQL: text ids, bigint epoch ms.

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("users")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("email", "text", (c) => c.notNull().unique())
      .addColumn("name", "text")
      .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('customer', 'support', 'admin')`))
      .addColumn("password_hash", "text", (c) => c.notNull())
      .addColumn("session_version", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("locked_at", "bigint")
      .addColumn("failed_login_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("last_failed_login_at", "bigint")
      .addColumn("last_login_at", "bigint")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("servers")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull().unique())
      .addColumn("base_url", "text", (c) => c.notNull())
      .addColumn("auth_mode", "text", (c) => c.notNull().check(sql`auth_mode in ('whm', 'cpanel')`))
      .addColumn("username", "text", (c) => c.notNull())
      .addColumn("token_encrypted", "text", (c) => c.notNull())
      .addColumn("ca_file", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("hosting_accounts")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("server_id", "text", (c) => c.notNull().references("servers.id").onDelete("restrict"))
      .addColumn("cpanel_user", "text", (c) => c.notNull())
      .addColumn("primary_domain", "text", (c) => c.notNull())
      .addColumn("contact_email", "text")
      .addColumn("owner_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .addUniqueConstraint("hosting_accounts_server_user_unique", ["server_id", "cpanel_user"])
      .execute();
    await db.schema.createIndex("hosting_accounts_owner_idx").on("hosting_accounts").column("owner_user_id").execute();
    await db.schema.createIndex("hosting_accounts_domain_idx").on("hosting_accounts").column("primary_domain").execute();
    await db.schema.createIndex("hosting_accounts_cpanel_user_idx").on("hosting_accounts").column("cpanel_user").execute();

    await db.schema
      .createTable("api_tokens")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("scopes", "text", (c) => c.notNull())
      .addColumn("expires_at", "bigint")
      .addColumn("last_used_at", "bigint")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("api_tokens_user_idx").on("api_tokens").column("user_id").execute();

    // No foreign keys: the audit log must outlive the users, accounts and servers it mentions.
    await db.schema
      .createTable("audit_events")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("at", "bigint", (c) => c.notNull())
      .addColumn("actor_user_id", "text")
      .addColumn("actor_role", "text")
      .addColumn("account_id", "text")
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("target", "text")
      .addColumn("outcome", "text", (c) => c.notNull())
      .addColumn("reason", "text")
      .addColumn("detail", "text")
      .addColumn("request_id", "text")
      .execute();
    await db.schema.createIndex("audit_events_at_idx").on("audit_events").column("at").execute();
    await db.schema.createIndex("audit_events_account_idx").on("audit_events").columns(["account_id", "at"]).execute();
    await db.schema.createIndex("audit_events_actor_idx").on("audit_events").columns(["actor_user_id", "at"]).execute();

    await db.schema
      .createTable("rate_limits")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("count", "integer", (c) => c.notNull())
      .addColumn("window_start", "bigint", (c) => c.notNull())
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("rate_limits_expires_idx").on("rate_limits").column("expires_at").execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ["rate_limits", "audit_events", "api_tokens", "hosting_accounts", "servers", "users"]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};

const idempotencyKeys: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("idempotency_keys")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("request_hash", "text", (c) => c.notNull())
      .addColumn("response_status", "integer")
      .addColumn("response_body", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("idempotency_keys_expires_idx").on("idempotency_keys").column("expires_at").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("idempotency_keys").ifExists().execute();
  },
};

// The audit log is append-only in the database itself, not only in code: UPDATE and DELETE are refused
// by triggers, and each row carries a hash chained to the previous one (lib/audit/chain.ts).
const auditAppendOnly: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("audit_events").addColumn("seq", "bigint").execute();
    await db.schema.alterTable("audit_events").addColumn("prev_hash", "text").execute();
    await db.schema.alterTable("audit_events").addColumn("hash", "text").execute();
    await db.schema.createIndex("audit_events_seq_idx").unique().on("audit_events").column("seq").execute();
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`create or replace function audit_events_append_only() returns trigger language plpgsql as $$
        begin raise exception 'audit_events is append-only'; end $$`.execute(db);
      await sql`create trigger audit_events_no_update before update or delete on audit_events
        for each row execute function audit_events_append_only()`.execute(db);
      await sql`create trigger audit_events_no_truncate before truncate on audit_events
        for each statement execute function audit_events_append_only()`.execute(db);
    } else {
      await sql`create trigger audit_events_no_update before update on audit_events
        begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
      await sql`create trigger audit_events_no_delete before delete on audit_events
        begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
    }
  },
  async down() {
    throw new Error("The audit log's append-only guard is not removed by a migration");
  },
};

const twoFactor: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of ["totp_secret_encrypted", "totp_pending_encrypted"]) {
      await db.schema.alterTable("users").addColumn(column, "text").execute();
    }
    for (const column of ["totp_enabled_at", "totp_last_step"]) {
      await db.schema.alterTable("users").addColumn(column, "bigint").execute();
    }
    await db.schema
      .createTable("recovery_codes")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("code_hash", "text", (c) => c.notNull().unique())
      .addColumn("used_at", "bigint")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("recovery_codes_user_idx").on("recovery_codes").column("user_id").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("recovery_codes").ifExists().execute();
  },
};

// Sessions are JWTs, but each sign-in gets a row here that the cookie names: without it, signing out
// could only clear the browser's copy of the cookie.
const sessions: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("sessions")
      .addColumn("id_hash", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();
    await db.schema.createIndex("sessions_expires_idx").on("sessions").column("expires_at").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("sessions").ifExists().execute();
  },
};

// Invitations and password resets: one-time links whose token is stored only as a sha256 hash, so a copy of the
// database opens no account. A link is spent by setting its used/accepted time in the same statement that checks it.
const invitations: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("invitations")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("token_hash", "text", (c) => c.notNull().unique())
      .addColumn("invited_by_user_id", "text")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("sent_at", "bigint", (c) => c.notNull())
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .addColumn("accepted_at", "bigint")
      .addColumn("revoked_at", "bigint")
      .execute();
    await db.schema.createIndex("invitations_user_idx").on("invitations").column("user_id").execute();

    await db.schema
      .createTable("password_reset_tokens")
      .addColumn("token_hash", "text", (c) => c.primaryKey())
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .addColumn("used_at", "bigint")
      .execute();
    await db.schema.createIndex("password_reset_tokens_user_idx").on("password_reset_tokens").column("user_id").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("password_reset_tokens").ifExists().execute();
    await db.schema.dropTable("invitations").ifExists().execute();
  },
};

// Servers added and checked from /admin/servers: a pasted CA certificate, a disabled flag, and the last check's result.
const serverChecks: Migration = {
  async up(db: Kysely<unknown>) {
    for (const column of ["ca_pem", "last_check_status", "last_check_result"]) {
      await db.schema.alterTable("servers").addColumn(column, "text").execute();
    }
    for (const column of ["disabled_at", "last_check_at"]) {
      await db.schema.alterTable("servers").addColumn(column, "bigint").execute();
    }
  },
  async down(db: Kysely<unknown>) {
    for (const column of ["ca_pem", "disabled_at", "last_check_at", "last_check_status", "last_check_result"]) {
      await db.schema.alterTable("servers").dropColumn(column).execute();
    }
  },
};

// The job queue of the embedded default (REDIS_URL unset): durable, one row per job, unique by idempotency key.
// A running job holds a lease (locked_until); a runner that died lets it lapse and another run picks the job up.
const jobs: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("jobs")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("key", "text", (c) => c.notNull().unique())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("payload", "text", (c) => c.notNull())
      .addColumn("state", "text", (c) => c.notNull().check(sql`state in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`))
      .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("max_attempts", "integer", (c) => c.notNull())
      .addColumn("backoff_ms", "integer", (c) => c.notNull())
      .addColumn("run_at", "bigint", (c) => c.notNull())
      .addColumn("locked_by", "text")
      .addColumn("locked_until", "bigint")
      .addColumn("progress", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("progress_message", "text")
      .addColumn("last_error", "text")
      .addColumn("cancel_requested_at", "bigint")
      .addColumn("created_at", "bigint", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .addColumn("finished_at", "bigint")
      .execute();
    await db.schema.createIndex("jobs_due_idx").on("jobs").columns(["state", "run_at"]).execute();
    await db.schema.createIndex("jobs_created_idx").on("jobs").column("created_at").execute();

    // Opt-outs of the mails that are not about security (those always go); no row = the kind's default.
    await db.schema
      .createTable("notification_preferences")
      .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("enabled", "integer", (c) => c.notNull())
      .addColumn("updated_at", "bigint", (c) => c.notNull())
      .addPrimaryKeyConstraint("notification_preferences_pk", ["user_id", "kind"])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("notification_preferences").ifExists().execute();
    await db.schema.dropTable("jobs").ifExists().execute();
  },
};

// rate-limiter-flexible's table (RateLimiterPostgres / RateLimiterSQLite, created here, so the limiter runs with
// tableCreated: true): the columns and types its statements expect, except `key` is text rather than its
// varchar(255) on PostgreSQL, so a long address in a key cannot fail a sign-in. Replaces our own rate_limits.
const rateLimiterFlexible: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("rate_limit_points")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("points", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("expire", "bigint")
      .execute();
    await db.schema.dropTable("rate_limits").ifExists().execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema
      .createTable("rate_limits")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("count", "integer", (c) => c.notNull())
      .addColumn("window_start", "bigint", (c) => c.notNull())
      .addColumn("expires_at", "bigint", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("rate_limits_expires_idx").on("rate_limits").column("expires_at").execute();
    await db.schema.dropTable("rate_limit_points").ifExists().execute();
  },
};

// The panel user's language (lib/i18n/locales.ts), chosen on /settings; null = follow the browser's Accept-Language.
const userLocale: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("users").addColumn("locale", "text").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable("users").dropColumn("locale").execute();
  },
};

// The fleet (issue 18). Support's mailbox-address search reads an index of every server's mailbox addresses, refreshed
// by a job per server (lib/mail/mailbox-index.ts), instead of asking 50 servers on every search. The audit log's Action
// and Outcome filters get their own indexes: at 1 million rows, without them, both walked the whole time index.
const fleetIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("mailbox_addresses")
      .addColumn("server_id", "text", (c) => c.notNull().references("servers.id").onDelete("cascade"))
      .addColumn("account_id", "text", (c) => c.notNull().references("hosting_accounts.id").onDelete("cascade"))
      .addColumn("address", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("mailbox_addresses_pk", ["server_id", "address"])
      .execute();
    await db.schema.createIndex("mailbox_addresses_address_idx").on("mailbox_addresses").column("address").execute();
    await db.schema.createIndex("mailbox_addresses_account_idx").on("mailbox_addresses").column("account_id").execute();
    await db.schema
      .createTable("mailbox_index_refreshes")
      .addColumn("server_id", "text", (c) => c.primaryKey().references("servers.id").onDelete("cascade"))
      .addColumn("refreshed_at", "bigint", (c) => c.notNull())
      .addColumn("accounts", "integer", (c) => c.notNull())
      .addColumn("addresses", "integer", (c) => c.notNull())
      .addColumn("failed_accounts", "integer", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("audit_events_action_idx").on("audit_events").columns(["action", "at"]).execute();
    await db.schema.createIndex("audit_events_outcome_idx").on("audit_events").columns(["outcome", "at"]).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex("audit_events_outcome_idx").ifExists().execute();
    await db.schema.dropIndex("audit_events_action_idx").ifExists().execute();
    await db.schema.dropTable("mailbox_index_refreshes").ifExists().execute();
    await db.schema.dropTable("mailbox_addresses").ifExists().execute();
  },
};

// The audit log filtered by Action and Outcome together: with one index per column, PostgreSQL's planner walked the
// time index when the pair matched nothing (259 ms at 1 million rows in the fleet bench). One index on the pair, newest
// first within it, answers both that and the page's order.
const auditActionOutcomeIndex: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex("audit_events_action_outcome_idx").on("audit_events").columns(["action", "outcome", "at"]).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex("audit_events_action_outcome_idx").ifExists().execute();
  },
};

export const migrations: Record<string, Migration> = {
  "0001_initial": initial,
  "0002_idempotency_keys": idempotencyKeys,
  "0003_audit_append_only": auditAppendOnly,
  "0004_two_factor": twoFactor,
  "0005_sessions": sessions,
  "0006_jobs": jobs,
  "0007_invitations": invitations,
  "0008_server_checks": serverChecks,
  "0009_rate_limiter_flexible": rateLimiterFlexible,
  "0010_user_locale": userLocale,
  "0011_fleet_indexes": fleetIndexes,
  "0012_audit_action_outcome_index": auditActionOutcomeIndex,
};

/** The in-code migration list, for Kysely's Migrator. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
