import { expect, test, type Page } from "@playwright/test";
import { clearFaults, injectFault } from "./support/emulator";
import { storageState } from "./support/users";

test.use({ storageState: storageState.customer });

async function openAccount(page: Page, domain: string) {
  await page.goto("/accounts");
  await page.getByRole("link", { name: domain, exact: true }).click();
  await expect(page.getByRole("heading", { name: `Mailboxes of ${domain}`, level: 1 })).toBeVisible();
}

for (const viewport of [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test.describe(`on a ${viewport.name}`, () => {
    test.use({ viewport });
    test.afterEach(async () => clearFaults());

    // Flaky on a loaded 2-core machine (the skeleton is sometimes gone before it is looked for, or never needed because a
    // prefetch already answered); kept as the specification until it waits on something deterministic (issue 16).
    test.fixme("a slow page shows its skeleton at once, with the account tabs where they will stay", async ({ page }) => {
      await openAccount(page, "example.com");
      const tabs = page.getByRole("navigation", { name: "Account" });
      await injectFault({ fn: "Email::list_forwarders", kind: "delay", ms: 2_500, times: 1 });
      await tabs.getByRole("link", { name: "Forwarders" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Loading the forwarders…" })).toBeAttached();
      const whileLoading = await tabs.boundingBox();
      await expect(page.getByRole("heading", { name: "Forwarders of example.com", level: 1 })).toBeVisible();
      const loaded = await tabs.boundingBox();
      expect(whileLoading).not.toBeNull();
      // The header does not move when the page arrives.
      expect(Math.abs(loaded!.y - whileLoading!.y)).toBeLessThanOrEqual(1);
    });

    test.fixme("a slow mailbox shows a loading state instead of a frozen page", async ({ page }) => {
      await openAccount(page, "example.com");
      // Many times: the list page and link prefetches may ask first, and the click must still find cPanel slow (cleared after).
      await injectFault({ fn: "Email::list_pops_with_disk", kind: "delay", ms: 2_500, times: 20 });
      await page.getByRole("link", { name: "info@example.com", exact: true }).click();
      await expect(page.getByRole("status").filter({ hasText: "Loading the mailbox…" })).toBeAttached();
      await expect(page.getByRole("heading", { name: "info@example.com", level: 1 })).toBeVisible({ timeout: 20_000 });
    });
  });
}
