import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { recordAuditEvent, verifyAuditChain } from "@/lib/audit";
import { ENGINES, setTestEnv, withTestDatabase } from "./engines";

setTestEnv();

describe.each(ENGINES)("the audit log on %s is append-only and hash-chained", (engine) => {
  const database = withTestDatabase(engine);
  const event = (n: number) => ({
    action: "mailbox.password.change",
    target: `m${n}@example.com`,
    outcome: "success" as const,
    reason: `reason ${n}`,
  });

  it("chains every row to the previous one, also when written concurrently", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAuditEvent(event(i))));
    expect(await verifyAuditChain()).toEqual({ ok: true, rows: 20 });
  });

  it("refuses UPDATE and DELETE in the database itself", async () => {
    const { db } = database.current().handle;
    await expect(sql`update audit_events set reason = 'nothing to see'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(db)).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  it("detects a row changed behind the triggers' back", async () => {
    const { db } = database.current().handle;
    // Simulate an attacker with DDL rights: drop the guard, edit a row, restore nothing.
    if (engine === "postgres") await sql`alter table audit_events disable trigger audit_events_no_update`.execute(db);
    else await sql`drop trigger audit_events_no_update`.execute(db);
    await sql`update audit_events set reason = 'rewritten' where seq = 5`.execute(db);
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAt: 5, problem: "row 5 was changed after it was written" });
  });
});
