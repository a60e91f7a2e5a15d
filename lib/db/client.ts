import "server-only";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import {
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  sql,
  type DialectAdapter,
  type MigrationResult,
} from "kysely";
import pg from "pg";
import { config } from "../config";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";

export type DatabaseOptions =
  | { sqlitePath: string }
  | {
      databaseUrl: string;
      /** PostgreSQL schema to use (sets search_path on every connection); tests use one per run. */
      schema?: string;
      /** Pool size; pg's default is 10. */
      maxConnections?: number;
    };

export type Engine = "sqlite" | "postgres";

/** The driver under Kysely, for a library that speaks to it directly (the rate limiter). */
export type RawDatabase = { engine: "sqlite"; sqlite: SqliteDatabase.Database } | { engine: "postgres"; pool: pg.Pool };

/** One open database: the Kysely instance, which engine it is, its driver, and how to close it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  raw: RawDatabase;
  close(): Promise<void>;
}

const PG_INT8_OID = 20;

// SQLite's DDL is transactional, but Kysely's adapter says otherwise, so by default each migration
// would run outside a transaction; with this, two processes migrating one file at once cannot
// half-apply a migration: the loser fails cleanly (and migrateToLatest retries).
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
class MailroomSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/**
 * Opens a database without touching global config or running migrations: SQLite (better-sqlite3;
 * the folder is created) or PostgreSQL (a pg Pool). Timestamps are bigint epoch ms, which pg would
 * return as strings; the pool parses int8 to a JS number (exact up to 2^53, i.e. any date or count).
 */
export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  if ("sqlitePath" in options) {
    const path = options.sqlitePath;
    if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
    const sqlite = new SqliteDatabase(path);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    const db = new Kysely<Database>({ dialect: new MailroomSqliteDialect({ database: sqlite }) });
    return { db, engine: "sqlite", raw: { engine: "sqlite", sqlite }, close: () => db.destroy() };
  }

  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new Error("The PostgreSQL schema name must be a plain lower-case identifier");
  }
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.maxConnections,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === PG_INT8_OID && format !== "binary"
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: "postgres", raw: { engine: "postgres", pool }, close: () => db.destroy() };
}

/**
 * On PostgreSQL, the schema the connection writes to (its search_path's first). Kysely's migrator looks for its own
 * tables in every schema unless it is named: with two deployments (or two test runs) in one database, it would see
 * the other's lock table, skip creating its own, and fail on it.
 */
async function migrationSchema(db: Kysely<Database>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}

/**
 * Applies every pending migration; safe to call again (already applied ones are skipped) and from
 * several processes at once on PostgreSQL (Kysely's migrator takes an advisory lock).
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema: await migrationSchema(db) });
  let { error, results } = await migrator.migrateToLatest();
  if (error) {
    // Another process may have been migrating the same SQLite file (no advisory locks there): its
    // work is committed now, so one more pass either finds nothing to do or reports a real error.
    await new Promise((resolve) => setTimeout(resolve, 50));
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`Database migration ${failed ?? ""} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return results ?? [];
}

// Kept on globalThis so Next.js dev-mode module reloads reuse one pool instead of leaking one per edit.
interface ProcessDatabase {
  handle: DatabaseHandle;
  ready: Promise<Kysely<Database>>;
}
const GLOBAL_KEY = Symbol.for("mailroom.db");
type GlobalWithDb = typeof globalThis & { [GLOBAL_KEY]?: ProcessDatabase };
const holder = globalThis as GlobalWithDb;

/** The database options from config: PostgreSQL when DATABASE_URL is set, else SQLite at MAILROOM_SQLITE_PATH. */
export function databaseOptionsFromConfig(): DatabaseOptions {
  const { DATABASE_URL, MAILROOM_SQLITE_PATH } = config();
  return DATABASE_URL ? { databaseUrl: DATABASE_URL } : { sqlitePath: MAILROOM_SQLITE_PATH };
}

function install(handle: DatabaseHandle, migrate: boolean): ProcessDatabase {
  const entry: ProcessDatabase = {
    handle,
    ready: migrate ? migrateToLatest(handle.db).then(() => handle.db) : Promise.resolve(handle.db),
  };
  // A failed migration is not cached: the next call retries instead of failing forever.
  entry.ready.catch(() => {
    if (holder[GLOBAL_KEY] === entry) holder[GLOBAL_KEY] = undefined;
    void handle.close().catch(() => undefined);
  });
  holder[GLOBAL_KEY] = entry;
  return entry;
}

/** The process's database (from config), migrated to the latest version before first use. */
export async function getDb(): Promise<Kysely<Database>> {
  const entry = holder[GLOBAL_KEY] ?? install(createDatabase(databaseOptionsFromConfig()), true);
  return entry.ready;
}

/** The process's database handle (migrated, as getDb() opens it), for code that needs its driver. */
export async function getDbHandle(): Promise<DatabaseHandle> {
  const entry = holder[GLOBAL_KEY] ?? install(createDatabase(databaseOptionsFromConfig()), true);
  await entry.ready;
  return entry.handle;
}

/** The engine of the process's database, once getDb() has opened it. */
export async function getDbEngine(): Promise<Engine> {
  await getDb();
  return holder[GLOBAL_KEY]!.handle.engine;
}

/**
 * Makes `handle` the process's database (tests, the demo launcher), closing none; it is migrated
 * first unless `migrate` is false. Replaces any previous one without closing it.
 */
export async function installDatabase(handle: DatabaseHandle, options: { migrate?: boolean } = {}): Promise<Kysely<Database>> {
  return install(handle, options.migrate ?? true).ready;
}

/** Closes the process's database, if open (tests, the CLI, shutdown). getDb() opens it again. */
export async function closeDb(): Promise<void> {
  const entry = holder[GLOBAL_KEY];
  holder[GLOBAL_KEY] = undefined;
  if (entry) {
    await entry.ready.catch(() => undefined);
    await entry.handle.close();
  }
}
