/**
 * `npm run bench`: the panel's benchmark suite (not a test: it measures and prints). Each figure stands beside its
 * reference measured in the same run. Prints a table, writes bench/results.json, and exits non-zero when a route's
 * first-load JS is over its budget (bench/budgets.json) or the load test saw an error.
 *
 * Flags: --users N (load, default 50) --seconds S (load, default 30) --n N (timed calls per figure, default 60)
 *        --skip lighthouse,load,browser,cpanel (leave sections out)
 *        --fleet [SxAxM] (only the fleet bench, default 50x200x10; with --n, --audit-rows N, --bulk N: bench/sections/fleet.ts)
 * Runs under the e2e lock (package.json): it may build, and it serves the shared .next on ports 3200/3201.
 */
import { cpus } from "node:os";
import { benchCpanelClient } from "./cpanel-client";
import { benchFleet } from "./sections/fleet";
import { benchBigList } from "./sections/big-list";
import { firstLoadJs } from "./sections/first-load-js";
import { benchLayoutShift } from "./sections/layout-shift";
import { benchLighthouse } from "./sections/lighthouse";
import { benchLoad, GENERATOR_NICENESS } from "./sections/load";
import { benchOverhead } from "./sections/overhead";
import { benchPasswordPolicy } from "./sections/password-policy";
import { benchStrengthMeter } from "./sections/strength-meter";
import { parseFleetSize } from "./support/fleet-stack";
import { signIn } from "./support/http";
import { previousResults, writeResults } from "./support/results-file";
import { BIG_MAILBOXES, startStack, USER_PASSWORD, type Stack } from "./support/stack";
import { kb, ms } from "./support/stats";
import { PHASES } from "./support/timings";

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
const skip = new Set((process.argv[process.argv.indexOf("--skip") + 1] ?? "").split(","));
if (!process.argv.includes("--skip")) skip.clear();
const USERS = flag("users", 50);
const SECONDS = flag("seconds", 30);
const N = flag("n", 60);

