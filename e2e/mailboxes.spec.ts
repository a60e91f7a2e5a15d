import { expect, test, type Page } from "@playwright/test";
import { clearFaults, injectFault } from "./support/emulator";
import { rememberSecret } from "./support/secrets";
import { storageState } from "./support/users";
import { openMailboxes } from "./support/pages";

test.use({ storageState: storageState.customer });

/** The mailbox count, announced as the list updates. */
function listStatus(page: Page) {
  return page.getByRole("region", { name: "Mailbox list" }).getByRole("status");
}

function row(page: Page, address: string) {
  return page.getByRole("row").filter({ has: page.getByRole("link", { name: address, exact: true }) });
}

test("the mailbox list shows the seeded mailboxes with usage, quota and restrictions", async ({ page }) => {
  await openMailboxes(page, "example.com");
  await expect(listStatus(page)).toHaveText(/^\d+ mailboxes\.$/);
  await expect(row(page, "info@example.com")).toContainText(/MB of .*\(\d+%\)|unlimited/);
  const table = page.getByRole("table", { name: "Mailboxes" });
  await expect(table.getByText("unlimited").first()).toBeVisible();
  await expect(table.getByText(/of .* \(\d+%\)/).first()).toBeVisible();
  for (const badge of ["Login suspended", "Incoming suspended", "Outgoing suspended", "Outgoing held"]) {
    await expect(table.getByText(badge, { exact: true }).first()).toBeVisible();
  }
});

test("searching by address narrows the list on the server", async ({ page }) => {
  await openMailboxes(page, "example.com");
  await page.getByRole("searchbox", { name: "Search by address" }).fill("info@");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=info%40/);
  await expect(listStatus(page)).toHaveText(/match “info@”/);
  await expect(row(page, "info@example.com")).toBeVisible();
  const links = page.getByRole("table", { name: "Mailboxes" }).getByRole("link");
  for (const text of await links.allTextContents()) expect(text).toContain("info@");
});

test("the mailbox page shows the mailbox", async ({ page }) => {
  await openMailboxes(page, "example.com");
  await page.getByRole("link", { name: "info@example.com", exact: true }).click();
  await expect(page.getByRole("heading", { name: "info@example.com", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Overview", level: 2 })).toBeVisible();
  await expect(page.getByRole("list", { name: "Summary of info@example.com" })).toBeVisible();
  const tasks = page.getByRole("navigation", { name: "Mailbox tasks" });
  for (const task of ["Overview", "Change password", "Forwarding", "Out of office", "Options", "Set up devices", "Secure"]) {
    await expect(tasks.getByRole("link", { name: task, exact: true })).toBeVisible();
  }
  await expect(tasks.getByRole("link", { name: "Overview", exact: true })).toHaveAttribute("aria-current", "page");
});

test.describe("when cPanel fails", () => {
  test.afterEach(async () => clearFaults());

  test("an upstream error is an error panel, not an empty list", async ({ page }) => {
    await injectFault({ fn: "Email::list_pops_with_disk", kind: "http", status: 500 });
    await openMailboxes(page, "example.com");
    const alert = page.getByRole("alert").filter({ hasText: "The mailboxes could not be loaded" });
    await expect(alert).toContainText("cannot be reached");
    await expect(page.getByRole("table", { name: "Mailboxes" })).toHaveCount(0);
  });

  test("cPanel's own refusal is shown with its reason", async ({ page }) => {
    await injectFault({ fn: "Email::list_pops_with_disk", kind: "status0", message: "The mail service is under maintenance." });
    await openMailboxes(page, "example.com");
    await expect(page.getByRole("alert").filter({ hasText: "The mailboxes could not be loaded" })).toContainText(
      "The mail service is under maintenance.",
    );
  });
});

for (const viewport of [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test.describe(`creating a mailbox on a ${viewport.name}`, () => {
    test.use({ viewport });

    test("a generated password is handed over in the success banner, with Copy, until dismissed", async ({ page, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      await openMailboxes(page, "example.com");
      const address = `handoff-${viewport.name}`;
      await page.getByLabel("Address", { exact: true }).fill(address);
      await page.getByRole("button", { name: "Generate password" }).click();
      const generated = rememberSecret(
        (await page
          .getByText(/^Generated password:/)
          .locator("code")
          .textContent()) ?? "",
      );
      expect(generated.length).toBeGreaterThanOrEqual(20);
      await page.getByRole("button", { name: "Create mailbox" }).click();

      const banner = page.getByRole("status").filter({ hasText: `Created ${address}@example.com.` });
      await expect(banner).toBeVisible();
      await expect(banner).toBeFocused();
      await expect(banner.getByText(generated)).toBeVisible();
      await expect(page.getByLabel("Address", { exact: true })).toHaveValue("");
      await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
      await banner.getByRole("button", { name: "Copy password" }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(generated);
      await expect(banner.getByRole("link", { name: `Open ${address}@example.com` })).toBeVisible();
      await banner.getByRole("button", { name: "Dismiss" }).click();
      await expect(page.getByText(generated)).toHaveCount(0);
    });
  });
}
