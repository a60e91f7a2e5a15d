import { expect, test, type Page } from "@playwright/test";
import { clearFaults, injectFault } from "./support/emulator";
import { rememberSecret } from "./support/secrets";
import { storageState } from "./support/users";
import { openMailboxes } from "./support/pages";

test.use({ storageState: storageState.customer });

/** The mailbox count, announced as the list updates. */
function listStatus(page: Page) {
  // The bulk bar announces the selection in a status of its own; this is the one that counts the mailboxes.
  return page.getByRole("region", { name: "Mailbox list" }).getByRole("status").filter({ hasNotText: "selected" });
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

test("each row shows the mailbox's forwarding and out of office, on a desktop and on a 320 px phone", async ({ page }) => {
  const address = "list-chips@example.com";
  await openMailboxes(page, "example.com");
  const origin = new URL(page.url()).origin;
  const mailboxApi = `${/^\/accounts\/[^/]+/.exec(new URL(page.url()).pathname)![0].replace("/accounts", "/api/v2/shared-hosting")}/email-accounts`;
  const created = await page.request.post(mailboxApi, {
    headers: { origin },
    data: { email: address, password: rememberSecret("Juniper-canyon-2026-chips-kite") },
  });
  expect(created.status()).toBe(201);
  const patch = (data: object) => page.request.patch(`${mailboxApi}/${encodeURIComponent(address)}`, { headers: { origin }, data });
  try {
    const set = await patch({
      forwards: ["chips-1@example.net", "chips-2@example.net"],
      autoresponder: { enabled: true, subject: "Away", body: "Back soon." },
    });
    expect(set.status()).toBe(200);

    const chips = page.getByRole("list", { name: `Summary of ${address}` });
    for (const viewport of [
      { width: 1366, height: 900 },
      { width: 320, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto(`${new URL(page.url()).pathname}?q=list-chips`);
      await expect(page.getByRole("link", { name: address, exact: true })).toBeVisible();
      await expect(chips.getByText("Forwards to 2", { exact: true })).toBeVisible();
      // The list of autoresponders has no dates (they would cost a call per row): the chip says only that it is on.
      await expect(chips.getByText("Out of office", { exact: true })).toBeVisible();
      await expect(chips.getByText("Active", { exact: true })).toBeVisible();
      const size = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(size.scroll, `the list is ${size.scroll}px wide in a ${size.client}px window`).toBeLessThanOrEqual(size.client);
    }

    // A mailbox without either says so on its row.
    await page.goto(`${new URL(page.url()).pathname}?q=jane%40`);
    const jane = page.getByRole("list", { name: "Summary of jane@example.com" });
    await expect(jane.getByText("No forwarding", { exact: true })).toBeVisible();
    await expect(jane.getByText(/Out of office/)).toHaveCount(0);
  } finally {
    // cPanel keeps a deleted mailbox's forwarders: remove them (and the reply) first.
    expect((await patch({ forwards: [], autoresponder: { enabled: false } })).status()).toBe(200);
    expect((await page.request.delete(`${mailboxApi}/${encodeURIComponent(address)}`, { headers: { origin } })).status()).toBe(200);
  }
});

test("when cPanel does not list forwarders or autoresponders, the list still shows, with those chips unknown", async ({ page }) => {
  await injectFault({ fn: "Email::list_forwarders", kind: "http", status: 500, times: 100 });
  await injectFault({ fn: "Email::list_auto_responders", kind: "status0", message: "Busy.", times: 100 });
  try {
    await openMailboxes(page, "example.com");
    const info = page.getByRole("list", { name: "Summary of info@example.com" });
    await expect(info.getByText("Forwarding unknown", { exact: true })).toBeVisible();
    await expect(info.getByText("Out of office unknown", { exact: true })).toBeVisible();
  } finally {
    await clearFaults();
  }
});
