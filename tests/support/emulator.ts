import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Agent, fetch as undiciFetch } from "undici";
import { stopChild } from "../../scripts/demo/processes";

/** Starts the cPanel & WHM emulator (docs/emulator.md) as a separate process for tests and benchmarks. */

export const EMULATOR_WHM_TOKEN = "MAILROOMDEVWHMROOTTOKEN000000000";

export type FaultSpec = {
  /** `Module::function`, a bare WHM function name, or `*`. */
  fn: string;
  kind: "delay" | "http" | "drop" | "malformed" | "status0";
  ms?: number;
  status?: number;
  message?: string;
  times?: number;
};

export type NewEmulatorAccount = {
  user: string;
  domain: string;
  extraDomains?: string[];
  contactEmail?: string;
  password?: string;
  token?: string;
  maxEmailQuotaMb?: number | null;
  plan?: string;
  mailboxes?: { email: string; password?: string; quotaMb?: number | null; diskUsedBytes?: number }[];
};

export type EmulatorControl = {
  reset(): Promise<void>;
  seedDemo(): Promise<void>;
  fault(fault: FaultSpec): Promise<void>;
  clearFaults(): Promise<void>;
  /** Every API request received per function (`Email::passwd_pop`, `listaccts`), faulted ones included. */
  requestCounts(): Promise<Record<string, number>>;
  clearRequestCounts(): Promise<void>;
  // The shape is the emulator's, not ours: tests read it loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  state(user: string): Promise<any>;
  createAccount(account: NewEmulatorAccount): Promise<void>;
  openSession(email: string): Promise<void>;
  /** Mails of client settings that UAPI Email::dispatch_client_settings "sent" for the account (recorded, never sent). */
  dispatchedSettings(user: string): Promise<Array<{ account: string; to: string; cc: string; sentAt: number }>>;
};

export type EmulatorProcess = {
  whmUrl: string;
  cpanelUrl: string;
  /** cert.pem with TLS, else null. */
  caFile: string | null;
  whmToken: string;
  control: EmulatorControl;
  stop(): Promise<void>;
};

export type StartOptions = {
  tls?: boolean;
  seed?: "demo";
  env?: Record<string, string>;
  readyTimeoutMs?: number;
};

const ROOT = join(import.meta.dirname, "..", "..");

/** Spawns `tsx emulator/main.ts` on free ports with an in-memory DB and the control interface; resolves on its ready line. */
export async function startEmulatorProcess(options: StartOptions = {}): Promise<EmulatorProcess> {
  const certDir = options.tls ? mkdtempSync(join(tmpdir(), "mailroom-emulator-tls-")) : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMULATOR_HOST: "127.0.0.1",
    EMULATOR_WHM_PORT: "0",
    EMULATOR_CPANEL_PORT: "0",
    EMULATOR_DB: ":memory:",
    EMULATOR_CONTROL: "1",
    EMULATOR_WHM_TOKEN,
    ...(certDir ? { EMULATOR_TLS: "1", EMULATOR_CERT_DIR: certDir } : {}),
    ...options.env,
  };
  if (!certDir) delete env.EMULATOR_TLS;
  const args = ["emulator/main.ts", ...(options.seed ? ["--seed", options.seed] : [])];
  const child = spawn(join(ROOT, "node_modules", ".bin", "tsx"), args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });

  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  type Ready = { event: string; whmPort: number; cpanelPort: number; tls: boolean; caFile: string | null };
  const ready = await new Promise<Ready>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`emulator did not print its ready line within ${options.readyTimeoutMs ?? 30_000} ms\n${stderr}`));
    }, options.readyTimeoutMs ?? 30_000);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited before it was ready (code ${code}, signal ${signal})\n${stderr}`));
    });
    lines.on("line", (line) => {
      try {
        const parsed = JSON.parse(line) as Ready;
        if (parsed.event === "ready") {
          clearTimeout(timer);
          resolve(parsed);
        }
      } catch {
        // The contract says stdout carries only the ready line; ignore anything else.
      }
    });
  });
  child.removeAllListeners("exit");

  const scheme = ready.tls ? "https" : "http";
  const whmUrl = `${scheme}://127.0.0.1:${ready.whmPort}`;
  const cpanelUrl = `${scheme}://127.0.0.1:${ready.cpanelPort}`;
  const dispatcher = new Agent({
    connect: ready.caFile ? { ca: await readFile(ready.caFile) } : {},
  });

  async function controlCall(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await undiciFetch(`${whmUrl}/__emulator${path}`, {
      method,
      dispatcher,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator control ${method} ${path}: HTTP ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }

  const control: EmulatorControl = {
    reset: async () => void (await controlCall("POST", "/reset")),
    seedDemo: async () => void (await controlCall("POST", "/seed", { preset: "demo" })),
    fault: async (fault) => void (await controlCall("POST", "/faults", fault)),
    clearFaults: async () => void (await controlCall("DELETE", "/faults")),
    requestCounts: async () => ((await controlCall("GET", "/requests")) as { counts: Record<string, number> }).counts,
    clearRequestCounts: async () => void (await controlCall("DELETE", "/requests")),
    state: (user) => controlCall("GET", `/state/${encodeURIComponent(user)}`),
    createAccount: async (account) => void (await controlCall("POST", "/accounts", account)),
    openSession: async (email) => void (await controlCall("POST", "/sessions", { email })),
    dispatchedSettings: async (user) =>
      (
        (await controlCall("GET", `/dispatched/${encodeURIComponent(user)}`)) as {
          messages: Awaited<ReturnType<EmulatorControl["dispatchedSettings"]>>;
        }
      ).messages,
  };

  return {
    whmUrl,
    cpanelUrl,
    caFile: ready.caFile,
    whmToken: env.EMULATOR_WHM_TOKEN ?? EMULATOR_WHM_TOKEN,
    control,
    async stop() {
      await dispatcher.close().catch(() => undefined);
      await stopChild(child);
      if (certDir) rmSync(certDir, { recursive: true, force: true });
    },
  };
}
