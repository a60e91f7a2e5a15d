import { expect, test } from "@playwright/test";
import { LoginPage } from "./support/login-page";
import { customer, storageState } from "./support/users";

// The review's links: after sign-in, and for someone already signed in, the panel must stay on its own origin.
const PHISHING_LINKS = [
  "/%09/evil.example/phish",
  "/%5Cevil.example/phish",
  "%2F%2Fevil.example",
  "https://evil.example/phish",
  "javascript:alert(1)",
];

test.describe("a signed-in customer", () => {
  test.use({ storageState: storageState.customer });

  for (const link of PHISHING_LINKS) {
    test(`opening /login?callbackUrl=${link} stays on the panel`, async ({ page, baseURL }) => {
      await page.goto(`/login?callbackUrl=${link}`);
      await expect(page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      expect(new URL(page.url()).pathname).toBe("/accounts");
    });
  }
});

test("signing in from a phishing link lands on the account list", async ({ page, baseURL }) => {
  await page.goto("/login?callbackUrl=/%09/evil.example/phish");
  await new LoginPage(page).signIn(customer.email, customer.password);
  await expect(page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test("a same-site callback is still honoured after sign-in", async ({ page }) => {
  await page.goto("/login?callbackUrl=/settings/api-tokens");
  await new LoginPage(page).signIn(customer.email, customer.password);
  await expect(page).toHaveURL(/\/settings\/api-tokens$/);
});
