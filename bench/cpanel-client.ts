/**
 * Benchmark: UAPI Email::list_pops_with_disk (50 mailboxes) through the cPanel client against the emulator,
 * with the pooled keep-alive client vs. a new connection per call, over HTTP and HTTPS.
 * Run: npm run bench:cpanel [-- --calls 300 --concurrency 1]; also part of `npm run bench` (bench/run.ts).
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { closeCpanelTransports, cpanelClient, type CpanelServerConnection } from "../lib/cpanel";
import { startEmulatorProcess, type EmulatorProcess } from "../tests/support/emulator";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const CALLS = arg("calls", 300);
const CONCURRENCY = arg("concurrency", 1);
const MAILBOXES = 50;
const USER = "benchcp";

export type CpanelClientRow = { transport: string; mode: string; calls: number; seconds: number; p50: number; p95: number; p99: number };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(label: string, mode: string, once: () => Promise<void>): Promise<CpanelClientRow> {
  for (let i = 0; i < 10; i++) await once(); // warm-up (JIT, first connection)
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CALLS) {
        next++;
        const t = performance.now();
        await once();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    transport: label,
    mode,
    calls: latencies.length,
    seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

async function benchOne(emulator: EmulatorProcess, label: string): Promise<CpanelClientRow[]> {
  await emulator.control.createAccount({
    user: USER,
    domain: "bench.test",
    token: "BENCHTOKEN0000000000000000000001",
    mailboxes: Array.from({ length: MAILBOXES }, (_, i) => ({
      email: `box${i}@bench.test`,
      quotaMb: i % 5 === 0 ? null : 250,
      diskUsedBytes: i * 1000,
    })),
  });
  const base: CpanelServerConnection = {
    serverId: `bench-${label}`,
    baseUrl: emulator.whmUrl,
    authMode: "whm",
    username: "root",
    token: emulator.whmToken,
    ...(emulator.caFile ? { caFile: emulator.caFile } : {}),
  };
  const check = async (count: number) => {
    if (count !== MAILBOXES) throw new Error(`expected ${MAILBOXES} mailboxes, got ${count}`);
  };

  const pooled = cpanelClient(base).account(USER);
  const pooledRow = await measure(label, "pooled keep-alive", async () => check((await pooled.listMailboxes()).length));

  // New connection per call: a client whose pool is created for the call and closed after it (same code path otherwise).
  let n = 0;
  const freshRow = await measure(label, "new connection per call", async () => {
    const fresh = cpanelClient({ ...base, serverId: `bench-${label}-fresh-${n++}` }).account(USER);
    await check((await fresh.listMailboxes()).length);
    await closeCpanelTransports();
  });
  await closeCpanelTransports();
  return [pooledRow, freshRow];
}

/** Both clients over HTTP and HTTPS, each against a fresh emulator process. */
export async function benchCpanelClient(): Promise<CpanelClientRow[]> {
  const rows: CpanelClientRow[] = [];
  for (const tls of [false, true]) {
    const emulator = await startEmulatorProcess({ tls });
    try {
      rows.push(...(await benchOne(emulator, tls ? "https" : "http")));
    } finally {
      await emulator.stop();
    }
  }
  return rows;
}

async function main() {
  const rows = await benchCpanelClient();
  const fmt = (v: number) => v.toFixed(2).padStart(8);
  console.log(`\nUAPI Email::list_pops_with_disk via WHM proxy, ${MAILBOXES} mailboxes, ${CALLS} calls, concurrency ${CONCURRENCY}\n`);
  console.log(
    `${"transport".padEnd(9)} ${"client".padEnd(24)} ${"calls/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)}`,
  );
  for (const r of rows) {
    console.log(`${r.transport.padEnd(9)} ${r.mode.padEnd(24)} ${fmt(r.calls / r.seconds)} ${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.p99)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
