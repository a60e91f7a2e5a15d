import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

const children = new Set<ChildProcess>();

/** Starts a child that is stopped with the launcher; if it dies on its own, the launcher stops too. */
export function startChild(command: string, args: string[], env: NodeJS.ProcessEnv, name: string): ChildProcess {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "inherit"] });
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

/** Stops every child and exits. */
export function stopAll(exitCode = 0): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(exitCode), children.size ? 1500 : 0).unref();
  if (children.size === 0) process.exit(exitCode);
  else Promise.all([...children].map((c) => new Promise((r) => c.once("exit", r)))).then(() => process.exit(exitCode));
}

/** Resolves with the emulator's JSON ready line (docs/emulator.md); its other stdout is passed through. */
export function emulatorReady(child: ChildProcess): Promise<{ whmPort: number; cpanelPort: number; tls: boolean; caFile: string | null }> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error("The emulator has no stdout"));
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      try {
        const message = JSON.parse(line) as { event?: string };
        if (message.event === "ready") return resolve(message as never);
      } catch {
        // not the ready line
      }
      process.stdout.write(`[emulator] ${line}\n`);
    });
    child.once("exit", () => reject(new Error("The emulator exited before it was ready")));
  });
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
