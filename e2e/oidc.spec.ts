import { expect, test, type Page } from "@playwright/test";
import { generateSync } from "otplib";
import { LoginPage } from "./support/login-page";
import { OIDC_LABEL, portalUsers } from "./support/oidc-portal";
import { support } from "./support/users";

/** From the panel's sign-in page through the portal's own login page (e2e/support/oidc-provider.ts) and back. */
async function signInAtPortal(page: Page, login: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: `Sign in with ${OIDC_LABEL}` }).click();
  await expect(page.getByRole("heading", { name: `${OIDC_LABEL} client area` })).toBeVisible();
  await page.getByLabel("Portal login").fill(login);
  await page.getByRole("button", { name: "Sign in to the portal" }).click();
}

test("a customer signs in through the hosting company's portal and lands on their accounts", async ({ page }) => {
  await signInAtPortal(page, portalUsers.customer.login);
  await expect(page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
  await expect(page.getByRole("link", { name: "example.com", exact: true })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("2 accounts.");
  // A real session: it holds on the next request, and signing out ends it.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/login/);
});

test("a portal login whose email no panel login uses is refused, and says why", async ({ page }) => {
  await signInAtPortal(page, portalUsers.stranger.login);
  await expect(page).toHaveURL(/\/login\?error=sso_unknown/);
  await expect(new LoginPage(page).error).toContainText(`No panel login uses the email address of your ${OIDC_LABEL} account`);
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/login/);
});

test("a portal login whose email the portal has not verified is refused, even though a panel login has it", async ({ page }) => {
  await signInAtPortal(page, portalUsers.unverified.login);
  await expect(page).toHaveURL(/\/login\?error=sso_unverified/);
  await expect(new LoginPage(page).error).toContainText(`The email address of your ${OIDC_LABEL} account is not verified`);
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/login/);
});

test("support signing in through the portal still owes the panel's code, and has no session until it is given", async ({ page }) => {
  await signInAtPortal(page, portalUsers.support.login);
  await expect(page).toHaveURL(/\/login\?step=code/);
  await expect(page.getByText(`${OIDC_LABEL} confirmed who you are`)).toBeVisible();

  // Nothing counts yet: the panel's pages still send them to sign in.
  await page.goto("/support");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/login?step=code");

  const login = new LoginPage(page);
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(login.error).toContainText("That code is not right");

  // The next time step: the setup project may have used this one for the same user a moment ago.
  await page.getByLabel("Authentication code").fill(generateSync({ secret: support.totpSecret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Hosting accounts" })).toBeVisible();
  await page.goto("/support");
  await expect(page).toHaveURL(/\/support$/);
});
