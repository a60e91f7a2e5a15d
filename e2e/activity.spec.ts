import { expect, test } from "@playwright/test";
import { storageState } from "./support/users";
import { expectNoViolations, openMailboxes, openMailboxTask } from "./support/pages";

// returns@shop.example (512 MB in the demo): its quota is put back at the end.
const ADDRESS = "returns@shop.example";

test.use({ storageState: storageState.customer });

test("a quota change reads as “Quota … → … MB” on the Activity page and in the audit log, found by the action's name", async ({
  browser,
  baseURL,
  page,
}) => {
  test.slow(); // the mailbox, Activity, the audit log as support, and the mailbox again
  await openMailboxTask(page, ADDRESS, "Options");
  const quota = page.getByLabel("Quota (MB)");
  const before = await quota.inputValue();
  await quota.fill("777");
  await page.getByRole("button", { name: "Save options" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Options saved for ${ADDRESS}: quota 777 MB` })).toBeVisible();

  await openMailboxes(page, "shop.example");
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("heading", { name: "Activity on shop.example", level: 1 })).toBeVisible();
  const row = page
    .getByRole("row")
    .filter({ hasText: ADDRESS })
    .filter({ hasText: /Quota [\d,]+ → 777 MB\./ })
    .first();
  await expect(row).toContainText("Changed mailbox settings");
  await expect(row).toContainText("You");
  await expectNoViolations(page);

  const context = await browser.newContext({ baseURL, storageState: storageState.support });
  const support = await context.newPage();
  await support.goto("/support/audit");
  await support.getByLabel("Action").selectOption({ label: "Changed mailbox settings" });
  await support.getByRole("button", { name: "Filter" }).click();
  await expect(support).toHaveURL(/action=mailbox\.settings\.update/);
  const logged = support.getByRole("table", { name: "Audit events" }).getByRole("row").filter({ hasText: ADDRESS }).first();
  await expect(logged).toContainText(/Quota [\d,]+ → 777 MB\./);
  await expect(support.getByLabel("Action")).toHaveValue("mailbox.settings.update");
  await expectNoViolations(support);
  await context.close();

  await openMailboxTask(page, ADDRESS, "Options");
  await page.getByLabel("Quota (MB)").fill(before || "512");
  await page.getByRole("button", { name: "Save options" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Options saved for ${ADDRESS}` })).toBeVisible();
});
