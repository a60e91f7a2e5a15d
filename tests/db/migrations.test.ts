import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createDatabase, migrateToLatest } from "@/lib/db/client";
import { migrations } from "@/lib/db/migrations";
import { ENGINES, openTestDatabase, setTestEnv, type TestDatabase } from "./engines";

setTestEnv();

describe.each(ENGINES)("migrations on %s", (engine) => {
  let test: TestDatabase | undefined;
  afterEach(async () => {
    await test?.dispose();
    test = undefined;
  });

  it("creates every table, and a second run applies nothing", async () => {
    test = await openTestDatabase(engine);
    const first = await migrateToLatest(test.handle.db);
    expect(first.map((r) => [r.migrationName, r.status])).toEqual(Object.keys(migrations).map((name) => [name, "Success"]));
    const again = await migrateToLatest(test.handle.db);
    expect(again).toEqual([]);

    const tables = (await test.handle.db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual(
      expect.arrayContaining(["api_tokens", "audit_events", "hosting_accounts", "rate_limit_points", "servers", "sessions", "users"]),
    );
    expect(tables).not.toContain("rate_limits");
    // The columns rate-limiter-flexible's Postgres and SQLite stores read and write (lib/auth/rate-limit.ts).
    const counters = (await test.handle.db.introspection.getTables()).find((t) => t.name === "rate_limit_points")!;
    expect(counters.columns.map((c) => c.name)).toEqual(["key", "points", "expire"]);
    expect(counters.columns.map((c) => c.isNullable).slice(1)).toEqual([false, true]);
  });

  it("is safe when several callers migrate at once", async () => {
    test = await openTestDatabase(engine);
    const results = await Promise.all([migrateToLatest(test.handle.db), migrateToLatest(test.handle.db), migrateToLatest(test.handle.db)]);
    expect(results.flat().filter((r) => r.status === "Success")).toHaveLength(Object.keys(migrations).length);
    const { rows } = await sql<{ n: number }>`select count(*) as n from users`.execute(test.handle.db);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it("enforces the schema's constraints (role, unique email)", async () => {
    test = await openTestDatabase(engine);
    await migrateToLatest(test.handle.db);
    const row = {
      id: "usr_1",
      email: "a@example.com",
      name: null,
      role: "customer" as const,
      password_hash: "x",
      locked_at: null,
      last_failed_login_at: null,
      last_login_at: null,
      created_at: 1,
      updated_at: 1,
    };
    await test.handle.db.insertInto("users").values(row).execute();
    await expect(
      test.handle.db
        .insertInto("users")
        .values({ ...row, id: "usr_2" })
        .execute(),
    ).rejects.toThrow();
    await expect(
      test.handle.db
        .insertInto("users")
        .values({ ...row, id: "usr_3", email: "b@example.com", role: "root" as never })
        .execute(),
    ).rejects.toThrow();
  });
});

describe("migrations on one SQLite file from two connections at once", () => {
  it("applies each migration once, and both callers succeed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mailroom-race-"));
    const a = createDatabase({ sqlitePath: join(dir, "m.db") });
    const b = createDatabase({ sqlitePath: join(dir, "m.db") });
    try {
      const results = await Promise.all([migrateToLatest(a.db), migrateToLatest(b.db)]);
      expect(results.flat().filter((r) => r.status === "Success")).toHaveLength(Object.keys(migrations).length);
      expect(await migrateToLatest(a.db)).toEqual([]);
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
