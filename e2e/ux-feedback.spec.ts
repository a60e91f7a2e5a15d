import { expect, test, type Page } from "@playwright/test";
import { clearFaults, injectFault } from "./support/emulator";
import { storageState } from "./support/users";

test.use({ storageState: storageState.customer });

async function openAccount(page: Page, domain: string) {
  await page.goto("/accounts");
  await page.getByRole("link", { name: domain, exact: true }).click();
  await expect(page.getByRole("heading", { name: `Mailboxes of ${domain}`, level: 1 })).toBeVisible();
}

type LoadingSeen = { seen: boolean; tabsY: number | null };

/** Runs in the page: notes in sessionStorage the first time a status saying `text` is in the DOM, and where the tabs were. */
function observeLoading(text: string) {
  const key = "e2e-loading-seen";
  const check = () => {
    const status = Array.from(document.querySelectorAll('[role="status"]')).find((el) => el.textContent?.includes(text));
    if (!status) return false;
    const tabs = document.querySelector('nav[aria-label="Account"]');
    sessionStorage.setItem(key, JSON.stringify({ seen: true, tabsY: tabs ? tabs.getBoundingClientRect().y + window.scrollY : null }));
    return true;
  };
  const start = () => {
    if (check()) return;
    const observer = new MutationObserver(() => check() && observer.disconnect());
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  };
  start();
}

/**
 * Installs, before a click, an observer that notes whether a loading status saying `label` ever appears (however
 * briefly) and where the account tabs are then (page coordinates); in this document and, should the browser load a
 * new one, in that one too (from its first byte). Returns a reader of what it saw.
 */
async function watchForLoading(page: Page, label: string): Promise<() => Promise<LoadingSeen>> {
  await page.evaluate(() => sessionStorage.removeItem("e2e-loading-seen"));
  await page.addInitScript(observeLoading, label);
  await page.evaluate(observeLoading, label);
  return () => page.evaluate(() => JSON.parse(sessionStorage.getItem("e2e-loading-seen") ?? '{"seen":false,"tabsY":null}') as LoadingSeen);
}

for (const viewport of [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test.describe(`on a ${viewport.name}`, () => {
    test.use({ viewport });
    test.afterEach(async () => clearFaults());

    // Deterministic: cPanel is made slow for the page's read (so the server must stream the skeleton first), and an
    // observer installed before the click records the skeleton however briefly it shows, and where the tabs were then.
    // When the click beats the tab's prefetch of the skeleton, the tab's own pending status says the same words first.
    test("a slow page shows its skeleton at once, with the account tabs where they will stay", async ({ page }) => {
      await openAccount(page, "example.com");
      const tabs = page.getByRole("navigation", { name: "Account" });
      // Until cleared after the test: link prefetches read cPanel too and must not use a limited delay up.
      await injectFault({ fn: "Email::list_forwarders", kind: "delay", ms: 2_500 });
      const loading = await watchForLoading(page, "Loading the forwarders…");
      await tabs.getByRole("link", { name: "Forwarders" }).click();
      await expect.poll(async () => (await loading()).seen).toBe(true);
      await expect(page.getByRole("heading", { name: "Forwarders of example.com", level: 1 })).toBeVisible({ timeout: 20_000 });
      const whileLoading = (await loading()).tabsY;
      const loaded = await tabs.boundingBox();
      expect(whileLoading).not.toBeNull();
      // The header does not move when the page arrives.
      expect(Math.abs(loaded!.y + (await page.evaluate(() => window.scrollY)) - whileLoading!)).toBeLessThanOrEqual(1);
    });

    // The mailbox page's skeleton, or (when the click beats the link's prefetch of that skeleton) the link's own
    // pending status: either says "Loading the mailbox…" while cPanel is slow.
    test("a slow mailbox shows a loading state instead of a frozen page", async ({ page }) => {
      await openAccount(page, "example.com");
      // Until cleared after the test: the list's link prefetches read the mailbox (its summary) and would use up a
      // limited delay before the click.
      await injectFault({ fn: "Email::list_pops_with_disk", kind: "delay", ms: 2_500 });
      const loading = await watchForLoading(page, "Loading the mailbox…");
      await page.getByRole("link", { name: "info@example.com", exact: true }).click();
      // The list's slowed prefetches may keep the server busy for a while before the skeleton's first byte.
      await expect.poll(async () => (await loading()).seen, { timeout: 20_000 }).toBe(true);
      await expect(page.getByRole("heading", { name: "info@example.com", level: 1 })).toBeVisible({ timeout: 20_000 });
    });
  });
}
