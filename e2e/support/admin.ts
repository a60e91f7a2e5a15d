import { expect, type Browser } from "@playwright/test";
import { rememberSecret } from "./secrets";
import { storageState } from "./users";

/** A new panel login made by the demo admin at /admin/users, as a new hire would get it. */
export async function createUserAsAdmin(browser: Browser, role: "customer" | "support" | "admin", reason: string) {
  const email = `${role}-${Date.now()}@example.com`;
  const password = rememberSecret(`Walnut-harbor-${Date.now()}`);
  const context = await browser.newContext({ storageState: storageState.admin });
  const admin = await context.newPage();
  await admin.goto("/admin/users");
  await admin.getByLabel("Email", { exact: true }).fill(email);
  await admin.getByLabel("Role", { exact: true }).selectOption(role);
  await admin.getByLabel("Initial password").fill(password);
  await admin.getByLabel("Reason (for the audit log)").fill(reason);
  await admin.getByRole("button", { name: "Add user" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Created ${email}` })).toBeVisible();
  await context.close();
  return { email, password };
}
