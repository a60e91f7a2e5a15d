import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { storageState } from "./support/users";

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

test("sign-in page", async ({ page }) => {
  await page.goto("/login");
  await expectNoViolations(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not correct" })).toBeVisible();
  await expectNoViolations(page);
});

test.describe("signed in", () => {
  test.use({ storageState: storageState.customer });

  test("accounts page", async ({ page }) => {
    await page.goto("/accounts");
    await expect(page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
    await expectNoViolations(page);
  });

  test("mailbox list", async ({ page }) => {
    await page.goto("/accounts");
    await page.getByRole("link", { name: "example.com", exact: true }).click();
    await expect(page.getByRole("table", { name: "Mailboxes" })).toBeVisible();
    await expectNoViolations(page);
  });

  test("mailbox page", async ({ page }) => {
    await page.goto("/accounts");
    await page.getByRole("link", { name: "example.com", exact: true }).click();
    await page.getByRole("link", { name: "info@example.com", exact: true }).click();
    await expect(page.getByRole("heading", { name: "info@example.com", level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });

  test("not-found page", async ({ page }) => {
    await page.goto("/accounts/acct_nope/email");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expectNoViolations(page);
  });
});

test.describe("signed in as support", () => {
  test.use({ storageState: storageState.support });

  test("accounts page with search", async ({ page }) => {
    await page.goto("/accounts?q=example");
    await expect(page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
    await expectNoViolations(page);
  });
});
