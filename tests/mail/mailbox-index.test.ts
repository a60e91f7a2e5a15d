// The mailbox index of support's address search (lib/mail/mailbox-index.ts) and the bounded fleet import, against the emulator.
import { describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { mailboxIndexRefreshes } from "@/lib/db/mailbox-addresses";
import { listServers } from "@/lib/db/servers";
import { jobQueue } from "@/lib/jobs/queue";
import { importEveryServer } from "@/lib/mail/fleet-import";
import { MAILBOX_INDEX_JOB, mapBounded, refreshMailboxIndex } from "@/lib/mail/mailbox-index";
import { supportSearch } from "@/lib/mail/support";

const panel = withDemoPanel({ requestTimeoutMs: 1500 });
const HOUR = 3600_000;

async function demoServer() {
  const [server] = await listServers();
  return server!;
}

describe("mailbox index", () => {
  it("holds every imported account's addresses after a refresh", async () => {
    const outcome = await refreshMailboxIndex(await demoServer());
    expect(outcome).toMatchObject({ accounts: 3, addresses: 18, failedAccounts: 0 });
    const refresh = (await mailboxIndexRefreshes()).get((await demoServer()).id);
    expect(refresh).toMatchObject({ accounts: 3, addresses: 18, failedAccounts: 0 });
    expect(Date.now() - refresh!.refreshedAt).toBeLessThan(5000);
  });

  it("answers an address search without asking the server (even a slow one), and says so", async () => {
    const { support, accountId, emulator } = panel();
    await refreshMailboxIndex(await demoServer());
    await emulator.control.fault({ fn: "listaccts", kind: "delay", ms: 10_000 });
    await emulator.control.clearRequestCounts();
    try {
      const started = performance.now();
      const result = await supportSearch(support, { query: "newsletter@example.org" });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(result.accounts).toEqual([expect.objectContaining({ id: accountId.examplecom, matchedMailboxes: ["newsletter@example.org"] })]);
      expect(result.mailboxIndex).toMatchObject({ servers: 1, liveServers: 0 });
      expect(result.unansweredServers).toEqual([]);
      expect(await emulator.control.requestCounts()).toEqual({});
      // A part of an address finds every match, across accounts.
      const part = await supportSearch(support, { query: "info@" + "example" });
      expect(part.accounts.map((a) => a.id).sort()).toEqual([accountId.examplecom, accountId.othernet].sort());
    } finally {
      await emulator.control.clearFaults();
    }
  });

  it("asks the server live when told to, or when its part of the index is too old, and queues a refresh", async () => {
    const { support, emulator, accountId } = panel();
    const server = await demoServer();
    await emulator.control.clearRequestCounts();
    const live = await supportSearch(support, { query: "orders@shop.example", live: true });
    expect(live.mailboxIndex).toBeNull();
    expect(live.accounts.map((a) => a.id)).toEqual([accountId.shopcp]);
    expect((await emulator.control.requestCounts()).listaccts).toBe(1);

    await refreshMailboxIndex(server, { now: () => Date.now() - 2 * HOUR });
    await emulator.control.clearRequestCounts();
    const stale = await supportSearch(support, { query: "orders@shop.example" });
    expect(stale.mailboxIndex).toEqual({ servers: 0, oldestRefreshAt: null, liveServers: 1 });
    expect(stale.accounts.map((a) => a.id)).toEqual([accountId.shopcp]);
    expect((await emulator.control.requestCounts()).listaccts).toBe(1);
    const queued = await jobQueue().list({ states: ["queued"] });
    expect(queued.filter((j) => j.kind === MAILBOX_INDEX_JOB).map((j) => j.title)).toContain(`Refresh the mailbox index of ${server.name}`);
  });

  it("keeps the last good index when no account can be read (the server is down)", async () => {
    const { emulator } = panel();
    const server = await demoServer();
    await refreshMailboxIndex(server);
    const before = (await mailboxIndexRefreshes()).get(server.id)!;
    await emulator.control.fault({ fn: "list_pops_for", kind: "http", status: 503 });
    try {
      await expect(refreshMailboxIndex(server)).rejects.toThrow(/No account's mailboxes could be read/);
      expect((await mailboxIndexRefreshes()).get(server.id)).toEqual(before);
    } finally {
      await emulator.control.clearFaults();
    }
  });
});

describe("bounded work", () => {
  it("mapBounded never runs more than the limit at once, and keeps the order", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapBounded([5, 1, 4, 2, 3, 0, 6, 7], 3, async (n) => {
      peak = Math.max(peak, ++running);
      await new Promise((resolve) => setTimeout(resolve, n * 3));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60, 70]);
    expect(peak).toBe(3);
  });

  it("importEveryServer imports each server with one listaccts call and queues its index refresh", async () => {
    const { emulator } = panel();
    await emulator.control.clearRequestCounts();
    const rows = await importEveryServer();
    expect(rows).toEqual([expect.objectContaining({ server: (await demoServer()).name, created: 0, updated: 3, missing: 0, error: null })]);
    expect(await emulator.control.requestCounts()).toEqual({ listaccts: 1 });
    const jobs = await jobQueue().list({ states: ["queued"] });
    expect(jobs.some((j) => j.kind === MAILBOX_INDEX_JOB)).toBe(true);
  });
});
