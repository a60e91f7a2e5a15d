/**
 * `npm run bench -- --fleet [SxAxM]`: a whole fleet (default 50 servers × 200 accounts × 10 mailboxes) in the emulator,
 * registered in a fresh panel, and what support does across it: import every server, search by domain and by mailbox
 * address (every server answering; 5 slow; 5 down), top senders, a bulk action over 10,000 mailboxes on the job queue,
 * and the audit log at 1 million rows on SQLite and PostgreSQL. Each figure stands beside its reference.
 */
import { fleetNames } from "../../emulator/seed-fleet";
import { benchAudit, type AuditFigures } from "../support/fleet-audit";
import { benchBulk, type BulkFigures } from "../support/fleet-bulk";
import { serverName, startFleetStack, type FleetSize, type FleetStack } from "../support/fleet-stack";
import { call } from "../support/http";
import { ms, time, type Timing } from "../support/stats";

type Printer = {
  out(line?: string): void;
  table(head: string[], rows: (string | number)[][]): void;
  step(name: string): void;
};

type SearchRow = { scenario: string; search: string; timing: Timing; found: boolean; named: string[] };

export type FleetResults = {
  size: FleetSize & { mailboxesTotal: number };
  emulator: { seedAndStartMs: number; readyMs: number };
  import: { ms: number; accounts: number; serversAtOnce: number; failures: string[]; reference: { name: string; ms: number } };
  mailboxIndex: { refreshMs: number; addresses: number; servers: number };
  search: { timeBoxMs: number; reference: Timing; rows: SearchRow[] };
  outgoing: { timeBoxMs: number; rows: SearchRow[] };
  bulk: BulkFigures;
  audit: AuditFigures;
};

const SLOW_MS = 10_000;
const SEARCH_TIME_BOX_MS = 2500; // lib/mail/support.ts MAILBOX_LOOKUP_TIMEOUT_MS
const OUTGOING_TIME_BOX_MS = 4000; // lib/mail/outgoing.ts TOP_SENDERS_TIMEOUT_MS

/** The servers the page names as not answering ("Not answered in time: srv46, srv47."). */
function namedUnanswered(html: string): string[] {
  const m = /Not answered in time: ([^.<]+)\./.exec(html.replace(/<!-- -->/g, ""));
  return m ? m[1]!.split(",").map((s) => s.trim()) : [];
}

async function timedPage(stack: FleetStack, path: string, n: number, expect: (html: string) => boolean) {
  let found = true;
  let named: string[] = [];
  const timing = await time(
    n,
    async () => {
      const html = await call(stack.panel.base, stack.cookie, path);
      found &&= expect(html);
      named = namedUnanswered(html);
    },
    1,
  );
  return { timing, found, named };
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return performance.now() - started;
}

