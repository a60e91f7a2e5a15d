import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { generateSync } from "otplib";
import { LoginPage } from "./support/login-page";
import { rememberSecret } from "./support/secrets";
import { createUserAsAdmin } from "./support/admin";

test("a new support user sets up two-factor sign-in, then signs in with a code and with a recovery code", async ({ browser }) => {
  const { email, password } = await createUserAsAdmin(browser, "support", "Ticket #8100: new support hire");
  const context = await browser.newContext();
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/security\/two-factor/);

  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code to add Mailroom to your authenticator app" })).toBeVisible();
  const key = rememberSecret(((await page.getByText(/^Key:/).locator("code").textContent()) ?? "").trim());
  const scan = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(scan.violations.map((v) => v.id)).toEqual([]);

  await page.getByLabel("Authentication code").fill("000000");
  await page.getByLabel("Your panel password").fill(password);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not right" })).toBeVisible();

  await page.getByLabel("Authentication code").fill(generateSync({ secret: key }));
  await page.getByLabel("Your panel password").fill(password);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = rememberSecret(((await codes.first().textContent()) ?? "").trim());

  // Turning it on signs the user out everywhere: sign in again, now with a code.
  await login.goto();
  await login.signIn(email, password);
  await expect(page.getByRole("status").filter({ hasText: "Enter the 6-digit code" })).toBeVisible();
  const later = generateSync({ secret: key, epoch: Math.floor(Date.now() / 1000) + 30 });
  await page.getByLabel("Authentication code").fill(later);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
  await page.goto("/support");
  await expect(page).toHaveURL(/\/support$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await login.signIn(email, password);
  await page.getByLabel("Authentication code").fill(recovery);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
  await context.close();
});
