/**
 * `npm run demo`: the panel and the cPanel & WHM emulator, seeded with demo data, in one command.
 * Builds the panel if needed, starts the emulator, prepares the panel database, starts `next start`,
 * prints the URL and logins, and stops everything on Ctrl-C.
 *
 * Flags: --fresh  start from empty panel and emulator databases.
 *        --oidc   also start a local OpenID Connect "portal" (port OIDC_PROVIDER_PORT, 3090) and offer single sign-on through it.
 */
import { rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsStale, buildPanel } from "./demo/build";
import { startEmulatorAndProvision } from "./demo/emulator-and-panel-data";
import { startMailCatcher } from "./demo/mail-catcher";
import { demoSecrets } from "./demo/secrets";
import { DEMO_STAFF_TOTP_SECRET, demoUsers, EMULATOR_DEFAULT_WHM_TOKEN } from "./demo/demo-data";
import { startChild, stopAll, waitForHttp } from "./demo/processes";
import { startLocalPortal } from "./demo/local-portal";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const fresh = process.argv.includes("--fresh");
const localPortal = process.argv.includes("--oidc");
const port = Number(process.env.PORT ?? 3000);
const sqlitePath = process.env.MAILROOM_SQLITE_PATH ?? "./data/mailroom.db";
const emulatorDb = process.env.EMULATOR_DB ?? "./data/emulator.db";
const whmToken = process.env.EMULATOR_WHM_TOKEN ?? EMULATOR_DEFAULT_WHM_TOKEN;

process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

async function main() {
  process.chdir(root);
  if (fresh) {
    for (const file of [sqlitePath, `${sqlitePath}-wal`, `${sqlitePath}-shm`]) rmSync(file, { force: true });
    if (emulatorDb !== ":memory:") rmSync(emulatorDb, { force: true });
  }
  const secrets = demoSecrets(join(dirname(sqlitePath), "demo-secrets.json"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AUTH_SECRET: process.env.AUTH_SECRET ?? secrets.AUTH_SECRET,
    MAILROOM_ENCRYPTION_KEY: process.env.MAILROOM_ENCRYPTION_KEY ?? secrets.MAILROOM_ENCRYPTION_KEY,
    MAILROOM_SQLITE_PATH: sqlitePath,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    EMULATOR_DB: emulatorDb,
    EMULATOR_WHM_TOKEN: whmToken,
  };
  Object.assign(process.env, env);

  if (buildIsStale(root)) buildPanel(root, { ...env, NODE_ENV: "production" });

  // Mail goes to a local catcher unless a real SMTP server is given.
  let inboxUrl: string | undefined;
  if (!process.env.SMTP_URL) {
    const catcher = await startMailCatcher(root, {
      smtp: Number(process.env.MAILDEV_SMTP_PORT ?? 1025),
      web: Number(process.env.MAILDEV_WEB_PORT ?? 1080),
    });
    inboxUrl = catcher.inboxUrl;
    process.env.SMTP_URL = env.SMTP_URL = catcher.smtpUrl;
    process.env.MAIL_FROM = env.MAIL_FROM = process.env.MAIL_FROM ?? "Mailroom <mailroom@demo.example>";
  }

  const { whmUrl, cpanelUrl } = await startEmulatorAndProvision(root, env, whmToken);

  if (localPortal) Object.assign(env, await startLocalPortal(root, env, port, Number(process.env.OIDC_PROVIDER_PORT ?? 3090)));

  startChild(join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port)], { ...env, NODE_ENV: "production" }, "The panel");
  await waitForHttp(`http://127.0.0.1:${port}/login`, 60_000);

  console.log(`
Mailroom is running at http://localhost:${port}
cPanel & WHM emulator: WHM ${whmUrl}, cPanel ${cpanelUrl}
${inboxUrl ? `Mail the panel sends (mail catcher inbox): ${inboxUrl}` : `Mail goes out through ${env.SMTP_URL?.replace(/\/\/[^@/]*@/, "//…@")}`}

Demo logins:
${demoUsers.map((u) => `  ${u.email.padEnd(24)} ${u.password.padEnd(22)} ${u.role}`).join("\n")}
Support and admin also need a code: add the key ${DEMO_STAFF_TOTP_SECRET} to an authenticator app.
${localPortal ? `Single sign-on: "Sign in with ${env.OIDC_LABEL}" on the sign-in page leads to a local portal at ${env.OIDC_ISSUER}; type customer@example.com there.\n` : ""}
Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
});
