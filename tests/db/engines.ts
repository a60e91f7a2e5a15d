// Test helper: opens a fresh, isolated database on each engine. Not a test file itself.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { closeDb, createDatabase, installDatabase, type DatabaseHandle, type Engine } from "@/lib/db/client";

/** PostgreSQL for the suite (trust auth); override with MAILROOM_TEST_DATABASE_URL. */
export const TEST_PG_URL = process.env.MAILROOM_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
/** Redis for the suite; override with MAILROOM_TEST_REDIS_URL. */
export const TEST_REDIS_URL = process.env.MAILROOM_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7);

/** The environment every database test runs with, set explicitly (config() reads it once per process). */
export function setTestEnv(): void {
  process.env.AUTH_SECRET = "test-auth-secret-0123456789-0123456789";
  process.env.MAILROOM_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY.toString("base64");
  delete process.env.DATABASE_URL;
  delete process.env.REDIS_URL;
}

export interface TestDatabase {
  handle: DatabaseHandle;
  /** Closes the database and removes its file / schema. */
  dispose(): Promise<void>;
}

async function withPgAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh SQLite file in a temp folder, or a fresh PostgreSQL schema, not yet migrated. */
export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "mailroom-db-"));
    const handle = createDatabase({ sqlitePath: join(dir, "nested", "mailroom.db") });
    return {
      handle,
      async dispose() {
        await handle.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  // One schema per run, so parallel test files and parallel CI jobs never see each other's rows.
  const schema = `mailroom_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withPgAdmin((client) => client.query(`create schema ${schema}`));
  const handle = createDatabase({ databaseUrl: TEST_PG_URL, schema, maxConnections: 4 });
  return {
    handle,
    async dispose() {
      await handle.close().catch(() => undefined);
      await withPgAdmin((client) => client.query(`drop schema if exists ${schema} cascade`));
    },
  };
}

export const ENGINES: Engine[] = ["sqlite", "postgres"];

/**
 * Registers hooks that open a fresh migrated database on `engine`, make it the process database
 * (what getDb() returns) for the enclosing describe, and dispose of it afterwards.
 */
export function withTestDatabase(engine: Engine): { current: () => TestDatabase } {
  let test: TestDatabase | undefined;
  beforeAll(async () => {
    test = await openTestDatabase(engine);
    await installDatabase(test.handle);
  });
  afterAll(async () => {
    await closeDb();
    await test?.dispose();
  });
  return {
    current: () => {
      if (!test) throw new Error("The test database is not open yet");
      return test;
    },
  };
}
