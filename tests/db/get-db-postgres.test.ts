import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getDbEngine } from "@/lib/db/client";
import { setTestEnv, TEST_PG_URL } from "./engines";

setTestEnv();
const schema = `mailroom_test_getdb_${randomBytes(4).toString("hex")}`;

async function admin(query: string) {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return await client.query(query);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`create schema ${schema}`);
  // A DATABASE_URL may carry libpq options; this one picks the schema.
  const url = new URL(TEST_PG_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  process.env.DATABASE_URL = url.toString();
});

afterAll(async () => {
  await closeDb();
  await admin(`drop schema if exists ${schema} cascade`);
});

describe("getDb with DATABASE_URL", () => {
  it("opens PostgreSQL and migrates it", async () => {
    const db = await getDb();
    expect(await getDbEngine()).toBe("postgres");
    const tables = await admin(`select table_name from information_schema.tables where table_schema = '${schema}' order by 1`);
    expect(tables.rows.map((r: { table_name: string }) => r.table_name)).toEqual(
      expect.arrayContaining(["users", "servers", "hosting_accounts", "api_tokens", "audit_events", "rate_limit_points"]),
    );
    expect(await db.selectFrom("users").selectAll().execute()).toEqual([]);
  });
});
