import { fleetNames } from "../../emulator/seed-fleet";
import { processTreeRss, type FleetStack } from "./fleet-stack";

export type BulkFigures = {
  mailboxes: number;
  accounts: number;
  jobs: number;
  /** Starting every job (POST …/bulk-actions per account: the panel lists the mailboxes live, then queues the job). */
  enqueueMs: number;
  /** From the first enqueue until every job finished. */
  totalMs: number;
  itemsPerSecond: number;
  succeededJobs: number;
  failedJobs: number;
  auditedItems: number;
  /** The limits the run had: calls per server at once (BULK_CONCURRENCY_PER_SERVER, across jobs), jobs at once, so calls at once in all. */
  limits: { callsPerServer: number; jobsAtOnce: number; callsAtOnceAtMost: number };
  rss: { startMb: number; peakMb: number; endMb: number; samples: number };
  /** The same write without the panel: UAPI Email::unsuspend_login through the pooled client, as many at once as the runner. */
  reference: { calls: number; callsPerSecond: number };
  /** A sample mailbox read back from the emulator after the run. */
  sampleSuspended: boolean;
};

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * A bulk action (suspend login) over `target` mailboxes spread evenly over the fleet's servers: one job per account
 * (REST POST …/bulk-actions, which calls lib/mail/bulk-mailboxes startBulkAction), run by the panel process's job worker. Samples the
 * panel's resident memory every 250 ms while the queue drains.
 */
export async function benchBulk(stack: FleetStack, target: number): Promise<BulkFigures> {
  const { size } = stack;
  const { createApiToken } = await import("../../lib/db/api-tokens");
  const { WRITE_SCOPE } = await import("../../lib/auth/scopes");
  const { bulkConcurrencyPerServer } = await import("../../lib/mail/server-slots");
  const { findHostingAccountsByCpanelUser } = await import("../../lib/db/hosting-accounts");
  const { getDb } = await import("../../lib/db/client");
  const { clientForServer } = await import("../../lib/mail/cpanel-access");
  const { mapBounded } = await import("../../lib/mail/mailbox-index");
  const db = await getDb();

  const accountsNeeded = Math.min(size.servers * size.accounts, Math.ceil(target / size.mailboxes));
  // Round-robin over the servers: account k of every server before account k+1 of any.
  const picks = Array.from({ length: accountsNeeded }, (_, i) => ({ server: i % size.servers, account: Math.floor(i / size.servers) }));
  const jobsAtOnce = 2; // DatabaseRunner's default concurrency (lib/jobs/database-queue.ts), as instrumentation-node starts it
  const perServer = bulkConcurrencyPerServer();

  // Reference: the bare write through the pooled client, on mailboxes the bulk run does not touch (they stay unsuspended).
  const spare = Array.from({ length: Math.min(1000, size.servers * size.accounts) }, (_, i) => ({
    server: i % size.servers,
    account: size.accounts - 1 - (Math.floor(i / size.servers) % size.accounts),
  }));
  const refStarted = performance.now();
  await mapBounded(spare, jobsAtOnce * perServer, async (p) => {
    const names = fleetNames(p.server, p.account);
    await (await clientForServer(stack.serverIds[p.server]!)).account(names.user).unsuspendLogin(names.mailbox(size.mailboxes - 1));
  });
  const reference = { calls: spare.length, callsPerSecond: spare.length / ((performance.now() - refStarted) / 1000) };

  const pid = stack.panel.child.pid!;
  const samples: number[] = [processTreeRss(pid)];
  const sampler = setInterval(() => samples.push(processTreeRss(pid)), 250);
  // Started through the REST API, as a script would (the panel process plans and queues each job); the API allows 600
  // calls a minute per token, so one token per 500 accounts.
  const tokens = await Promise.all(
    Array.from(
      { length: Math.ceil(picks.length / 500) },
      async (_, i) => (await createApiToken({ userId: stack.admin.id, name: `fleet bench ${i}`, scopes: [WRITE_SCOPE] })).token,
    ),
  );
  const started = performance.now();
  let mailboxes = 0;
  try {
    await mapBounded(picks, 8, async (p) => {
      const names = fleetNames(p.server, p.account);
      const [account] = await findHostingAccountsByCpanelUser(names.user, stack.serverIds[p.server]);
      if (!account) throw new Error(`${names.user} was not imported`);
      const addresses = Array.from({ length: Math.min(size.mailboxes, target - mailboxes) }, (_, b) => names.mailbox(b));
      if (addresses.length === 0) return;
      mailboxes += addresses.length;
      const token = tokens[picks.indexOf(p) % tokens.length]!;
      const response = await fetch(`${stack.panel.base}/api/v2/shared-hosting/${account.id}/bulk-actions`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ addresses, action: "suspend_login", reason: "Fleet bench: bulk suspend over the fleet" }),
      });
      if (response.status !== 202)
        throw new Error(`POST bulk-actions for ${names.user}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
    });
    const enqueueMs = performance.now() - started;
    const count = async () =>
      db
        .selectFrom("jobs")
        .select(["state", (eb) => eb.fn.countAll<number>().as("n")])
        .where("kind", "=", "mailbox.bulk")
        .groupBy("state")
        .execute();
    for (;;) {
      const states = Object.fromEntries((await count()).map((r) => [r.state, Number(r.n)]));
      if (!states.queued && !states.running) break;
      if (performance.now() - started > 15 * 60_000) throw new Error(`the bulk jobs did not finish in 15 minutes: ${JSON.stringify(states)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const totalMs = performance.now() - started;
    clearInterval(sampler);
    samples.push(processTreeRss(pid));
    const states = Object.fromEntries((await count()).map((r) => [r.state, Number(r.n)]));
    const audited = await db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("action", "=", "mailbox.bulk.suspend_login")
      .where("outcome", "=", "success")
      .executeTakeFirstOrThrow();
    const sample = fleetNames(picks[0]!.server, picks[0]!.account);
    const state = await stack.emulator.state(picks[0]!.server, sample.user);
    return {
      mailboxes,
      accounts: picks.length,
      jobs: picks.length,
      enqueueMs,
      totalMs,
      itemsPerSecond: mailboxes / (totalMs / 1000),
      succeededJobs: states.succeeded ?? 0,
      failedJobs: states.failed ?? 0,
      auditedItems: Number(audited.n),
      limits: { callsPerServer: perServer, jobsAtOnce, callsAtOnceAtMost: perServer * jobsAtOnce },
      rss: { startMb: mb(samples[0]!), peakMb: mb(Math.max(...samples)), endMb: mb(samples[samples.length - 1]!), samples: samples.length },
      reference,
      sampleSuspended: state.mailboxes.find((m) => m.email === sample.mailbox(0))?.suspendedLogin === true,
    };
  } finally {
    clearInterval(sampler);
  }
}
