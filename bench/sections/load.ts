import { fork } from "node:child_process";
import { availableParallelism, loadavg, setPriority } from "node:os";
import { join } from "node:path";
import { cpanelClient, closeCpanelTransports } from "../../lib/cpanel";
import type { LoadJob, LoadReport, RequestKind } from "../support/load-generator";
import { REQUEST_KINDS } from "../support/load-generator";
import { LOAD_MAILBOXES, MAILBOX_PASSWORD, ROOT, type Panel, type Stack } from "../support/stack";
import { summarize, type Timing } from "../support/stats";

/** The load generator's niceness: below the panel and the emulator (0), so it takes the CPU they leave. */
export const GENERATOR_NICENESS = 10;

export type LoadRow = {
  panel: string;
  users: number;
  seconds: number;
  requests: number;
  throughput: number;
  latency: Timing;
  /** Per kind of request: its latency, the emulator's own time for the cPanel call it needs, and the difference at p95. */
  kinds: { kind: RequestKind; latency: Timing; emulator: Timing | null; panelP95: number }[];
  /** The emulator's own time: the bare cPanel calls, one at a time, made during the same load. */
  emulator: { list: Timing; password: Timing };
  /** p95 of every request minus the emulator's p95 for the slowest call a request needs (passwd_pop). */
  panelP95: number;
  statuses: Record<string, number>;
  errors: number;
  cores: number;
  loadAverage: { before: number; after: number };
};

/**
 * The emulator's own latency under the load: the calls the panel makes (list_pops_with_disk of a 50-mailbox
 * account, passwd_pop), sent bare through the pooled client one at a time, about 10 a second, until `stop`.
 */
async function sampleEmulator(stack: Stack, stop: Promise<unknown>): Promise<LoadRow["emulator"]> {
  const sampler = stack.load.at(-1)!;
  const api = cpanelClient({
    serverId: "bench-load-sampler",
    baseUrl: stack.emulator.whmUrl,
    authMode: "whm",
    username: "root",
    token: stack.emulator.whmToken,
  }).account(sampler.cpanelUser);
  const domain = `load${stack.load.length - 1}.test`;
  const list: number[] = [];
  const password: number[] = [];
  let done = false;
  const finish = () => (done = true);
  stop.then(finish, finish);
  for (let i = 0; !done; i++) {
    let started = performance.now();
    await api.listMailboxes();
    list.push(performance.now() - started);
    started = performance.now();
    await api.changeMailboxPassword(`box${i % LOAD_MAILBOXES}@${domain}`, MAILBOX_PASSWORD);
    password.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await closeCpanelTransports();
  return { list: summarize(list), password: summarize(password) };
}

/** Runs the load generator in a child process at a lower CPU priority; resolves with its report. */
function generate(job: LoadJob): Promise<LoadReport> {
  const child = fork(join(ROOT, "bench", "support", "load-generator.ts"), [JSON.stringify(job)], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, MAILROOM_LOAD_GENERATOR: "1" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  setPriority(child.pid!, GENERATOR_NICENESS);
  return new Promise((resolve, reject) => {
    let report: LoadReport | undefined;
    child.once("message", (message) => (report = message as LoadReport));
    child.once("error", reject);
    child.once("exit", (code) => (report ? resolve(report) : reject(new Error(`the load generator exited with ${code} and no report`))));
  });
}

/**
 * N signed-in users at once, each on its own connection and account, for `seconds`: in turn the REST mailbox list,
 * the mailbox list page and a password change (REST PUT, a different mailbox each time). Errors are transport
 * errors, timeouts and every answer other than 200. The emulator's own time is sampled alongside, so the panel's
 * share of the latency can be told apart.
 */
export async function benchLoad(stack: Stack, panel: Panel, cookies: string[], seconds: number): Promise<LoadRow> {
  const before = loadavg()[0]!;
  const report = generate({
    base: panel.base,
    seconds,
    mailboxesPerUser: LOAD_MAILBOXES,
    password: MAILBOX_PASSWORD,
    users: cookies.map((cookie, i) => ({ cookie, accountId: stack.users[i]!.accountId, domain: `load${i}.test` })),
  });
  const [result, emulator] = await Promise.all([report, sampleEmulator(stack, report)]);
  const all = REQUEST_KINDS.flatMap((kind) => result.latencies[kind]);
  const non200 = Object.entries(result.statuses).reduce((sum, [status, count]) => sum + (status === "200" ? 0 : count), 0);
  const latency = summarize(all);
  // With the read cache on, the lists are mostly answered without cPanel; off, each asks list_pops_with_disk.
  const emulatorFor = (kind: RequestKind): Timing | null =>
    kind === "password change" ? emulator.password : panel.cacheSeconds === 0 ? emulator.list : null;
  return {
    panel: panel.name,
    users: cookies.length,
    seconds,
    requests: all.length,
    throughput: all.length / seconds,
    latency,
    kinds: REQUEST_KINDS.map((kind) => {
      const timing = summarize(result.latencies[kind]);
      const own = emulatorFor(kind);
      return { kind, latency: timing, emulator: own, panelP95: timing.p95 - (own?.p95 ?? 0) };
    }),
    emulator,
    panelP95: latency.p95 - emulator.password.p95,
    statuses: result.statuses,
    errors: result.transportErrors + result.timeouts + non200,
    cores: availableParallelism(),
    loadAverage: { before, after: loadavg()[0]! },
  };
}