const lines: string[] = [];
const out = (line = "") => {
  lines.push(line);
};
function table(head: string[], rows: (string | number)[][]) {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, c) => Math.max(...cells.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join(" | ")} |`;
  out(line(head));
  out(`|${widths.map((w, c) => (c === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const r of cells.slice(1)) out(line(r));
  out();
}

async function main() {
  const results: Record<string, unknown> = { generatedAt: new Date().toISOString(), node: process.version, cpus: cpus().length };
  let failed: string[] = [];
  const step = (name: string) => console.error(`[bench] ${name}…`);

  // --fleet [SxAxM] runs the fleet bench alone (bench/sections/fleet.ts): its figures replace the `fleet` key, the rest is kept.
  if (process.argv.includes("--fleet")) {
    const size = parseFleetSize(process.argv[process.argv.indexOf("--fleet") + 1]);
    const fleet = await benchFleet(
      size,
      { out, table, step },
      { n: N, auditRows: flag("audit-rows", 1_000_000), bulkMailboxes: flag("bulk", 10_000) },
    );
    writeResults({ ...previousResults(), fleet: { generatedAt: results.generatedAt, node: results.node, cpus: results.cpus, ...fleet } });
    console.log(`\n${lines.join("\n")}`);
    console.log("Written to bench/results.json (fleet)");
    return;
  }

  step("cPanel client: pooled vs new connection");
  const client = skip.has("cpanel") ? [] : await benchCpanelClient();
  results.cpanelClient = client;

  let stack: Stack | undefined;
  try {
    step(`starting the emulator (${BIG_MAILBOXES} + ${USERS}×50 mailboxes) and two panels`);
    stack = await startStack({ users: USERS, ports: [3200, 3201] });

    // After startStack: it builds the panel when the build is stale.
    step("first-load JS per route");
    const js = firstLoadJs();
    results.firstLoadJs = js;
    failed = js
      .filter((r) => r.over)
      .map(
        (r) =>
          `${r.route} ships ${kb(r.gzipBytes)} of JS (${r.overBareKb.toFixed(1)} kB over the bare page), over its budget of ${r.budgetKb} kB` +
          (r.overBareBudgetKb === null ? "" : ` or bare + ${r.overBareBudgetKb} kB`),
      );

    step(`signing in ${USERS} users`);
    const cookies: string[] = [];
    for (const user of stack.users) cookies.push(await signIn(stack.cached.base, user.email, USER_PASSWORD));

    step("overhead: password change and mailbox list vs bare cPanel calls");
    const overhead = await benchOverhead(stack, cookies, N);
    results.overhead = overhead;

    const browser = !skip.has("browser");
    step(`mailbox list at ${BIG_MAILBOXES} mailboxes`);
    const big = browser ? await benchBigList(stack, cookies[0]!, Math.max(10, Math.round(N / 3))) : [];
    results.bigList = big;

    step("password policy check, worst inputs");
    const policy = benchPasswordPolicy();
    results.passwordPolicy = policy;

    step("strength meter");
    const strength = browser ? await benchStrengthMeter(stack, cookies[0]!) : null;
    results.strengthMeter = strength;

    step("Lighthouse");
    const mailboxUrl = `${stack.cached.base}/accounts/${stack.users[0]!.accountId}/email/${encodeURIComponent("box1@load0.test")}`;
    const lighthouse = skip.has("lighthouse")
      ? []
      : await benchLighthouse([
          { name: "/login", url: `${stack.cached.base}/login` },
          { name: "mailbox page", url: mailboxUrl, cookie: cookies[0]! },
          { name: `mailbox list (${BIG_MAILBOXES})`, url: `${stack.cached.base}/accounts/${stack.big.accountId}/email`, cookie: cookies[0]! },
        ]);
    results.lighthouse = lighthouse;

    step("layout shift (CLS) per page, desktop and phone");
    const account = `${stack.cached.base}/accounts/${stack.users[0]!.accountId}`;
    const shifts = browser
      ? await benchLayoutShift([
          { name: "/login", url: `${stack.cached.base}/login` },
          { name: "account list", url: `${stack.cached.base}/accounts`, cookie: cookies[0]! },
          { name: "mailbox list (50)", url: `${account}/email`, cookie: cookies[0]! },
          { name: `mailbox list (${BIG_MAILBOXES})`, url: `${stack.cached.base}/accounts/${stack.big.accountId}/email`, cookie: cookies[0]! },
          { name: "mailbox page", url: mailboxUrl, cookie: cookies[0]! },
          { name: "mailbox password page", url: `${mailboxUrl}/password`, cookie: cookies[0]! },
          { name: "forwarders", url: `${account}/forwarders`, cookie: cookies[0]! },
          { name: "activity", url: `${account}/activity`, cookie: cookies[0]! },
          { name: "API tokens", url: `${stack.cached.base}/settings/api-tokens`, cookie: cookies[0]! },
        ])
      : [];
    results.layoutShift = shifts;

    const load = [];
    if (!skip.has("load")) {
      for (const panel of [stack.cached, stack.uncached]) {
        step(`load: ${USERS} users for ${SECONDS} s against the panel with ${panel.name}`);
        load.push(await benchLoad(stack, panel, cookies, SECONDS));
      }
    }
    results.load = load;
    for (const row of load)
      if (row.errors > 0) failed.push(`the load test against the panel with ${row.panel} saw ${row.errors} errors (${JSON.stringify(row.statuses)})`);

    // ---- the report ----
    out(`Mailroom benchmarks — ${results.generatedAt}, Node ${process.version}, ${cpus().length} CPUs`);
    out();
    out("Panel overhead (sequential calls; reference = the bare emulator call through the pooled cPanel client)");
    table(
      ["operation", "via", "panel", "p50", "p95", "cPanel calls/op", "reference", "ref p50", "ref p95", "overhead p50", "overhead p95"],
      overhead.map((r) => [
        r.operation,
        r.via,
        r.panel,
        ms(r.timing.p50),
        ms(r.timing.p95),
        r.cpanelCallsPerOp.toFixed(2),
        r.reference,
        ms(r.referenceTiming.p50),
        ms(r.referenceTiming.p95),
        ms(r.timing.p50 - r.referenceTiming.p50),
        ms(r.timing.p95 - r.referenceTiming.p95),
      ]),
    );
    out("Where the panel's time goes (mean ms per operation, noted by the panel itself: lib/timings.ts; rest = HTTP, Next.js, rendering)");
    table(
      ["operation", "via", "panel", "mean", ...PHASES.filter((p) => p !== "request"), "rest"],
      overhead.map((r) => {
        const phases = PHASES.filter((p) => p !== "request").map((p) => r.breakdown[p]);
        const noted = phases.reduce((sum, p) => sum + (p?.ms ?? 0), 0);
        return [
          r.operation,
          r.via,
          r.panel,
          ms(r.timing.mean),
          ...phases.map((p) => (p ? `${ms(p.ms)}${p.calls > 1.05 ? ` ×${p.calls.toFixed(1)}` : ""}` : "—")),
          ms(r.timing.mean - noted),
        ];
      }),
    );
    if (client.length) {
      out("cPanel client (list_pops_with_disk, 50 mailboxes)");
      table(
        ["transport", "client", "calls/s", "p50", "p95"],
        client.map((r) => [r.transport, r.mode, (r.calls / r.seconds).toFixed(0), ms(r.p50), ms(r.p95)]),
      );
    }
    if (big.length) {
      out(`Mailbox list at ${BIG_MAILBOXES} mailboxes (page = 50 rows, searched and paged on the server; TTI = load + first idle in Chromium)`);
      table(
        ["panel", "render p50", "render p95", "HTML", "TTI p50", "REST all p50", "REST JSON", "bare cPanel p50"],
        big.map((r) => [
          r.panel,
          ms(r.render.p50),
          ms(r.render.p95),
          kb(r.htmlBytes),
          ms(r.tti?.p50 ?? NaN),
          ms(r.restJson.p50),
          kb(r.restBytes),
          ms(r.bareList.p50),
        ]),
      );
    }
    if (strength) {
      out("Strength meter (Web Worker, loaded after the load event)");
      table(
        ["figure", "value"],
        [
          ["estimate per keystroke p50", ms(strength.perKeystroke.p50)],
          ["estimate per keystroke p95", ms(strength.perKeystroke.p95)],
          ["first estimate (dictionaries warm up)", ms(strength.firstEstimateMs)],
          ["lazily loaded JS (gzip)", `${kb(strength.lazyGzipBytes)} in ${strength.lazyFiles.length} files`],
        ],
      );
    }
    out("Server-side password policy check (worst inputs, 105 checks; DESIGN §6 aims at 20 ms p99)");
    table(["p50", "p95", "p99", "mean"], [[ms(policy.timing.p50), ms(policy.timing.p95), ms(policy.p99), ms(policy.timing.mean)]]);
    out(
      "First-load JS per route (gzip, production build) against bench/budgets.json; reference = the bare page (/, no client code of its own) of the same build",
    );
    table(
      ["route", "JS (gzip)", "files", "over bare", "budget", "bare + budget", "status"],
      js.map((r) => [
        r.route,
        kb(r.gzipBytes),
        r.files,
        `${r.overBareKb.toFixed(1)} kB`,
        r.budgetKb === null ? "—" : `${r.budgetKb} kB`,
        r.overBareBudgetKb === null ? "—" : `${r.overBareBudgetKb} kB`,
        r.over ? "OVER BUDGET" : "ok",
      ]),
    );
    if (lighthouse.length) {
      out("Lighthouse 12 (desktop preset, Debian Chromium)");
      table(
        ["page", "performance", "accessibility", "best practices", "FCP", "LCP", "TBT", "CLS"],
        lighthouse.map((r) => [r.page, r.performance, r.accessibility, r.bestPractices, ms(r.fcpMs), ms(r.lcpMs), ms(r.tbtMs), r.cls.toFixed(3)]),
      );
    }
    if (shifts.length) {
      out("Layout shift (CLS, worst of 2 loads in Chromium, until the page has streamed in; goal ≤ 0.02 on every page)");
      const viewports = [...new Set(shifts.map((r) => r.viewport))];
      table(
        ["page", ...viewports, "goal"],
        [...new Set(shifts.map((r) => r.page))].map((page) => {
          const values = viewports.map((v) => shifts.find((r) => r.page === page && r.viewport === v)?.cls ?? NaN);
          return [page, ...values.map((v) => v.toFixed(3)), values.every((v) => v <= 0.02) ? "met" : "MISSED"];
        }),
      );
    }
    if (load.length) {
      const first = load[0]!;
      out(
        `Load: ${USERS} signed-in users, one connection each, ${SECONDS} s (REST list, list page, password change in turn). ` +
          `${first.cores} cores shared by the two panels, the emulator, the load generator (nice ${GENERATOR_NICENESS}) and the ` +
          `machine's other work (1-min load average ${first.loadAverage.before.toFixed(1)} before the first run). Emulator = the ` +
          `bare cPanel calls sampled one at a time during the same load; panel p95 = p95 minus the emulator's p95 (goal ≤ 100 ms)`,
      );
      table(
        ["panel", "requests", "req/s", "p50", "p95", "emulator list p95", "emulator passwd p95", "panel p95", "errors", "statuses"],
        load.map((r) => [
          r.panel,
          r.requests,
          r.throughput.toFixed(0),
          ms(r.latency.p50),
          ms(r.latency.p95),
          ms(r.emulator.list.p95),
          ms(r.emulator.password.p95),
          ms(r.panelP95),
          r.errors,
          Object.entries(r.statuses)
            .map(([s, c]) => `${s}×${c}`)
            .join(" "),
        ]),
      );
      table(
        ["panel", "request", "p50", "p95", "emulator p95", "panel p95"],
        load.flatMap((r) =>
          r.kinds.map((k) => [r.panel, k.kind, ms(k.latency.p50), ms(k.latency.p95), k.emulator ? ms(k.emulator.p95) : "—", ms(k.panelP95)]),
        ),
      );
    }
  } finally {
    await stack?.stop();
  }

  results.failures = failed;
  // The fleet figures come from their own run (--fleet): kept as they are.
  writeResults({ ...results, ...(previousResults().fleet ? { fleet: previousResults().fleet } : {}) });
  console.log(`\n${lines.join("\n")}`);
  console.log("Written to bench/results.json");
  if (failed.length) {
    console.error(`\nBENCH FAILED:\n${failed.map((f) => `  - ${f}`).join("\n")}`);
    process.exitCode = 1;
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  // Pools and browsers of the sections must not keep the process alive once the report is out.
  .finally(() => process.exit(process.exitCode ?? 0));
