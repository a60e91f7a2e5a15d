import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { prettyFactory } from "pino-pretty";

const children = new Set<ChildProcess>();

/**
 * Reads a child's stdout line by line for as long as it runs. Every piped child must have a reader: once the pipe's
 * buffer (64 KB) is full, the child's next write blocks, and a panel blocked on its log answers nothing.
 */
export function readLines(child: ChildProcess, onLine: (line: string) => void): void {
  if (!child.stdout) throw new Error("The child's stdout is not a pipe");
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on("line", onLine);
}

/** Prints a child's output for a person: the panel's JSON log lines (pino) as one readable line each, anything else as it is. */
export function printLines(name: string, out: NodeJS.WritableStream = process.stdout): (line: string) => void {
  const pretty = prettyFactory({ colorize: false, singleLine: true, ignore: "pid,hostname,service", translateTime: "SYS:HH:MM:ss" });
  return (line) => {
    const text = line.startsWith("{") ? pretty(line).trimEnd() : line;
    out.write(`[${name}] ${text}\n`);
  };
}

/**
 * Starts a child that is stopped with the launcher; if it dies on its own, the launcher stops too. Its stdout is
 * always read: each line goes to `onLine` (printed with `label` by default).
 */
export function startChild(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  name: string,
  onLine: (line: string) => void = printLines(labelOf(name)),
): ChildProcess {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "inherit"] });
  readLines(child, onLine);
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}).`);
      stopAll(1);
    }
  });
  return child;
}

let stopping = false;

/** Stops every child and exits once they have (at most 10 s: a Next server on a busy machine needs more than 1.5 s). */
export function stopAll(exitCode = 0): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(exitCode), children.size ? 10_000 : 0).unref();
  if (children.size === 0) process.exit(exitCode);
  else void Promise.all([...children].map((c) => new Promise((r) => c.once("exit", r)))).then(() => process.exit(exitCode));
}

/** Stops one child: SIGTERM, then SIGKILL if it is still running after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 3_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** "The panel" → "panel": the prefix of a child's printed lines. */
function labelOf(name: string): string {
  return name.replace(/^the /i, "").toLowerCase();
}

export type EmulatorReady = { whmPort: number; cpanelPort: number; tls: boolean; caFile: string | null };

/**
 * A line reader for the emulator: `ready` resolves with its JSON ready line (docs/emulator.md); every other line
 * is printed. Pass `onLine` to startChild.
 */
export function emulatorReadyLine(): { onLine: (line: string) => void; ready: Promise<EmulatorReady> } {
  const print = printLines("emulator");
  let resolveReady!: (ready: EmulatorReady) => void;
  const ready = new Promise<EmulatorReady>((resolve) => (resolveReady = resolve));
  const onLine = (line: string) => {
    try {
      const message = JSON.parse(line) as { event?: string };
      if (message.event === "ready") return resolveReady(message as EmulatorReady);
    } catch {
      // not the ready line
    }
    print(line);
  };
  return { onLine, ready };
}

/** Polls a URL until it answers (any HTTP status), or fails after the timeout. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
