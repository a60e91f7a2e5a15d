import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { generateSync } from "otplib";
import { buildIsStale, buildPanel } from "../../scripts/demo/build";
import { stopChild, waitForHttp } from "../../scripts/demo/processes";
import { signIn } from "./http";
import { ROOT } from "./stack";

/** `--fleet SxAxM`: servers × accounts per server × mailboxes per account. */
export type FleetSize = { servers: number; accounts: number; mailboxes: number };

export const DEFAULT_FLEET: FleetSize = { servers: 50, accounts: 200, mailboxes: 10 };
const WHM_TOKEN = "MAILROOMDEVWHMROOTTOKEN000000000";
const STAFF_PASSWORD = "Bench-fleet-staff-2026";
const TOTP_SECRET = "MAILROOMBENCHFLEETTOTPSECRET2345";

/** The size after `--fleet` (`50x200x10`), or the default when the next argument is not one. */
export function parseFleetSize(arg: string | undefined): FleetSize {
  const m = /^(\d+)x(\d+)x(\d+)$/.exec(arg ?? "");
  if (!m) return DEFAULT_FLEET;
  const [servers, accounts, mailboxes] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (servers < 5 || accounts < 1 || mailboxes < 1)
    throw new Error("--fleet needs at least 5 servers (5 are made slow or down), 1 account and 1 mailbox");
  return { servers, accounts, mailboxes };
}

/** Server `i`'s name in the panel (the emulator's own label: srv01…). */
export const serverName = (i: number) => `srv${String(i + 1).padStart(2, "0")}`;

export type FleetEmulator = {
  servers: { whmUrl: string }[];
  /** Start and seeding time as the emulator measured it, and until its ready line as the bench saw it. */
  startMs: number;
  readyMs: number;
  health(index: number, health: { state: "up" } | { state: "slow"; ms: number } | { state: "down" }): Promise<void>;
  /** One account's state (docs/emulator.md, GET /__emulator/state). */
  state(index: number, user: string): Promise<{ mailboxes: { email: string; suspendedLogin: boolean }[] }>;
  child: ChildProcess;
};

export type FleetStack = {
  size: FleetSize;
  emulator: FleetEmulator;
  panel: { base: string; child: ChildProcess };
  sqlitePath: string;
  /** The admin who registers servers and starts bulk actions (a WriteContext actor). */
  admin: { id: string; email: string; name: string | null; role: "admin" };
  /** A signed-in staff session (Cookie header value) for the support pages. */
  cookie: string;
  serverIds: string[];
  stop(): Promise<void>;
};

async function startFleetEmulator(size: FleetSize): Promise<FleetEmulator> {
  const started = performance.now();
  const child = spawn(
    join(ROOT, "node_modules", ".bin", "tsx"),
    ["emulator/main.ts", "--seed", `fleet:${size.servers}x${size.accounts}x${size.mailboxes}`],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        EMULATOR_HOST: "127.0.0.1",
        EMULATOR_WHM_PORT: "0",
        EMULATOR_CPANEL_PORT: "0",
        EMULATOR_DB: ":memory:",
        EMULATOR_CONTROL: "1",
        EMULATOR_WHM_TOKEN: WHM_TOKEN,
        EMULATOR_TLS: "",
        EMULATOR_SERVERS: String(size.servers),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  type Ready = { servers: { whmPort: number }[]; startMs: number };
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the fleet emulator did not print its ready line within 120 s")), 120_000);
    child.once("exit", (code) => reject(new Error(`the fleet emulator exited (code ${code})`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      try {
        const parsed = JSON.parse(line) as Ready & { event: string };
        if (parsed.event === "ready") {
          clearTimeout(timer);
          resolve(parsed);
        }
      } catch {
        // only the ready line is JSON
      }
    });
  });
  child.removeAllListeners("exit");
  const servers = ready.servers.map((s) => ({ whmUrl: `http://127.0.0.1:${s.whmPort}` }));
  const control = async (index: number, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${servers[index]!.whmUrl}/__emulator${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`emulator control ${method} ${path} on ${serverName(index)}: HTTP ${res.status}`);
    return res.json() as Promise<unknown>;
  };
  return {
    servers,
    startMs: ready.startMs,
    readyMs: performance.now() - started,
    health: async (index, health) => void (await control(index, "POST", "/health", health)),
    state: async (index, user) => (await control(index, "GET", `/state/${user}`)) as Awaited<ReturnType<FleetEmulator["state"]>>,
    child,
  };
}

/**
 * The fleet bench's world: the emulator serving `size` (one process, one port pair per server), a fresh SQLite panel
 * database in data/bench-fleet with every server registered through the domain function (lib/mail/servers addServer,
 * audited like the admin page), an admin and a staff login, and one `next start` of the production build on `port`.
 */
export async function startFleetStack(size: FleetSize, port: number): Promise<FleetStack> {
  const dataDir = join(ROOT, "data", "bench-fleet");
  rmSync(dataDir, { recursive: true, force: true });
  const sqlitePath = join(dataDir, "mailroom.db");
  Object.assign(process.env, {
    AUTH_SECRET: randomBytes(32).toString("base64"),
    MAILROOM_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    MAILROOM_SQLITE_PATH: sqlitePath,
    LOG_LEVEL: "warn",
  });
  delete process.env.DATABASE_URL;
  delete process.env.REDIS_URL;
  if (buildIsStale(ROOT)) buildPanel(ROOT, { ...process.env, NODE_ENV: "production" });

  const emulator = await startFleetEmulator(size);
  const { getDb } = await import("../../lib/db/client");
  const { createUser } = await import("../../lib/db/users");
  const { enableTotp } = await import("../../lib/db/two-factor");
  const { addServer } = await import("../../lib/mail/servers");
  const { writeContext } = await import("../../lib/core/write-context");
  await getDb();
  const adminUser = await createUser({ email: "fleet-admin@bench.test", name: "Fleet admin", role: "admin", password: STAFF_PASSWORD });
  await enableTotp(adminUser.id, TOTP_SECRET, 0, []);
  const admin = { id: adminUser.id, email: adminUser.email, name: adminUser.name, role: "admin" as const };
  const context = writeContext(admin, "cli", "Fleet bench: registering the emulated servers");
  const serverIds: string[] = [];
  for (const [i, server] of emulator.servers.entries()) {
    const added = await addServer(context, { name: serverName(i), baseUrl: server.whmUrl, authMode: "whm", username: "root", token: WHM_TOKEN });
    serverIds.push(added.id);
  }

  const child = spawn(join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXTAUTH_URL: `http://localhost:${port}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://localhost:${port}`;
  await waitForHttp(`${base}/login`, 90_000);
  const cookie = await signIn(base, admin.email, STAFF_PASSWORD, generateSync({ secret: TOTP_SECRET }));

  return {
    size,
    emulator,
    panel: { base, child },
    sqlitePath,
    admin,
    cookie,
    serverIds,
    async stop() {
      await stopChild(child, 5_000);
      await stopChild(emulator.child, 5_000);
    },
  };
}

/** Resident memory (bytes) of a process and every process under it (Linux /proc), e.g. `next start` and its workers. */
export function processTreeRss(pid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may hold spaces) in parentheses: state, ppid, …
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  let bytes = 0;
  for (const p of tree) {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1];
      bytes += Number(kb ?? 0) * 1024;
    } catch {
      // ended meanwhile
    }
  }
  return bytes;
}
