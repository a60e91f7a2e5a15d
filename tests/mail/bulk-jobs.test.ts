// Bulk jobs through the database queue's real runner: a run stopped halfway finishes on a new runner with every mailbox
// done exactly once; secure as a bulk action; the per-server limit across jobs; who may see and cancel a job; the batch
// force-password change as a job with per-account results.
import { beforeAll, describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { listAuditEvents } from "@/lib/audit";
import { writeContext } from "@/lib/core/write-context";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { findHostingAccount, upsertHostingAccount } from "@/lib/db/hosting-accounts";
import { findJob } from "@/lib/db/jobs";
import { DatabaseRunner } from "@/lib/jobs/database-queue";
import type { JobHandlers } from "@/lib/jobs/types";
import { BULK_JOB, bulkJobHandlers, previewBulkAction, runBulkJob, startBulkAction } from "@/lib/mail/bulk-mailboxes";
import { bulkJobCsv, bulkJobFor, cancelBulkJob, previewAcrossAccounts, startAcrossAccounts } from "@/lib/mail/bulk-jobs";
import { startForcePasswordChange } from "@/lib/mail/force-password";
import { busyServerSlots, withServerSlot } from "@/lib/mail/server-slots";

const panel = withDemoPanel({ requestTimeoutMs: 3000 });
const REASON = "Ticket #5150: quota clean-up for the reseller";
const MANY = Array.from({ length: 40 }, (_, i) => `user${String(i + 1).padStart(2, "0")}@bulk.example`);
let bulkAccountId: string;
let serverName: string;

beforeAll(async () => {
  const { emulator, accountId } = panel();
  // 40 mailboxes at 100 MB; every fifth already at 250 MB (the dry run skips those).
  await emulator.control.createAccount({
    user: "bulkcp",
    domain: "bulk.example",
    mailboxes: MANY.map((email, i) => ({ email, quotaMb: i % 5 === 0 ? 250 : 100 })),
  });
  const demo = (await findHostingAccount(accountId.examplecom))!;
  serverName = demo.serverName;
  bulkAccountId = (await upsertHostingAccount({ serverId: demo.serverId, cpanelUser: "bulkcp", primaryDomain: "bulk.example" })).id;
}, 60_000);

/** Events of a run per mailbox. */
async function eventsPerMailbox(accountId: string, action: string, bulkId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const e of await listAuditEvents({ accountId, action, limit: 500 })) {
    if (e.detail?.bulkId === bulkId) counts.set(e.target!, (counts.get(e.target!) ?? 0) + 1);
  }
  return counts;
}

