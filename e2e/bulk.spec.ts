import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { EMULATOR_CPANEL_PORT, EMULATOR_WHM_PORT } from "./support/ports";
import { expectNoViolations, openMailboxes } from "./support/pages";
import { storageState } from "./support/users";

// Bulk actions on 200 mailboxes of othernet (example.net), made here behind the panel's back as cPanel itself would
// (UAPI Email::add_pop with the account's demo token). Their names sort last, so the other specs' first page is unchanged.
const control = `http://127.0.0.1:${EMULATOR_WHM_PORT}/__emulator`;
const COUNT = 200;
const BULK = Array.from({ length: COUNT }, (_, i) => `zz-bulk-${String(i + 1).padStart(3, "0")}@example.net`);

type EmuMailbox = { email: string; quotaMb: number | null; holdOutgoing: boolean };
async function emuMailboxes(): Promise<EmuMailbox[]> {
  const state = (await (await fetch(`${control}/state/othernet`)).json()) as { mailboxes: EmuMailbox[] };
  return state.mailboxes.filter((m) => m.email.startsWith("zz-bulk-"));
}

async function requestCount(fn: string): Promise<number> {
  return ((await (await fetch(`${control}/requests`)).json()) as { counts: Record<string, number> }).counts[fn] ?? 0;
}

test.beforeAll(async () => {
  const existing = new Set((await emuMailboxes()).map((m) => m.email));
  const missing = BULK.filter((email) => !existing.has(email));
  for (let i = 0; i < missing.length; i += 20) {
    await Promise.all(
      missing.slice(i, i + 20).map(async (email) => {
        const body = new URLSearchParams({ email, password: "Harbor-quince-2026-lark", quota: "100" });
        const response = await fetch(`http://127.0.0.1:${EMULATOR_CPANEL_PORT}/execute/Email/add_pop`, {
          method: "POST",
          headers: { authorization: "cpanel othernet:OTHERNETDEMOTOKEN000000000000000" },
          body,
        });
        expect(((await response.json()) as { status: number }).status, email).toBe(1);
      }),
    );
  }
  expect(await emuMailboxes()).toHaveLength(COUNT);
});

/** The account's list searched for the bulk mailboxes, as a person types it. */
async function openBulkList(page: Page) {
  await openMailboxes(page, "example.net");
  await page.getByLabel("Search by address").fill("zz-bulk");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `${COUNT} mailboxes match “zz-bulk”.` })).toBeVisible();
}

/** The cells of one column of a table, in order. */
async function column(page: Page, table: string, index: number): Promise<string[]> {
  return page
    .getByRole("table", { name: table })
    .locator("tbody tr")
    .evaluateAll((rows, i) => rows.map((row) => (row.children[i] as HTMLElement).innerText.trim()), index);
}

for (const viewport of [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test.describe(`on a ${viewport.name}`, () => {
    test.use({ viewport, storageState: storageState.other });

    test(`a quota change over ${COUNT} mailboxes: the dry run lists exactly the calls the job then makes, once each`, async ({ page }) => {
      test.setTimeout(120_000);
      const quota = viewport.name === "desktop" ? 321 : 654;
      await openBulkList(page);

      // Select this page by keyboard, then every mailbox that matches (four pages of 50).
      const selectAll = page.getByRole("checkbox", { name: "Select all on this page" });
      await selectAll.focus();
      await page.keyboard.press("Space");
      await expect(page.getByRole("checkbox", { name: "Select zz-bulk-001@example.net" })).toBeChecked();
      await expect(page.getByRole("status").filter({ hasText: "50 mailboxes selected." })).toBeVisible();
      await page.getByRole("button", { name: `Select all ${COUNT} mailboxes that match` }).click();
      await expect(page.getByRole("status").filter({ hasText: `${COUNT} mailboxes selected.` })).toBeVisible();

      const bar = page.getByRole("region", { name: "Bulk action" });
      await bar.getByLabel("Action", { exact: true }).selectOption({ label: "Set quota" });
      await bar.getByLabel("Quota (MB)").fill(String(quota));
      await page.getByRole("button", { name: "Preview", exact: true }).click();
      await expect(page.getByRole("heading", { name: `Dry run: ${COUNT} of ${COUNT} mailboxes would change, 0 skipped` })).toBeFocused();
      const plannedMailboxes = await column(page, "Dry run for example.net", 0);
      const plannedCalls = await column(page, "Dry run for example.net", 1);
      expect(plannedMailboxes).toEqual(BULK);
      expect(plannedCalls).toEqual(BULK.map((email) => `UAPI Email::edit_pop_quota email=${email} quota=${quota}`));
      // The dry run changed nothing.
      expect((await emuMailboxes()).some((m) => m.quotaMb === quota)).toBe(false);
      if (viewport.name === "desktop") await expectNoViolations(page);

      const before = await requestCount("Email::edit_pop_quota");
      await page.getByRole("button", { name: `Run on ${COUNT} mailboxes` }).click();
      await expect(page.getByRole("heading", { name: `Set quota to ${quota} MB: ${COUNT} mailboxes of example.net`, level: 1 })).toBeVisible();
      // The page refreshes itself while the job runs.
      await expect(page.getByRole("status").filter({ hasText: `Finished: ${COUNT} of ${COUNT} mailboxes done.` })).toBeVisible({ timeout: 60_000 });
      await expect(page.getByRole("button", { name: "Cancel this bulk action" })).toHaveCount(0);

      // What happened is what the dry run said: one call per mailbox, no more, each shown as done.
      expect(await column(page, "Result per mailbox", 0)).toEqual(plannedMailboxes);
      expect(await column(page, "Result per mailbox", 2)).toEqual(plannedCalls);
      expect(new Set(await column(page, "Result per mailbox", 1))).toEqual(new Set(["Done"]));
      expect((await requestCount("Email::edit_pop_quota")) - before).toBe(COUNT);
      expect((await emuMailboxes()).every((m) => m.quotaMb === quota)).toBe(true);
      if (viewport.name === "desktop") await expectNoViolations(page);

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the results (CSV)" }).click()]);
      const lines = (await readFile((await download.path())!, "utf8")).trim().split("\r\n");
      expect(lines[0]).toBe("mailbox,outcome,call,skipped,error");
      expect(lines.slice(1)).toEqual(BULK.map((email) => `${email},success,UAPI Email::edit_pop_quota email=${email} quota=${quota},,`));
    });
  });
}

test.describe("support", () => {
  test.use({ storageState: storageState.support });

  test("ticks a mailbox in the search results, gives the reason the dry run asks for, and runs it", async ({ page }) => {
    // Asked live: the mailbox was made behind the panel's back, after the mailbox index was last refreshed.
    await page.goto(`/support?${new URLSearchParams({ q: "zz-bulk-007@example.net", live: "1" }).toString()}`);
    await page.getByRole("checkbox", { name: "Select zz-bulk-007@example.net" }).check();
    await page.getByLabel("Action", { exact: true }).selectOption({ label: "Hold outgoing mail" });
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(page.getByLabel("Reason (for the audit log)")).toBeFocused();
    await page.getByLabel("Reason (for the audit log)").fill("Ticket #8080: outgoing spam from a bulk mailbox");
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Dry run: 1 of 1 mailbox would change, 0 skipped" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "UAPI Email::hold_outgoing email=zz-bulk-007@example.net" })).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole("button", { name: "Run on 1 mailbox" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Finished: 1 of 1 mailboxes done." })).toBeVisible({ timeout: 30_000 });
    expect((await emuMailboxes()).find((m) => m.email === "zz-bulk-007@example.net")?.holdOutgoing).toBe(true);
  });
});
