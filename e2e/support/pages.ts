import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The page passes axe's WCAG 2.1 A/AA rules and best practices; a failure lists each rule with the elements it found. */
export async function expectNoViolations(page: Page) {
  // Scan the page, not its loading state: a part still streaming in is a skeleton (aria-busy) of grey bars.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** From the account list to one account's mailbox list, as a person clicks: `accountDomain` is the account's main domain. */
export async function openMailboxes(page: Page, accountDomain: string) {
  await page.goto("/accounts");
  await page.getByRole("link", { name: accountDomain, exact: true }).click();
  await expect(page.getByRole("heading", { name: `Mailboxes of ${accountDomain}` })).toBeVisible();
}

/** One mailbox's page through the account's list (the account defaults to the address's own domain). */
export async function openMailbox(page: Page, address: string, accountDomain = address.slice(address.lastIndexOf("@") + 1)) {
  await openMailboxes(page, accountDomain);
  await page.getByRole("link", { name: address, exact: true }).click();
  await expect(page.getByRole("heading", { name: address, level: 1 })).toBeVisible();
}

/** The mailbox page's task buttons (Overview, Change password, Forwarding, Out of office, Options, Set up devices, Secure). */
export function mailboxTasks(page: Page) {
  return page.getByRole("navigation", { name: "Mailbox tasks" });
}

/** One task of a mailbox, opened from its page's task buttons as a person clicks; each task has its own URL. */
export async function openMailboxTask(page: Page, address: string, task: string, accountDomain?: string) {
  await openMailbox(page, address, accountDomain);
  await goToMailboxTask(page, task);
}

/** From a mailbox's page to one of its tasks. */
export async function goToMailboxTask(page: Page, task: string) {
  const link = mailboxTasks(page).getByRole("link", { name: task, exact: true });
  await link.click();
  await expect(link).toHaveAttribute("aria-current", "page");
}
