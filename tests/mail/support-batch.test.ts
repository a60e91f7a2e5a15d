// Batch force-password-change over 50 accounts on two emulated servers, one of which fails, in both failure modes: run as
// a queued job (one WHM call per server), its results read back per account.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { startEmulatorProcess, type EmulatorProcess } from "../support/emulator";
import { createServer } from "@/lib/db/servers";
import { upsertHostingAccount } from "@/lib/db/hosting-accounts";
import { listAuditEvents } from "@/lib/audit";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { writeContext } from "@/lib/core/write-context";
import {
  FORCE_PASSWORD_JOB,
  forcePasswordChangeOnServer,
  planForcePasswordChange,
  runForcePasswordJob,
  startForcePasswordChange,
} from "@/lib/mail/force-password";
import { bulkJobFor } from "@/lib/mail/bulk-jobs";
import { DatabaseRunner } from "@/lib/jobs/database-queue";
import type { JobContext } from "@/lib/jobs/types";

const panel = withDemoPanel({ requestTimeoutMs: 1500 });
const REASON = "Ticket #3141: credential leak on the reseller";

let second: EmulatorProcess;
const emulators = new Map<string, EmulatorProcess>();
const users: string[] = [];
let accountIds: string[] = [];

// 24 accounts on the demo server, 25 on a second server, and one the panel knows that WHM does not (it fails).
const usersA = Array.from({ length: 24 }, (_, i) => `batcha${String(i + 1).padStart(2, "0")}`);
const usersB = Array.from({ length: 25 }, (_, i) => `batchb${String(i + 1).padStart(2, "0")}`);
const GHOST = "batchb12z";

beforeAll(async () => {
  const { emulator } = panel();
  second = await startEmulatorProcess();
  const serverB = await createServer({ name: "second", baseUrl: second.whmUrl, authMode: "whm", username: "root", token: second.whmToken });
  const { servers } = await planForcePasswordChange(panel().support, { accountIds: [panel().accountId.examplecom] });
  const serverA = servers[0]!.serverId;
  emulators.set(serverA, emulator);
  emulators.set(serverB.id, second);
  const ids: string[] = [];
  for (const [list, serverId, emu] of [
    [usersA, serverA, emulator],
    [usersB, serverB.id, second],
  ] as const) {
    for (const user of list) {
      await emu.control.createAccount({ user, domain: `${user}.example` });
      ids.push((await upsertHostingAccount({ serverId, cpanelUser: user, primaryDomain: `${user}.example` })).id);
      users.push(user);
    }
  }
  ids.push((await upsertHostingAccount({ serverId: serverB.id, cpanelUser: GHOST, primaryDomain: `${GHOST}.example` })).id);
  accountIds = ids;
}, 60_000);

afterAll(async () => {
  await second?.stop();
});

async function flags(): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const user of usersA) out[user] = (await panel().emulator.control.state(user)).forcePasswordChange;
  for (const user of usersB) out[user] = (await second.control.state(user)).forcePasswordChange;
  return out;
}

/** Clears the flags straight in WHM (`{"user":0}`), which the panel never sends. */
async function clearFlags() {
  for (const [emu, list] of [
    [panel().emulator, usersA],
    [second, usersB],
  ] as const) {
    const body = new URLSearchParams({ users_json: JSON.stringify(Object.fromEntries(list.map((u) => [u, 0]))) });
    await fetch(`${emu.whmUrl}/json-api/forcepasswordchange?api.version=1`, {
      method: "POST",
      body,
      headers: { authorization: `whm root:${emu.whmToken}` },
    });
  }
}

/** Runs the batch as the panel does: a queued job, run by the database queue's runner; answers each account's result. */
async function runAll(stopOnFailure: boolean) {
  const context = writeContext(panel().support, "web", REASON);
  const plan = await planForcePasswordChange(panel().support, { accountIds });
  const asked = async () => [
    (await panel().emulator.control.requestCounts()).forcepasswordchange ?? 0,
    (await second.control.requestCounts()).forcepasswordchange ?? 0,
  ];
  const before = await asked();
  const { jobId } = await startForcePasswordChange(context, { accountIds }, { stopOnFailure });
  const progress: string[] = [];
  const handlers = {
    [FORCE_PASSWORD_JOB]: (payload: unknown, job: JobContext) =>
      runForcePasswordJob(payload, {
        ...job,
        progress: async (percent: number, message?: string) => {
          progress.push(message ?? "");
          await job.progress(percent, message);
        },
      }),
  };
  await new DatabaseRunner(handlers, { pollMs: 60_000 }).runDue();
  const after = await asked();
  const calls = (["demo", "second"] as const).filter((_, i) => after[i]! > before[i]!);
  const view = await bulkJobFor(panel().support, jobId);
  if (view.kind !== "force_password") throw new Error("not a force-password job");
  return { plan, calls, progress, results: view.results, state: view.state };
}

beforeEach(async () => {
  await clearFlags();
  await panel().emulator.control.clearFaults();
  await second.control.clearFaults();
});