describe("a bulk job on the database queue", () => {
  it("stopped halfway, it finishes on a new runner with every mailbox done exactly once, as the dry run said", async () => {
    const { support, emulator } = panel();
    const context = writeContext(support, "web", REASON);
    const action = { kind: "set_quota" as const, quotaMb: 250 };
    const plan = await previewBulkAction(support, bulkAccountId, MANY, action);
    const planned = plan.items.filter((i) => i.call).map((i) => i.email);
    expect(planned).toHaveLength(32);
    expect(plan.items.filter((i) => i.skip === "the quota is already so")).toHaveLength(8);

    await emulator.control.clearRequestCounts();
    const { jobId, bulkId } = await startBulkAction(context, bulkAccountId, MANY, action);

    // The first runner stops (a panel shutting down) after 15 mailboxes; its job goes back to the queue.
    let reported = 0;
    const first: DatabaseRunner = new DatabaseRunner(
      {
        [BULK_JOB]: (payload, job) =>
          runBulkJob(payload, {
            ...job,
            progress: async (percent, message) => {
              await job.progress(percent, message);
              if (++reported === 15) void first.stop(0);
            },
          }),
      },
      { pollMs: 60_000 },
    );
    await first.runDue();
    const halfway = await bulkJobFor(support, jobId);
    expect(halfway.state).toBe("queued");
    const doneHalfway = halfway.results.filter((r) => r.outcome !== "pending").length;
    expect(doneHalfway).toBeGreaterThanOrEqual(15);
    expect(doneHalfway).toBeLessThan(MANY.length);

    // The shutdown did not use up an attempt: the job is due again at once.
    expect((await findJob(jobId))!.attempts).toBe(0);

    // A new runner (the panel after its restart) finishes the rest.
    await new DatabaseRunner(bulkJobHandlers, { pollMs: 60_000 }).runDue();
    const done = await bulkJobFor(support, jobId);
    expect(done.state).toBe("succeeded");
    expect((await findJob(jobId))!.attempts).toBe(1);

    const perMailbox = await eventsPerMailbox(bulkAccountId, "mailbox.bulk.set_quota", bulkId);
    expect([...perMailbox.keys()].sort()).toEqual([...MANY].sort());
    expect([...perMailbox.values()].every((n) => n === 1)).toBe(true);
    // Exactly the planned calls were made: one per mailbox that needed it, none twice.
    expect((await emulator.control.requestCounts())["Email::edit_pop_quota"]).toBe(planned.length);
    const state = await emulator.control.state("bulkcp");
    expect(state.mailboxes.every((m: { quotaMb: number }) => m.quotaMb === 250)).toBe(true);
    expect(done.kind === "mailboxes" && done.results.filter((r) => r.outcome === "success").map((r) => r.email)).toEqual(planned);

    const { csv } = await bulkJobCsv(support, jobId);
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(MANY.length + 1);
  }, 60_000);

  it("two jobs on one server share its slots: never more calls at a time than the limit", async () => {
    const seen: number[] = [];
    const task = () =>
      withServerSlot(
        "slot-test",
        async () => {
          seen.push(busyServerSlots("slot-test"));
          await new Promise((resolve) => setTimeout(resolve, 5));
        },
        3,
      );
    await Promise.all([...Array.from({ length: 10 }, task), ...Array.from({ length: 10 }, task)]);
    expect(Math.max(...seen)).toBe(3);
    expect(busyServerSlots("slot-test")).toBe(0);

    // Two real bulk jobs at once on the demo server, cPanel slowed down: the default limit (4) holds across both.
    const { support, emulator } = panel();
    await emulator.control.fault({ fn: "Email::suspend_login", kind: "delay", ms: 60 });
    const context = writeContext(support, "web", REASON);
    await startBulkAction(context, bulkAccountId, MANY.slice(0, 20), { kind: "suspend_login" });
    await startBulkAction(context, bulkAccountId, MANY.slice(20), { kind: "suspend_login" });
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(busyServerSlots(serverName)), 5);
    await new DatabaseRunner(bulkJobHandlers, { concurrency: 2, pollMs: 60_000 }).runDue();
    clearInterval(sampler);
    await emulator.control.clearFaults();
    expect(Math.max(...samples)).toBe(4);
    const state = await emulator.control.state("bulkcp");
    expect(state.mailboxes.every((m: { suspendedLogin: boolean }) => m.suspendedLogin)).toBe(true);
  }, 60_000);

  it("secure in bulk: every step per mailbox under the run's id, and staff end the account's sessions once", async () => {
    const { support, emulator, accountId } = panel();
    const targets = ["dev@shop.example", "archive@shop.example"];
    const plan = await previewBulkAction(support, accountId.shopcp, targets, { kind: "secure" });
    expect(plan.items[0]!.call).toContain("UAPI Email::passwd_pop email=dev@shop.example");
    expect(plan.accountCalls).toEqual(["UAPI Email::terminate_mailbox_sessions (once: every mailbox of shopcp)"]);
    await emulator.control.clearRequestCounts();
    const { jobId, bulkId } = await startBulkAction(writeContext(support, "web", REASON), accountId.shopcp, targets, { kind: "secure" });
    await new DatabaseRunner(bulkJobHandlers, { pollMs: 60_000 }).runDue();
    const job = await bulkJobFor(support, jobId);
    expect(job.state).toBe("succeeded");
    expect(job.results.map((r) => ("email" in r ? [r.email, r.outcome] : null))).toEqual(targets.map((t) => [t, "success"]));
    const counts = await emulator.control.requestCounts();
    expect(counts["Email::terminate_mailbox_sessions"]).toBe(1);
    const state = await emulator.control.state("shopcp");
    for (const email of targets)
      expect(state.mailboxes.find((m: { email: string }) => m.email === email)).toMatchObject({ suspendedLogin: true, holdOutgoing: true });
    const steps = (await listAuditEvents({ accountId: accountId.shopcp, limit: 100 })).filter((e) => e.detail?.incidentId === bulkId);
    expect(
      steps
        .filter((e) => e.action === "mailbox.secure.replace_password")
        .map((e) => e.target)
        .sort(),
    ).toEqual([...targets].sort());
    expect(steps.filter((e) => e.action === "mailbox.secure.end_sessions")).toHaveLength(1);
  }, 60_000);

  it("is seen and cancelled only by who sees its account (404 for anyone else); a finished job cannot be cancelled", async () => {
    const { customer, other, support, accountId } = panel();
    const { jobId } = await startBulkAction(writeContext(customer, "web"), accountId.shopcp, ["info@shop.example"], { kind: "hold_outgoing" });
    await expect(bulkJobFor(other, jobId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(cancelBulkJob(writeContext(other, "web"), jobId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await bulkJobFor(support, jobId)).results).toEqual([
      { email: "info@shop.example", outcome: "pending", call: null, skipped: null, error: null },
    ]);
    const cancelled = await cancelBulkJob(writeContext(customer, "web"), jobId);
    expect(cancelled.state).toBe("cancelled");
    expect(cancelled.results[0]).toMatchObject({ outcome: "not_done" });
    await expect(cancelBulkJob(writeContext(customer, "web"), jobId)).rejects.toBeInstanceOf(ValidationError);
    await expect(bulkJobFor(customer, "job_doesnotexist")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("support's selection across accounts: one plan and one job per account; a customer cannot reach another's account", async () => {
    const { support, customer, accountId } = panel();
    const selection = [
      { accountId: accountId.examplecom, email: "info@example.com" },
      { accountId: accountId.othernet, email: "info@example.net" },
      { accountId: accountId.examplecom, email: "sales@example.com" },
    ];
    const plans = await previewAcrossAccounts(support, selection, { kind: "hold_outgoing" });
    expect(plans.map((p) => [p.accountId, p.items.map((i) => i.email)])).toEqual([
      [accountId.examplecom, ["info@example.com", "sales@example.com"]],
      [accountId.othernet, ["info@example.net"]],
    ]);
    const jobIds = await startAcrossAccounts(writeContext(support, "web", REASON), selection, { kind: "hold_outgoing" }, { submissionKey: "k1" });
    expect(jobIds).toHaveLength(2);
    // The same submission again (a double click) finds the same jobs.
    expect(await startAcrossAccounts(writeContext(support, "web", REASON), selection, { kind: "hold_outgoing" }, { submissionKey: "k1" })).toEqual(
      jobIds,
    );
    await expect(startAcrossAccounts(writeContext(customer, "web"), selection, { kind: "hold_outgoing" })).rejects.toBeInstanceOf(NotFoundError);
    for (const id of jobIds) await cancelBulkJob(writeContext(support, "web"), id);
  });
});

describe("the batch force-password change as a job", () => {
  it("runs one WHM call per server, with one result per account, progress, CSV, and only staff see it", async () => {
    const { support, customer, accountId, emulator } = panel();
    const context = writeContext(support, "web", REASON);
    const { jobId, total } = await startForcePasswordChange(
      context,
      { accountIds: [accountId.shopcp, accountId.othernet] },
      { stopOnFailure: false },
    );
    expect(total).toBe(2);
    await expect(bulkJobFor(customer, jobId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await bulkJobFor(support, jobId)).results.map((r) => r.outcome)).toEqual(["pending", "pending"]);
    await emulator.control.clearRequestCounts();
    const handlers: JobHandlers = bulkJobHandlers;
    await new DatabaseRunner(handlers, { pollMs: 60_000 }).runDue();
    const job = await bulkJobFor(support, jobId);
    expect(job).toMatchObject({ state: "succeeded", progress: 100, kind: "force_password" });
    expect(job.results.map((r) => ("cpanelUser" in r ? [r.cpanelUser, r.outcome] : null)).sort()).toEqual([
      ["othernet", "updated"],
      ["shopcp", "updated"],
    ]);
    expect((await emulator.control.requestCounts()).forcepasswordchange).toBe(1);
    expect((await emulator.control.state("shopcp")).forcePasswordChange).toBe(true);
    const { csv } = await bulkJobCsv(support, jobId);
    expect(csv.split("\r\n")[0]).toBe("account,cpanel_user,server,outcome,reason");
    await expect(
      startForcePasswordChange(writeContext(support, "web"), { accountIds: [accountId.shopcp] }, { stopOnFailure: false }),
    ).rejects.toBeInstanceOf(ValidationError);
  }, 60_000);
});