/** Runs the fleet bench; prints its tables through `io` and answers the figures for bench/results.json. */
export async function benchFleet(
  size: FleetSize,
  io: Printer,
  options: { n: number; auditRows: number; bulkMailboxes: number },
): Promise<FleetResults> {
  const { n } = options;
  io.step(`starting a fleet of ${size.servers} × ${size.accounts} × ${size.mailboxes} and a panel`);
  const stack = await startFleetStack(size, 3200);
  try {
    const { importEveryServer, IMPORT_SERVERS_AT_ONCE } = await import("../../lib/mail/fleet-import");
    const { listServers } = await import("../../lib/db/servers");
    const { clientForServer } = await import("../../lib/mail/cpanel-access");
    const { mapBounded } = await import("../../lib/mail/mailbox-index");
    const { mailboxIndexRefreshes } = await import("../../lib/db/mailbox-addresses");

    io.step("accounts:import of every server");
    const servers = await listServers();
    let started = performance.now();
    await mapBounded(servers, IMPORT_SERVERS_AT_ONCE, async (s) => (await clientForServer(s.id)).whm.listAccounts());
    const referenceMs = performance.now() - started;
    started = performance.now();
    const imported = await importEveryServer();
    const importMs = performance.now() - started;

    io.step("mailbox index refresh (queued by the import, run by the panel's job worker)");
    const refreshMs = await waitFor(
      "the mailbox index refresh of every server",
      async () => (await mailboxIndexRefreshes()).size >= servers.length,
      5 * 60_000,
    );
    const refreshes = [...(await mailboxIndexRefreshes()).values()];

    io.step("support search");
    const target = fleetNames(6 % size.servers, 123 % size.accounts);
    const address = target.mailbox(3 % size.mailboxes);
    // Found = the account's row links the domain, or lists the address among its matching mailboxes.
    const linksDomain = (html: string) => html.includes(`>${target.domain}</a>`);
    // A text node that is just the address (the echoed query sits between React's <!-- --> markers instead).
    const listsAddress = (html: string) => new RegExp(`(?<!--)>${address.replace(/\./g, "\\.")}<`).test(html);
    const searches = [
      { search: "domain", path: `/support?q=${encodeURIComponent(target.domain)}`, n, expect: linksDomain },
      { search: "address, index", path: `/support?q=${encodeURIComponent(address)}`, n, expect: listsAddress },
      { search: "address, live", path: `/support?q=${encodeURIComponent(address)}&live=1`, n, expect: listsAddress },
    ];
    const reference = (await timedPage(stack, "/support", n, () => true)).timing;
    const rows: SearchRow[] = [];
    const outgoing: SearchRow[] = [];
    const sick = Array.from({ length: 5 }, (_, i) => size.servers - 5 + i);
    for (const scenario of ["every server answers", `5 servers slow (${SLOW_MS / 1000} s)`, "5 servers down"] as const) {
      const health = scenario.startsWith("5 servers slow")
        ? ({ state: "slow", ms: SLOW_MS } as const)
        : scenario === "5 servers down"
          ? ({ state: "down" } as const)
          : ({ state: "up" } as const);
      await Promise.all(sick.map((i) => stack.emulator.health(i, health)));
      for (const s of searches) {
        // A lookup that waits for the time box is measured fewer times: its p50 is the time box either way.
        const times = health.state !== "up" && s.search === "address, live" ? Math.min(n, 6) : s.n;
        const r = await timedPage(stack, s.path, times, s.expect);
        rows.push({ scenario, search: s.search, ...r });
      }
      // The fleet's busiest sender: box0 of the first account of the first server (40 messages in the last hour).
      const busiest = fleetNames(0, 0).mailbox(0);
      const top = await timedPage(stack, "/support/outgoing?window=hour", health.state === "up" ? Math.min(n, 10) : 4, (html) =>
        html.includes(busiest),
      );
      outgoing.push({ scenario, search: "top senders, last hour", ...top });
    }
    await Promise.all(sick.map((i) => stack.emulator.health(i, { state: "up" })));

    io.step(`bulk action over ${options.bulkMailboxes} mailboxes on the job queue`);
    const bulk = await benchBulk(stack, options.bulkMailboxes);

    io.step(`audit log at ${options.auditRows.toLocaleString("en-US")} rows (SQLite, then PostgreSQL)`);
    const audit = await benchAudit(stack, options.auditRows, Math.max(5, Math.round(n / 2)));

    const results: FleetResults = {
      size: { ...size, mailboxesTotal: size.servers * size.accounts * size.mailboxes },
      emulator: { seedAndStartMs: stack.emulator.startMs, readyMs: stack.emulator.readyMs },
      import: {
        ms: importMs,
        accounts: imported.reduce((sum, r) => sum + r.created + r.updated, 0),
        serversAtOnce: IMPORT_SERVERS_AT_ONCE,
        failures: imported.filter((r) => r.error).map((r) => `${r.server}: ${r.error}`),
        reference: { name: `bare WHM listaccts of every server, ${IMPORT_SERVERS_AT_ONCE} at a time`, ms: referenceMs },
      },
      mailboxIndex: { refreshMs, addresses: refreshes.reduce((sum, r) => sum + r.addresses, 0), servers: refreshes.length },
      search: { timeBoxMs: SEARCH_TIME_BOX_MS, reference, rows },
      outgoing: { timeBoxMs: OUTGOING_TIME_BOX_MS, rows: outgoing },
      bulk,
      audit,
    };
    report(results, io, sick.map(serverName));
    return results;
  } finally {
    await stack.stop();
  }
}

