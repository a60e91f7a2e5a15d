import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getDbEngine } from "@/lib/db/client";
import { migrations } from "@/lib/db/migrations";
import { setTestEnv } from "./engines";

setTestEnv();
const dir = mkdtempSync(join(tmpdir(), "mailroom-getdb-"));
const path = join(dir, "not", "yet", "there.db");
process.env.MAILROOM_SQLITE_PATH = path;

afterAll(async () => {
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
});

describe("getDb without DATABASE_URL", () => {
  it("opens SQLite at MAILROOM_SQLITE_PATH, creating the folder, and migrates once", async () => {
    const [a, b] = await Promise.all([getDb(), getDb()]);
    expect(a).toBe(b);
    expect(existsSync(path)).toBe(true);
    expect(await getDbEngine()).toBe("sqlite");
    const migrated = await a
      .selectFrom("kysely_migration" as never)
      .selectAll()
      .execute();
    expect(migrated).toHaveLength(Object.keys(migrations).length);
  });

  it("opens again after closeDb", async () => {
    await closeDb();
    const db = await getDb();
    expect(await db.selectFrom("users").selectAll().execute()).toEqual([]);
  });
});
