// An admin connects servers on /admin/servers: a root token checks all green; a reseller token names its missing ACLs
// and still imports its accounts.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { EMULATOR_WHM_PORT } from "./support/ports";
import { rememberSecret } from "./support/secrets";
import { storageState } from "./support/users";

test.use({ storageState: storageState.admin });

const WHM_URL = `http://127.0.0.1:${EMULATOR_WHM_PORT}`;
// The emulator's documented development root token (scripts/demo/demo-data.ts, docs/emulator.md).
const ROOT_TOKEN = "MAILROOMDEVWHMROOTTOKEN000000000";
const REASON = "Ticket #7001: connecting a new server";

async function control(path: string, body: unknown) {
  const response = await fetch(`${WHM_URL}/__emulator${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.ok, `emulator control ${path}`).toBe(true);
}

async function addServer(page: Page, server: { name: string; username: string; token: string }) {
  const form = page.getByRole("region", { name: "Add a server" });
  await form.getByLabel("Name", { exact: true }).fill(server.name);
  await form.getByLabel("URL", { exact: true }).fill(WHM_URL);
  await form.getByLabel("WHM token (root or a reseller)").check();
  await form.getByLabel("User name", { exact: true }).fill(server.username);
  await form.getByLabel("API token", { exact: true }).fill(server.token);
  await form.getByLabel("Reason (for the audit log)").fill(REASON);
  await form.getByRole("button", { name: "Add server" }).click();
  await expect(form.getByRole("status")).toContainText(`Added ${server.name}. Its token is stored encrypted`);
  const row = page.getByRole("row").filter({ hasText: server.name });
  await expect(row).toContainText(`WHM token of ${server.username}`);
  return row;
}

test("an admin adds a root-token server and its check is all green", async ({ page }) => {
  const name = `e2e-root-${Date.now()}`;
  await page.goto("/admin/servers");
  await expect(page.getByRole("heading", { name: "Servers", level: 1 })).toBeVisible();
  const row = await addServer(page, { name, username: "root", token: ROOT_TOKEN });
  await expect(row).not.toContainText(ROOT_TOKEN);
  await expect(row.getByRole("cell", { name: "Never" })).toBeVisible();

  await row.getByRole("button", { name: `Check ${name}` }).click();
  await expect(row.getByRole("status").filter({ hasText: name })).toContainText(`${name}: every check passed.`);
  const report = page.getByRole("region", { name: new RegExp(`^Last check of ${name}: OK`) });
  const steps = report.getByRole("table", { name: `Check steps of ${name}` });
  for (const step of [
    "TLS and token",
    "WHM version",
    "Token privileges",
    "Accounts (listaccts)",
    "One account's mailboxes",
    "Required password strength",
  ]) {
    await expect(steps.getByRole("row", { name: new RegExp(`^${step.replace(/[()]/g, "\\$&")} OK`) })).toBeVisible();
  }
  await expect(report.getByRole("table", { name: `Features of ${name} and the ACL each needs` })).not.toContainText("Missing");
});

test("a reseller token: the check names the missing ACLs, and its accounts import", async ({ page }) => {
  const suffix = randomBytes(3).toString("hex");
  const reseller = `res${suffix}`;
  const token = rememberSecret(`E2ERESELLER${randomBytes(16).toString("hex").toUpperCase()}`.slice(0, 32));
  await control("/resellers", { user: reseller, token, acls: ["basic-whm-functions", "list-accts"] });
  await control("/accounts", {
    user: `acct${suffix}`,
    domain: `acct${suffix}.example`,
    owner: reseller,
    mailboxes: [{ email: `info@acct${suffix}.example` }],
  });

  const name = `e2e-reseller-${suffix}`;
  await page.goto("/admin/servers");
  const row = await addServer(page, { name, username: reseller, token });

  await row.getByRole("button", { name: `Check ${name}` }).click();
  const verdict = row.getByRole("status").filter({ hasText: name });
  await expect(verdict).toContainText(`${name}: 3 failed`);
  await expect(verdict).toContainText("missing: acct-summary, cpanel-api");
  const report = page.getByRole("region", { name: new RegExp(`^Last check of ${name}: Failed`) });
  await expect(report.getByRole("row", { name: /^Token privileges Failed/ })).toContainText("The token lacks the ACLs acct-summary");
  await expect(report.getByRole("row", { name: /^One account's mailboxes Failed/ })).toContainText("the token lacks cpanel-api");
  const features = report.getByRole("table", { name: `Features of ${name} and the ACL each needs` });
  await expect(features.getByRole("row", { name: /^Mailboxes: list, create, passwords, quotas cpanel-api Missing cpanel-api$/ })).toBeVisible();
  await expect(features.getByRole("row", { name: /^Account import \(listaccts\) list-accts OK$/ })).toBeVisible();

  await row.getByRole("button", { name: `Import accounts of ${name}…` }).click();
  const confirm = row.getByRole("group", { name: "Import accounts?" });
  await confirm.getByLabel("Reason (for the audit log)").fill(REASON);
  await confirm.getByRole("button", { name: "Import accounts" }).click();
  await expect(row.getByRole("status").filter({ hasText: "new account" })).toContainText(`${name}: 1 new account, 0 refreshed.`);
  await expect(page.getByRole("row").filter({ hasText: name }).getByRole("cell").nth(2)).toHaveText("1");
});

test.describe("as support", () => {
  test.use({ storageState: storageState.support });
  test("the servers page does not exist for support", async ({ page }) => {
    const response = await page.goto("/admin/servers");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