describe("batch force-password-change", () => {
  it("plans 50 accounts on two servers, one WHM call each", async () => {
    const plan = await planForcePasswordChange(panel().support, { accountIds });
    expect(plan.servers.map((s) => [s.serverName, s.accounts.length])).toEqual([
      ["demo", 24],
      ["second", 26],
    ]);
    await panel().emulator.control.clearRequestCounts();
    await second.control.clearRequestCounts();
    const { results } = await runAll(false);
    expect(results).toHaveLength(50);
    expect((await panel().emulator.control.requestCounts()).forcepasswordchange).toBe(1);
    expect((await second.control.requestCounts()).forcepasswordchange).toBe(1);
  });

  it("continue: every account but the missing one is updated; it fails with cPanel's reason", async () => {
    const { results, progress, state } = await runAll(false);
    expect(state).toBe("succeeded");
    expect(progress).toEqual(["24 of 50 accounts", "50 of 50 accounts"]);
    const ghost = results.find((r) => r.cpanelUser === GHOST)!;
    expect(ghost).toMatchObject({
      outcome: "failed",
      reason: `Unable to set forced password change for user '${GHOST}'; check the system log for details.`,
    });
    expect(results.filter((r) => r.outcome === "updated")).toHaveLength(49);
    expect(Object.values(await flags()).every(Boolean)).toBe(true);

    const events = await listAuditEvents({ action: "account.password.force_change", limit: 500 });
    const ghostEvent = events.find((e) => e.target === GHOST)!;
    expect(ghostEvent).toMatchObject({ outcome: "failure", reason: REASON });
    expect(events.filter((e) => e.target?.startsWith("batch") && e.outcome === "success").length).toBeGreaterThanOrEqual(49);
  });

  it("stop on first failure: the accounts before it are updated, the ones after are not attempted", async () => {
    const { results } = await runAll(true);
    const byUser = new Map(results.map((r) => [r.cpanelUser, r]));
    expect(usersA.every((u) => byUser.get(u)!.outcome === "updated")).toBe(true);
    expect(byUser.get("batchb12")!.outcome).toBe("updated");
    expect(byUser.get(GHOST)!.outcome).toBe("failed");
    expect(byUser.get("batchb13")).toMatchObject({ outcome: "skipped", reason: expect.stringMatching(/Not attempted/) });
    const state = await flags();
    expect(state.batchb12).toBe(true);
    expect(state.batchb13).toBe(false);
    expect(state.batchb25).toBe(false);
  });

  it("stop on first failure across servers: after a failing server, the next one is not asked", async () => {
    await panel().emulator.control.fault({ fn: "forcepasswordchange", kind: "status0", message: "WHM is being upgraded." });
    const { results, calls } = await runAll(true);
    expect(calls).toEqual(["demo"]);
    expect(results.filter((r) => r.serverName === "demo").every((r) => r.outcome === "failed" && r.reason?.includes("WHM is being upgraded."))).toBe(
      true,
    );
    expect(results.filter((r) => r.serverName === "second").every((r) => r.outcome === "skipped")).toBe(true);
    expect(Object.values(await flags()).some(Boolean)).toBe(false);
  });

  it("an upstream fault is reported on each account of that server; the other server still runs", async () => {
    await second.control.fault({ fn: "forcepasswordchange", kind: "http", status: 502 });
    const { results } = await runAll(false);
    const onSecond = results.filter((r) => r.serverName === "second");
    expect(onSecond).toHaveLength(26);
    // A 5xx may come after WHM made the change: each account says so, none claims failure or success.
    expect(onSecond.every((r) => r.outcome === "unknown" && r.reason?.includes("second"))).toBe(true);
    expect(results.filter((r) => r.serverName === "demo").every((r) => r.outcome === "updated")).toBe(true);
  });

  it("an unreachable server fails its accounts with the reason, not the batch", async () => {
    await second.control.fault({ fn: "forcepasswordchange", kind: "status0", message: "Permission denied for forcepasswordchange." });
    const { results } = await runAll(false);
    expect(results.filter((r) => r.serverName === "second").every((r) => r.outcome === "failed" && r.reason?.includes("Permission denied"))).toBe(
      true,
    );
    expect(results.filter((r) => r.outcome === "updated")).toHaveLength(24);
  });

  it("an account whose flag is already set is reported as already required, not as a failure", async () => {
    const first = await runAll(false);
    expect(first.results.filter((r) => r.outcome === "updated")).toHaveLength(49);
    const { results } = await runAll(false);
    const already = results.filter((r) => r.outcome === "already");
    expect(already).toHaveLength(49);
    expect(already[0]!.reason).toMatch(/already required/);
    expect(results.find((r) => r.cpanelUser === GHOST)!.outcome).toBe("failed");
  });

  it("needs staff and a reason", async () => {
    const plan = await planForcePasswordChange(panel().support, { accountIds });
    const server = plan.servers[0]!;
    const ids = server.accounts.map((a) => a.id);
    await expect(
      forcePasswordChangeOnServer(writeContext(panel().customer, "web", REASON), server.serverId, ids, { stopOnFailure: false }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      forcePasswordChangeOnServer(writeContext(panel().support, "web", "short"), server.serverId, ids, { stopOnFailure: false }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(planForcePasswordChange(panel().customer, { accountIds })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses accounts that are not on the named server", async () => {
    const plan = await planForcePasswordChange(panel().support, { accountIds });
    const [a, b] = plan.servers;
    await expect(
      forcePasswordChangeOnServer(writeContext(panel().support, "web", REASON), a!.serverId, [a!.accounts[0]!.id, b!.accounts[0]!.id], {
        stopOnFailure: false,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