function report(r: FleetResults, io: Printer, sick: string[]): void {
  const { out, table } = io;
  const s = (v: number) => `${(v / 1000).toFixed(1)} s`;
  out(
    `Fleet: ${r.size.servers} servers × ${r.size.accounts} accounts × ${r.size.mailboxes} mailboxes = ${r.size.mailboxesTotal.toLocaleString("en-US")} mailboxes ` +
      `(emulator seeded and listening in ${ms(r.emulator.seedAndStartMs)}; slow/down: ${sick.join(", ")})`,
  );
  table(
    ["figure", "value", "reference", "ref value"],
    [
      [
        `accounts:import of every server (${r.import.accounts} accounts, ${r.import.serversAtOnce} servers at once)`,
        s(r.import.ms),
        r.import.reference.name,
        s(r.import.reference.ms),
      ],
      [`mailbox index refresh of every server (${r.mailboxIndex.addresses} addresses, job queue)`, s(r.mailboxIndex.refreshMs), "—", "—"],
    ],
  );
  out(
    `Support search (/support, staff; time box ${ms(r.search.timeBoxMs)}; reference = /support without a query: p50 ${ms(r.search.reference.p50)}, p95 ${ms(r.search.reference.p95)})`,
  );
  table(
    ["servers", "search", "n", "p50", "p95", "found", "named as not answering"],
    r.search.rows.map((x) => [
      x.scenario,
      x.search,
      x.timing.n,
      ms(x.timing.p50),
      ms(x.timing.p95),
      x.found ? "yes" : "NO",
      x.named.join(", ") || "—",
    ]),
  );
  out(`Top senders (/support/outgoing across the fleet; time box ${ms(r.outgoing.timeBoxMs)})`);
  table(
    ["servers", "n", "p50", "p95", "named as not answering"],
    r.outgoing.rows.map((x) => [x.scenario, x.timing.n, ms(x.timing.p50), ms(x.timing.p95), x.named.join(", ") || "—"]),
  );
  const b = r.bulk;
  out(
    `Bulk suspend login over ${b.mailboxes.toLocaleString("en-US")} mailboxes (${b.jobs} jobs, one per account; at most ${b.limits.callsPerServer} calls per server ` +
      `at once (BULK_CONCURRENCY_PER_SERVER), ${b.limits.jobsAtOnce} jobs at once: at most ${b.limits.callsAtOnceAtMost} calls in all)`,
  );
  table(
    ["figure", "value"],
    [
      ["starting the jobs (REST POST …/bulk-actions per account)", s(b.enqueueMs)],
      ["until every job finished", s(b.totalMs)],
      ["items/s", b.itemsPerSecond.toFixed(0)],
      ["reference: bare unsuspend_login calls/s at the same concurrency", b.reference.callsPerSecond.toFixed(0)],
      ["jobs succeeded / failed", `${b.succeededJobs} / ${b.failedJobs}`],
      ["items audited as done", b.auditedItems],
      ["panel RSS start / peak / end", `${b.rss.startMb} / ${b.rss.peakMb} / ${b.rss.endMb} MB (${b.rss.samples} samples)`],
      ["a sample mailbox is suspended in the emulator", b.sampleSuspended ? "yes" : "NO"],
    ],
  );
  const a = r.audit;
  out(
    `Audit log at ${a.rows.toLocaleString("en-US")} rows — SQLite: inserted in ${s(a.sqlite.insertMs)} (${Math.round(a.sqlite.rowsPerSecond).toLocaleString("en-US")} rows/s)` +
      ("error" in a.postgres ? `; PostgreSQL: ${a.postgres.error}` : `; PostgreSQL: inserted and analysed in ${s(a.postgres.insertMs)}`),
  );
  const pgQueries = "error" in a.postgres ? [] : a.postgres.queries;
  table(
    ["filter", "SQLite page p50", "SQLite page p95", "SQLite plan", "PostgreSQL query p50", "PostgreSQL plan"],
    a.sqlite.pages.map((p) => {
      const q = pgQueries.find((x) => x.name === p.name);
      const pgPlan = "error" in a.postgres ? undefined : a.postgres.plans.find((x) => x.name === p.name);
      return [
        p.name,
        ms(p.timing.p50),
        ms(p.timing.p95),
        a.sqlite.plans.find((x) => x.name === p.name)?.access ?? "—",
        q ? ms(q.timing.p50) : "—",
        pgPlan?.access ?? "—",
      ];
    }),
  );
  table(
    ["CSV export", "time", "rows", "size"],
    a.sqlite.csv.map((c) => [c.name, ms(c.ms), c.lines, `${(c.bytes / 1024 / 1024).toFixed(1)} MB`]),
  );
  out("Query plans (SQLite EXPLAIN QUERY PLAN)");
  for (const p of a.sqlite.plans) out(`  ${p.name}: ${p.plan.join(" / ")}`);
  if (!("error" in a.postgres)) {
    out("Query plans (PostgreSQL EXPLAIN)");
    for (const p of a.postgres.plans) out(`  ${p.name}:\n${p.plan.map((l) => `      ${l}`).join("\n")}`);
  }
  out();
}
