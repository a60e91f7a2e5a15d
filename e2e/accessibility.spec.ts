import { expect, test } from "@playwright/test";
import { storageState } from "./support/users";
import { expectNoViolations } from "./support/pages";

test("sign-in page", async ({ page }) => {
  await page.goto("/login");
  await expectNoViolations(page);
  // An empty submit: the browser's own field errors.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter your email address." })).toBeVisible();
  await expectNoViolations(page);
  // A wrong password: the server's answer.
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("Not-the-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not correct" })).toBeVisible();
  await expectNoViolations(page);
});

test("sign-in page after signing out, and the forgotten-password page", async ({ page }) => {
  await page.goto("/login?signedOut=1");
  await expect(page.getByRole("status").filter({ hasText: "You are signed out." })).toBeVisible();
  await expectNoViolations(page);
  await page.goto("/forgot-password");
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
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

  test("forwarders page", async ({ page }) => {
    await page.goto("/accounts");
    await page.getByRole("link", { name: "example.com", exact: true }).click();
    await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Forwarders" }).click();
    await expect(page.getByRole("heading", { name: "Forwarders of example.com", level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });

  test("activity page", async ({ page }) => {
    await page.goto("/accounts");
    await page.getByRole("link", { name: "example.com", exact: true }).click();
    await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Activity" }).click();
    await expect(page.getByRole("heading", { name: "Activity on example.com", level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });

  test("API tokens page", async ({ page }) => {
    await page.goto("/settings/api-tokens");
    await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });

  test("two-factor page", async ({ page }) => {
    await page.goto("/security/two-factor");
    await expect(page.getByRole("heading", { name: "Two-factor sign-in", level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });

  test("mailbox list and activity as cards on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/accounts");
    await page.getByRole("link", { name: "example.com", exact: true }).click();
    await expect(page.getByRole("table", { name: "Mailboxes" })).toBeVisible();
    await expectNoViolations(page);
    await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Activity" }).click();
    await expect(page.getByRole("heading", { name: "Activity on example.com", level: 1 })).toBeVisible();
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

  test("support home, audit log and the batch force-password page", async ({ page }) => {
    await page.goto("/support?q=example");
    await expect(page.getByRole("heading", { name: "Support", level: 1 })).toBeVisible();
    await expectNoViolations(page);
    await page.goto("/support/audit");
    await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
    await expectNoViolations(page);
    await page.goto("/support/force-password");
    await expect(page.getByRole("heading", { name: "Force a cPanel password change", level: 1 })).toBeVisible();
    await expectNoViolations(page);
  });
});
