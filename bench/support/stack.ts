import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildIsStale, buildPanel } from "../../scripts/demo/build";
import { waitForHttp } from "../../scripts/demo/processes";
import { startEmulatorProcess, type EmulatorProcess } from "../../tests/support/emulator";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const USER_PASSWORD = "Bench-user-2026-pass";
/** A mailbox password every bench write sets: passes the policy (and cPanel's strength) in one estimate. */
export const MAILBOX_PASSWORD = "Juniper-canyon-2026-kite";
export const BIG_MAILBOXES = 5000;
export const LOAD_MAILBOXES = 50;

/** `timingsFile`: where the panel notes each measured phase of a request (MAILROOM_TIMINGS_FILE, lib/timings.ts). */
export type Panel = { name: string; base: string; cacheSeconds: number; timingsFile: string; child: ChildProcess };

export type Stack = {
  emulator: EmulatorProcess;
  /** The panel with the read cache (default TTL) and one with it off: the same build, database and emulator. */
  cached: Panel;
  uncached: Panel;
  users: { email: string; accountId: string }[];
  big: { accountId: string; cpanelUser: string; token: string; sample: string };
  load: { cpanelUser: string; token: string }[];
  stop(): Promise<void>;
};

const token = (i: number) => `BENCH${String(i).padStart(27, "0")}`;

/**
 * The bench's own world: an emulator (free ports) with a 5,000-mailbox account and one small account per load
 * user, a fresh SQLite panel database provisioned for it, and two `next start` processes of the production
 * build (building it first when stale). Runs under the e2e lock (npm run bench takes it).
 */
export async function startStack(options: { users: number; ports: [number, number] }): Promise<Stack> {
  const dataDir = join(ROOT, "data", "bench");
  rmSync(dataDir, { recursive: true, force: true });
  const sqlitePath = join(dataDir, "mailroom.db");
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64"), MAILROOM_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  Object.assign(process.env, secrets, { MAILROOM_SQLITE_PATH: sqlitePath, LOG_LEVEL: "warn" });
  delete process.env.DATABASE_URL;
  delete process.env.REDIS_URL;

  if (buildIsStale(ROOT)) buildPanel(ROOT, { ...process.env, NODE_ENV: "production" });

  const emulator = await startEmulatorProcess({ readyTimeoutMs: 60_000 });
  const big = { cpanelUser: "bigcp", token: token(0), sample: "box2500@big.test" };
  await emulator.control.createAccount({
    user: big.cpanelUser,
    domain: "big.test",
    token: big.token,
    mailboxes: Array.from({ length: BIG_MAILBOXES }, (_, i) => ({
      email: `box${String(i).padStart(4, "0")}@big.test`,
      quotaMb: i % 7 === 0 ? null : 1024,
      diskUsedBytes: i * 4096,
    })),
  });
  const load = Array.from({ length: options.users }, (_, i) => ({ cpanelUser: `load${i}`, token: token(i + 1) }));
  for (const [i, account] of load.entries()) {
    await emulator.control.createAccount({
      user: account.cpanelUser,
      domain: `load${i}.test`,
      token: account.token,
      mailboxes: Array.from({ length: LOAD_MAILBOXES }, (_, m) => ({ email: `box${m}@load${i}.test`, quotaMb: 512, diskUsedBytes: m * 1000 })),
    });
  }

  // The panel database, provisioned by the panel's own repositories.
  const { createServer } = await import("../../lib/db/servers");
  const { upsertHostingAccount, assignAccountOwner } = await import("../../lib/db/hosting-accounts");
  const { createUser } = await import("../../lib/db/users");
  const { getDb, closeDb } = await import("../../lib/db/client");
  await getDb();
  const server = await createServer({ name: "bench", baseUrl: emulator.whmUrl, authMode: "whm", username: "root", token: emulator.whmToken });
  const users: Stack["users"] = [];
  let bigAccountId = "";
  for (const [i, account] of load.entries()) {
    const user = await createUser({ email: `bench${i}@bench.test`, name: `Bench ${i}`, role: "customer", password: USER_PASSWORD });
    const hosting = await upsertHostingAccount({
      serverId: server.id,
      cpanelUser: account.cpanelUser,
      primaryDomain: `load${i}.test`,
      contactEmail: null,
    });
    await assignAccountOwner(hosting.id, user.id);
    users.push({ email: user.email, accountId: hosting.id });
    if (i === 0) {
      const bigAccount = await upsertHostingAccount({
        serverId: server.id,
        cpanelUser: big.cpanelUser,
        primaryDomain: "big.test",
        contactEmail: null,
      });
      await assignAccountOwner(bigAccount.id, user.id);
      bigAccountId = bigAccount.id;
    }
  }
  await closeDb();

  const start = (name: string, port: number, cacheSeconds: number): Panel => {
    const timingsFile = join(dataDir, `timings-${port}.jsonl`);
    const child = spawn(join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXTAUTH_URL: `http://localhost:${port}`,
        CPANEL_READ_CACHE_SECONDS: String(cacheSeconds),
        MAILROOM_TIMINGS_FILE: timingsFile,
        // The load test changes passwords far more often than a person may.
        PASSWORD_ATTEMPTS_PER_USER: "1000000",
        PASSWORD_ATTEMPTS_PER_MAILBOX: "1000000",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    return { name, base: `http://localhost:${port}`, cacheSeconds, timingsFile, child };
  };
  const cached = start("cache on (15 s)", options.ports[0], 15);
  const uncached = start("cache off", options.ports[1], 0);
  await Promise.all([cached, uncached].map((p) => waitForHttp(`${p.base}/login`, 90_000)));

  return {
    emulator,
    cached,
    uncached,
    users,
    big: { ...big, accountId: bigAccountId },
    load,
    async stop() {
      await Promise.all(
        [cached, uncached].map(
          (p) =>
            new Promise<void>((done) => {
              if (p.child.exitCode !== null) return done();
              p.child.once("exit", () => done());
              p.child.kill("SIGTERM");
            }),
        ),
      );
      await emulator.stop();
    },
  };
}
