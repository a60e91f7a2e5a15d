import { describe, expect, it } from "vitest";
import * as audit from "@/lib/audit";
import { listAuditEvents, recordAuditEvent } from "@/lib/audit";
import { ENGINES, setTestEnv, withTestDatabase } from "./engines";

setTestEnv();

describe.each(ENGINES)("audit log on %s", (engine) => {
  const database = withTestDatabase(engine);

  it("records an event and reads it back, newest first", async () => {
    const first = await recordAuditEvent({
      at: 1_000,
      actorUserId: "usr_support",
      actorRole: "support",
      accountId: "acct_1",
      action: "mailbox.password.change",
      target: "info@example.com",
      outcome: "success",
      reason: "Customer called from the registered number",
      detail: { strength: 80, nested: { newPassword: "Secret-1", ok: true } },
      requestId: "req_1",
    });
    expect(first.id).toMatch(/^evt_/);
    await recordAuditEvent({
      at: 2_000,
      actorUserId: "usr_customer",
      actorRole: "customer",
      accountId: "acct_2",
      action: "forwarder.add",
      outcome: "denied",
    });

    const events = await listAuditEvents();
    expect(events.map((e) => e.action)).toEqual(["forwarder.add", "mailbox.password.change"]);
    expect(events[1]).toEqual(first);
    expect(events[1]!.detail).toEqual({ strength: 80, nested: { newPassword: "[redacted]", ok: true } });
    expect(events[0]).toMatchObject({ target: null, reason: null, detail: null, requestId: null });
  });

  it("never stores a secret passed in the detail", async () => {
    const rows = await database.current().handle.db.selectFrom("audit_events").select("detail").execute();
    expect(JSON.stringify(rows)).not.toContain("Secret-1");
  });

  it("filters by account, actor, action, outcome and time, with limit and offset", async () => {
    expect((await listAuditEvents({ accountId: "acct_1" })).map((e) => e.accountId)).toEqual(["acct_1"]);
    expect((await listAuditEvents({ actorUserId: "usr_customer" })).map((e) => e.action)).toEqual(["forwarder.add"]);
    expect(await listAuditEvents({ action: "mailbox.password.change", outcome: "failure" })).toEqual([]);
    expect((await listAuditEvents({ since: 1_500 })).map((e) => e.at)).toEqual([2_000]);
    expect((await listAuditEvents({ until: 1_500 })).map((e) => e.at)).toEqual([1_000]);
    expect((await listAuditEvents({ limit: 1, offset: 1 })).map((e) => e.at)).toEqual([1_000]);
  });

  it("finds a filter by action and outcome together through their shared index", async () => {
    const { handle } = database.current();
    const compiled = audit.auditEventsQuery(handle.db, { action: "mailbox.password.change", outcome: "failure" }).compile();
    const plan =
      handle.raw.engine === "sqlite"
        ? (handle.raw.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[])) as { detail: string }[])
            .map((row) => row.detail)
            .join("\n")
        : // A table of two rows is read whole unless the planner is told not to: this asks which index it would take.
          await handle.raw.pool.connect().then(async (client) => {
            try {
              await client.query("begin; set local enable_seqscan = off");
              const result = await client.query<{ "QUERY PLAN": string }>(`explain ${compiled.sql}`, compiled.parameters as unknown[]);
              return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
            } finally {
              await client.query("rollback");
              client.release();
            }
          });
    expect(plan).toContain("audit_events_action_outcome_idx");
  });

  it("is append-only: the module offers no way to change or remove an event", () => {
    // auditEventsQuery builds listAuditEvents' SELECT (the bench EXPLAINs it): a read, like the others.
    expect(Object.keys(audit).sort()).toEqual(["auditEventsQuery", "listAuditEvents", "recordAuditEvent", "verifyAuditChain"]);
  });
});
