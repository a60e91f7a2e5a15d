/**
 * `npm run demo:cluster`: several panel instances (default 2) on consecutive ports, sharing one PostgreSQL
 * database and one Redis, in front of one cPanel & WHM emulator seeded with the demo data. No load balancer:
 * open either port; a session, a rate limit, the audit log and the cPanel read cache are shared.
 *
 * Flags: --fresh (empty schema and emulator), --instances N, --port P (first instance; the others follow).
 * Env: DATABASE_URL (default: the test server, schema `mailroom_cluster`), REDIS_URL (default 127.0.0.1:6379),
 *      EMULATOR_WHM_PORT / EMULATOR_CPANEL_PORT / EMULATOR_DB as for the emulator.
 * Once every instance answers it prints one JSON line: {"event":"cluster-ready","urls":[…]}.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsStale, buildPanel } from "./demo/build";
import { startEmulatorAndProvision } from "./demo/emulator-and-panel-data";
import { demoSecrets } from "./demo/secrets";
import { DEMO_STAFF_TOTP_SECRET, demoUsers, EMULATOR_DEFAULT_WHM_TOKEN } from "./demo/demo-data";
import { startChild, stopAll, waitForHttp } from "./demo/processes";
import { prepareClusterDatabase } from "./cluster/database";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

const fresh = process.argv.includes("--fresh");
const instances = flag("instances", 2);
const firstPort = flag("port", Number(process.env.PORT ?? 3000));
const databaseUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test?options=-c%20search_path%3Dmailroom_cluster";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const emulatorDb = process.env.EMULATOR_DB ?? "./data/cluster/emulator.db";
const whmToken = process.env.EMULATOR_WHM_TOKEN ?? EMULATOR_DEFAULT_WHM_TOKEN;

process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

async function main() {
  process.chdir(root);
  const secrets = demoSecrets(join(root, "data", "cluster", "demo-secrets.json"));
  const ports = Array.from({ length: instances }, (_, i) => firstPort + i);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The same secrets on every instance: sessions signed by one are accepted by the others.
    AUTH_SECRET: process.env.AUTH_SECRET ?? secrets.AUTH_SECRET,
    MAILROOM_ENCRYPTION_KEY: process.env.MAILROOM_ENCRYPTION_KEY ?? secrets.MAILROOM_ENCRYPTION_KEY,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    EMULATOR_DB: emulatorDb,
    EMULATOR_WHM_TOKEN: whmToken,
  };
  Object.assign(process.env, env);

  await prepareClusterDatabase(databaseUrl, { fresh });
  if (fresh && emulatorDb !== ":memory:") (await import("node:fs")).rmSync(emulatorDb, { force: true });
  (await import("node:fs")).mkdirSync(join(root, "data", "cluster"), { recursive: true });

  // One build serves every instance, so server actions (encrypted per build) work across them.
  if (buildIsStale(root)) buildPanel(root, { ...env, NODE_ENV: "production" });

  const { whmUrl, cpanelUrl } = await startEmulatorAndProvision(root, env, whmToken);

  for (const port of ports) {
    startChild(
      join(root, "node_modules", ".bin", "next"),
      ["start", "-p", String(port)],
      { ...env, NODE_ENV: "production", NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` },
      `Panel instance :${port}`,
    );
  }
  await Promise.all(ports.map((port) => waitForHttp(`http://127.0.0.1:${port}/login`, 90_000)));
  const urls = ports.map((port) => `http://localhost:${port}`);

  console.log(`
Mailroom runs as ${instances} instances: ${urls.join(", ")}
They share PostgreSQL (${databaseUrl.replace(/\/\/[^@/]*@/, "//…@")}) and Redis (${redisUrl}).
cPanel & WHM emulator: WHM ${whmUrl}, cPanel ${cpanelUrl}

Demo logins:
${demoUsers.map((u) => `  ${u.email.padEnd(24)} ${u.password.padEnd(22)} ${u.role}`).join("\n")}
Support and admin also need a code: add the key ${DEMO_STAFF_TOTP_SECRET} to an authenticator app.

Press Ctrl-C to stop.`);
  console.log(JSON.stringify({ event: "cluster-ready", urls }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
});
