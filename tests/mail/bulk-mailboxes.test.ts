// Bulk mailbox actions: the dry run lists the calls that then happen, a job interrupted halfway resumes and does every
// mailbox exactly once, and every item is audited under the run's id.
import { describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { listAuditEvents } from "@/lib/audit";
import { writeContext } from "@/lib/core/write-context";
import { findJob } from "@/lib/db/jobs";
import type { JobContext } from "@/lib/jobs/types";
import { bulkResults, bulkResultsCsv, planBulkAction, runBulkJob, startBulkAction } from "@/lib/mail/bulk-mailboxes";
import { NotFoundError, ValidationError } from "@/lib/core/errors";

const panel = withDemoPanel({ requestTimeoutMs: 1500 });
const SHOP = [
  "info@shop.example",
  "orders@shop.example",
  "returns@shop.example",
  "marketing@shop.example",
  "dev@shop.example",
  "archive@shop.example",
];

function jobContext(jobId: string, abortAfter?: number): JobContext & { progressed: number } {
  const controller = new AbortController();
  const ctx = {
    jobId,
    attempt: 1,
    signal: controller.signal,
    progressed: 0,
    progress: async () => {
      ctx.progressed += 1;
      if (abortAfter !== undefined && ctx.progressed >= abortAfter) controller.abort();
    },
  };
  return ctx;
}

describe("bulk mailbox actions", () => {
  it("the dry run lists each call and what is skipped; the run then does exactly that, each mailbox once, across an interruption", async () => {
    const { customer, accountId, emulator } = panel();
    const context = writeContext(customer, "web");
    const selected = [...SHOP, "ghost@shop.example"];
    const plan = await planBulkAction(customer, accountId.shopcp, selected, { kind: "suspend_login" });
    expect(
      plan
        .filter((i) => i.call)
        .map((i) => i.email)
        .sort(),
    ).toEqual(SHOP.filter((e) => e !== "returns@shop.example").sort());
    expect(plan.find((i) => i.email === "returns@shop.example")).toEqual({
      email: "returns@shop.example",
      call: null,
      skip: "login is already suspended",
    });
    expect(plan.find((i) => i.email === "ghost@shop.example")?.skip).toBe("no such mailbox on this account");
    expect(plan.find((i) => i.email === "info@shop.example")?.call).toBe("UAPI Email::suspend_login email=info@shop.example");

    await emulator.control.clearRequestCounts();
    const { jobId, bulkId } = await startBulkAction(context, accountId.shopcp, selected, { kind: "suspend_login" });
    const payload = (await findJob(jobId))!.payload;

    // The panel stops after three items (a restart), then the job runs again and finishes.
    await expect(runBulkJob(payload, jobContext(jobId, 3))).rejects.toThrow("cancelled");
    await runBulkJob(payload, jobContext(jobId));

    const state = await emulator.control.state("shopcp");
    for (const email of SHOP) expect(state.mailboxes.find((m: { email: string }) => m.email === email).suspendedLogin, email).toBe(true);
    const counts = await emulator.control.requestCounts();
    // Exactly the planned calls: one suspend_login per mailbox that needed it, never twice.
    expect(counts["Email::suspend_login"]).toBe(plan.filter((i) => i.call).length);

    const events = (await listAuditEvents({ accountId: accountId.shopcp, action: "mailbox.bulk.suspend_login", limit: 100 })).filter(
      (e) => e.detail?.bulkId === bulkId,
    );
    expect(events.map((e) => e.target).sort()).toEqual([...selected].sort());
    const results = await bulkResults(customer, accountId.shopcp, bulkId, "suspend_login");
    expect(results).toHaveLength(selected.length);
    expect(results.find((r) => r.email === "returns@shop.example")).toMatchObject({ outcome: "skipped", skipped: "login is already suspended" });
    expect(bulkResultsCsv(results).split("\r\n")[0]).toBe("mailbox,outcome,call,skipped,error");
  });

  it("a quota change's dry run names the quota; nothing is planned for another customer's account or without a selection", async () => {
    const { customer, other, accountId } = panel();
    const plan = await planBulkAction(customer, accountId.shopcp, ["orders@shop.example"], { kind: "set_quota", quotaMb: 700 });
    expect(plan).toEqual([{ email: "orders@shop.example", call: "UAPI Email::edit_pop_quota email=orders@shop.example quota=700", skip: null }]);
    await expect(planBulkAction(other, accountId.shopcp, ["orders@shop.example"], { kind: "suspend_login" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(planBulkAction(customer, accountId.shopcp, [], { kind: "suspend_login" })).rejects.toBeInstanceOf(ValidationError);
  });
});
