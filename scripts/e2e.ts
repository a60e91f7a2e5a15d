/**
 * `npm run test:e2e`: the Playwright suite on several stacks side by side (E2E_SHARDS, default 2: one per core of the
 * CI machine). Each stack is a whole e2e run of its own — panel, emulator, mail catcher, OpenID provider on its own
 * ports and databases (e2e/support/ports.ts) — with its share of the spec files, planned from the seconds each file
 * took when last recorded (e2e/durations.json, scripts/e2e/plan.ts). Specs stay serial within a stack, as they
 * share its state (cPanel faults, rate limits, the audit log).
 *
 * A test that fails is run once more (E2E_RETRIES, default 1): two stacks on two cores make a slow moment likelier
 * than on a quiet machine. A test that then passes is named as flaky at the end, with the page as it stood when it
 * failed, so a race is seen and fixed rather than hidden; a test that fails twice fails the run.
 *
 * Flags: --record   write the seconds each file took to e2e/durations.json (the plan of later runs).
 *        x.spec.ts  run only these files (still spread over the stacks); anything else goes to every
 *                   `playwright test` (e.g. --grep "sign-in").
 * Exits non-zero when any stack fails.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { buildIsStale, buildPanel } from "./demo/build";
import { planShards, secondsPerFile } from "./e2e/plan";
import { firstLines, troubleIn, type Trouble } from "./e2e/report";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DURATIONS = "e2e/durations.json";
const REPORTS = "test-results/reports";

const running = new Set<ChildProcess>();
// Stopping the runner stops every stack (Playwright then stops its servers).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of running) child.kill(signal);
    process.exitCode = 130;
  });
}

type StackResult = {
  shard: number;
  files: string[];
  code: number;
  seconds: number;
  measured: Record<string, number>;
  trouble: Trouble[];
};

function shardCount(): number {
  const value = process.env.E2E_SHARDS ?? "2";
  if (!/^([1-9]|10)$/.test(value)) throw new Error(`E2E_SHARDS must be a whole number from 1 to 10, not "${value}"`);
  return Number(value);
}

function retries(): string {
  const value = process.env.E2E_RETRIES ?? "1";
  if (!/^[0-3]$/.test(value)) throw new Error(`E2E_RETRIES must be 0, 1, 2 or 3, not "${value}"`);
  return value;
}

function readDurations(): Record<string, number> {
  return existsSync(DURATIONS) ? (JSON.parse(readFileSync(DURATIONS, "utf8")) as Record<string, number>) : {};
}

/** Runs one stack's `playwright test` on its files, every line of its output prefixed with the stack's name. */
function runStack(shard: number, shards: number, files: string[], passThrough: string[]): Promise<StackResult> {
  const report = join(REPORTS, `shard-${shard}.json`);
  rmSync(report, { force: true });
  const started = Date.now();
  const child = spawn(join(root, "node_modules", ".bin", "playwright"), ["test", ...passThrough, ...files.map((file) => `e2e/${file}`)], {
    env: { ...process.env, E2E_SHARD: String(shard), E2E_REPORT: report, E2E_RETRIES: retries(), DEMO_NO_BUILD: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const label = `[e2e ${shard + 1}/${shards}]`;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => process.stdout.write(`${label} ${line}\n`));
  }
  running.add(child);
  return new Promise((done) => {
    child.on("close", (code) => {
      running.delete(child);
      const json = existsSync(report) ? JSON.parse(readFileSync(report, "utf8")) : {};
      done({
        shard,
        files,
        code: code ?? 1,
        seconds: Math.round((Date.now() - started) / 1000),
        measured: secondsPerFile(json),
        trouble: troubleIn(json),
      });
    });
  });
}

/** Each failed or flaky test with the page it saw when it gave up (CI keeps no trace files, only this output). */
function printTrouble(results: StackResult[]) {
  for (const result of results) {
    for (const trouble of result.trouble) {
      console.log(
        `\n${trouble.outcome === "flaky" ? "FLAKY (failed, then passed on its retry)" : "FAILED"} on stack ${result.shard + 1}: ${trouble.title}`,
      );
      if (trouble.pageSnapshot) console.log(`  The page when it gave up:\n${firstLines(trouble.pageSnapshot, 150).replace(/^/gm, "    ")}`);
    }
  }
}

async function main() {
  process.chdir(root);
  const args = process.argv.slice(2);
  const record = args.includes("--record");
  const chosen = args.filter((arg) => arg.endsWith(".spec.ts")).map((arg) => arg.replace(/^e2e\//, ""));
  const passThrough = args.filter((arg) => arg !== "--record" && !arg.endsWith(".spec.ts"));
  const files = chosen.length ? chosen : readdirSync("e2e").filter((name) => name.endsWith(".spec.ts"));

  // One build for every stack, before any starts (each stack's launcher would otherwise build at the same time).
  if (buildIsStale(root)) buildPanel(root, { ...process.env, NODE_ENV: "production" });
  mkdirSync(REPORTS, { recursive: true });

  const durations = readDurations();
  const plan = planShards(files, durations, Math.min(shardCount(), files.length)).filter((stack) => stack.length > 0);
  plan.forEach((stack, shard) => {
    const expected = stack.reduce((sum, file) => sum + (durations[file] ?? 0), 0);
    console.log(`[e2e ${shard + 1}/${plan.length}] ${stack.length} files, about ${Math.round(expected / 60)} min: ${stack.join(" ")}`);
  });

  const results = await Promise.all(plan.map((stack, shard) => runStack(shard, plan.length, stack, passThrough)));

  console.log("\ne2e stacks:");
  for (const result of results) {
    console.log(`  ${result.shard + 1}/${plan.length}: ${result.code === 0 ? "passed" : `FAILED (exit ${result.code})`} in ${result.seconds} s`);
  }
  printTrouble(results);
  const measured = Object.assign({}, ...results.map((result) => result.measured)) as Record<string, number>;
  console.log("Seconds per file (slowest first):");
  for (const [file, seconds] of Object.entries(measured).sort((a, b) => b[1] - a[1])) console.log(`  ${String(seconds).padStart(6)}  ${file}`);
  if (record) {
    const merged = Object.fromEntries(Object.entries({ ...durations, ...measured }).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(DURATIONS, `${JSON.stringify(merged, null, 2)}\n`);
    console.log(`Recorded in ${DURATIONS}.`);
  }
  process.exitCode = results.every((result) => result.code === 0) ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
