import { expect, test, type Page } from "@playwright/test";
import { clearFaults, injectFault } from "./support/emulator";
import { storageState } from "./support/users";

test.use({ storageState: storageState.customer });

async function openMailboxes(page: Page, domain: string) {
  await page.goto("/accounts");
  await page.getByRole("link", { name: domain, exact: true }).click();
  await expect(page.getByRole("heading", { name: `Mailboxes of ${domain}` })).toBeVisible();
}

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
  for (const section of ["Overview", "Password", "Forwarding", "Options"]) {
    await expect(page.getByRole("heading", { name: section, level: 2 })).toBeVisible();
  }
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
