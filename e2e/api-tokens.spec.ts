import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { rememberSecret } from "./support/secrets";
import { customer, storageState } from "./support/users";

test.use({ storageState: storageState.customer });

test("a customer creates a token, sees it once, uses it, and revokes it", async ({ page, request }) => {
  await page.goto("/settings/api-tokens");
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();

  await page.getByLabel("Token name").fill("backup script");
  await page.getByRole("checkbox", { name: /Read/ }).check();
  await page.getByLabel("Your panel password").fill("not my password");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Your panel password is not correct" })).toBeVisible();
  await expect(page.getByLabel("Token name")).toHaveValue("backup script");

  await page.getByRole("checkbox", { name: /Read/ }).check();
  await page.getByLabel("Your panel password").fill(customer.password);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Token “backup script” created" })).toBeVisible();
  const secret = rememberSecret(
    (await page
      .getByText(/^New token:/)
      .locator("code")
      .textContent()) ?? "",
  );
  expect(secret).toMatch(/^mr_/);
  await expect(page.getByRole("table", { name: "Your API tokens" }).getByRole("cell", { name: "backup script", exact: true })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  const withToken = { headers: { authorization: `Bearer ${secret}` } };
  const accounts = await request.get("/api/v2/shared-hosting", withToken);
  expect(accounts.status()).toBe(200);
  expect(((await accounts.json()) as { data: unknown[] }).data).toHaveLength(2);

  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
  // The panel's own confirmation, never the browser's dialog.
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("button", { name: "Revoke backup script…" }).click();
  const confirm = page.getByRole("group", { name: "Revoke “backup script”?" });
  await expect(confirm).toContainText("Scripts using the token “backup script” are refused at once.");
  await confirm.getByRole("button", { name: "Revoke “backup script”" }).click();
  await expect(page.getByRole("table", { name: "Your API tokens" })).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect((await request.get("/api/v2/shared-hosting", withToken)).status()).toBe(401);
});
