import { expect, test } from "@playwright/test";
import { LoginPage } from "./support/login-page";
import { customer, otherCustomer } from "./support/users";

test("a customer signs in and lands on their accounts", async ({ page }) => {
  await new LoginPage(page).signInAndLand(customer.email, customer.password);
  await expect(page.getByText(customer.email)).toBeVisible();
});

test("a wrong password is refused without saying whether the email exists", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(customer.email, "Not-the-password-1");
  await expect(login.error).toHaveText("The email or password is not correct.");
  await login.signIn("nobody@example.com", "Not-the-password-1");
  await expect(login.error).toHaveText("The email or password is not correct.");
  await expect(page).toHaveURL(/\/login/);
});

test("repeated failures lock the sign-in, even with the right password", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  for (let attempt = 1; attempt <= 4; attempt++) {
    await login.signIn(otherCustomer.email, `Wrong-password-${attempt}`);
    await expect(login.error).toHaveText("The email or password is not correct.");
  }
  await login.signIn(otherCustomer.email, "Wrong-password-5");
  await expect(login.error).toContainText("Too many failed sign-in attempts");
  await login.signIn(otherCustomer.email, otherCustomer.password);
  await expect(login.error).toContainText("Too many failed sign-in attempts");
  await expect(page).toHaveURL(/\/login/);
});

test("signing out ends the session; the back button does not bring the page back", async ({ page }) => {
  await new LoginPage(page).signInAndLand(customer.email, customer.password);
  await page.getByRole("link", { name: "example.com" }).click();
  await expect(page.getByRole("heading", { name: "Mailboxes of example.com" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  await page.goBack();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Mailboxes of example.com" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Hosting accounts" })).toHaveCount(0);

  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/login/);
});

test("a session cookie copied before sign-out is refused afterwards, by the pages and by the REST API", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new LoginPage(page).signInAndLand(customer.email, customer.password);
  const copied = await context.cookies();
  expect(
    copied.some((c) => c.name.endsWith("next-auth.session-token")),
    "the session cookie",
  ).toBe(true);

  // While the session is open, the copy works anywhere: the refusal below is the sign-out, nothing else.
  const before = await browser.newContext();
  await before.addCookies(copied);
  expect((await before.request.get("/api/v2/shared-hosting")).status()).toBe(200);
  await before.close();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await context.close();

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const replayed = await replay.newPage();
  await replayed.goto("/accounts");
  await expect(replayed).toHaveURL(/\/login/);
  await expect(replayed.getByRole("heading", { name: "Hosting accounts" })).toHaveCount(0);
  const api = await replay.request.get("/api/v2/shared-hosting");
  expect(api.status()).toBe(401);
  expect(api.headers()["content-type"]).toBe("application/problem+json");
  await replay.close();
});
