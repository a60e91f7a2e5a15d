import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createInterface } from "node:readline";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { LoginPage } from "./support/login-page";
import { CLUSTER_EMULATOR_CPANEL_PORT, CLUSTER_EMULATOR_WHM_PORT, CLUSTER_FIRST_PORT, DATA_DIR } from "./support/ports";
import { customer } from "./support/users";

/**
 * Two panel instances (`npm run demo:cluster`, from the build the e2e run made) on one PostgreSQL schema and one
 * Redis, with their own emulator: what one instance does, the other sees — sessions, rate limits, the audit log
 * and the cPanel read cache. Ports 3110/3111 and 12187/12183 (shard 0; see e2e/support/ports.ts), apart from the main e2e run.
 */
const FIRST_PORT = CLUSTER_FIRST_PORT;
const [A, B] = [`http://localhost:${FIRST_PORT}`, `http://localhost:${FIRST_PORT + 1}`];
const SCHEMA = `mailroom_cluster_e2e_${process.pid}`;
const PASSWORD_LIMIT = 3;

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] } });

let cluster: ChildProcess | undefined;

function startCluster(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true });
  const logFile = createWriteStream(`${DATA_DIR}/cluster.log`);
  cluster = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/demo-cluster.ts", "--fresh", "--port", String(FIRST_PORT)], {
    env: {
      ...process.env,
      DATABASE_URL: `${process.env.MAILROOM_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test"}?options=-c%20search_path%3D${SCHEMA}`,
      REDIS_URL: process.env.MAILROOM_TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      EMULATOR_DB: ":memory:",
      EMULATOR_WHM_PORT: String(CLUSTER_EMULATOR_WHM_PORT),
      EMULATOR_CPANEL_PORT: String(CLUSTER_EMULATOR_CPANEL_PORT),
      CPANEL_READ_CACHE_SECONDS: "60",
      PASSWORD_ATTEMPTS_PER_MAILBOX: String(PASSWORD_LIMIT),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: the teardown can then stop the whole tree (launcher, panels, emulator) even if the
    // launcher exits before its children, which would leave them on these ports for a retry or the next run.
    detached: true,
  });
  cluster.stderr!.pipe(logFile);
  return new Promise((resolve, reject) => {
    createInterface({ input: cluster!.stdout! }).on("line", (line) => {
      logFile.write(`${line}\n`);
      if (line.startsWith('{"event":"cluster-ready"')) resolve();
    });
    cluster!.once("exit", (code) => reject(new Error(`demo:cluster exited (${code}) before it was ready; see ${DATA_DIR}/cluster.log`)));
  });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await startCluster();
});

/** Stops the cluster as Ctrl-C would, gives it 10 s, then kills whatever of its process group is left. */
async function stopCluster(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // ESRCH: the whole group has exited already.
  }
}

test.afterAll(async () => {
  const child = cluster;
  if (!child) return;
  await stopCluster(child);
  // Drop the schema so runs don't pile up (the launcher only empties it with --fresh).
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: process.env.MAILROOM_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test" });
  await client.connect();
  await client.query(`drop schema if exists ${SCHEMA} cascade`);
  await client.end();
});

/** The account's id, from its link on the accounts page (read through `base`). */
async function accountId(page: Page, base: string, domain: string): Promise<string> {
  await page.goto(`${base}/accounts`);
  const href = await page.getByRole("link", { name: domain, exact: true }).getAttribute("href");
  return /\/accounts\/([^/]+)/.exec(href ?? "")![1]!;
}

async function addresses(request: APIRequestContext, base: string, id: string): Promise<string[]> {
  const response = await request.get(`${base}/api/v2/shared-hosting/${id}/email-accounts`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { emailAccounts: { email: string }[] }).emailAccounts.map((m) => m.email);
}

function changePassword(request: APIRequestContext, base: string, id: string, address: string, newPassword: string) {
  return request.put(`${base}/api/v2/shared-hosting/${id}/email-accounts/${encodeURIComponent(address)}/password`, { data: { newPassword } });
}

test("a session signed in on one instance works on the other; a write on one is read at once on the other", async ({ page }) => {
  await page.goto(`${A}/login`);
  await new LoginPage(page).signIn(customer.email, customer.password);
  await expect(page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();

  // Cookies are per host, not port: the same session cookie goes to B, which must accept what A signed.
  await page.goto(`${B}/accounts`);
  await expect(page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
  await expect(page.getByRole("link", { name: "example.com", exact: true })).toBeVisible();

  const id = await accountId(page, B, "example.com");
  // Both instances read (and cache, for 60 s) the list; A creates a mailbox; B lists it at once.
  expect(await addresses(page.request, A, id)).not.toContain("cluster-new@example.com");
  expect(await addresses(page.request, B, id)).not.toContain("cluster-new@example.com");
  const created = await page.request.post(`${A}/api/v2/shared-hosting/${id}/email-accounts`, {
    data: { email: "cluster-new@example.com", password: "Juniper-canyon-2026-kite" },
  });
  expect(created.status()).toBe(201);
  expect(await addresses(page.request, B, id)).toContain("cluster-new@example.com");
  await page.goto(`${B}/accounts/${id}/email?q=cluster-new`);
  await expect(page.getByRole("link", { name: "cluster-new@example.com", exact: true })).toBeVisible();
});

test("an audit event written through one instance is read through the other", async ({ page }) => {
  await page.goto(`${A}/login`);
  await new LoginPage(page).signIn(customer.email, customer.password);
  await expect(page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
  const id = await accountId(page, A, "example.com");

  expect((await changePassword(page.request, A, id, "cluster-new@example.com", "Lantern-orchid-2026-quay")).status()).toBe(200);
  await page.goto(`${B}/accounts/${id}/activity`);
  const row = page.getByRole("row").filter({ hasText: "Changed the mailbox password" }).filter({ hasText: "cluster-new@example.com" });
  await expect(row).toHaveCount(1);
});

test("rate limits are counted across instances", async ({ page }) => {
  await page.goto(`${B}/login`);
  await new LoginPage(page).signIn(customer.email, customer.password);
  await expect(page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
  const id = await accountId(page, B, "example.com");

  // One change was made in the test before (through A); the mailbox allows PASSWORD_LIMIT per window.
  expect((await changePassword(page.request, B, id, "cluster-new@example.com", "Walnut-harbor-2026-gale")).status()).toBe(200);
  expect((await changePassword(page.request, A, id, "cluster-new@example.com", "Copper-violet-2026-dune")).status()).toBe(200);
  const refused = await changePassword(page.request, B, id, "cluster-new@example.com", "Saffron-glacier-2026-wren");
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
});
