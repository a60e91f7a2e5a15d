import { expect, test, type Page } from "@playwright/test";
import { createUserAsAdmin } from "./support/admin";
import { LoginPage } from "./support/login-page";
import { waitForMail, type CaughtMail } from "./support/mailbox";
import { rememberSecret } from "./support/secrets";
import { storageState } from "./support/users";
import { expectNoViolations } from "./support/pages";

/** The path of the one-time link in a mail (the host is the panel's public URL; the test server answers on its own). */
function linkPath(mail: CaughtMail, prefix: "/invite/" | "/reset-password/"): string {
  const match = new RegExp(`https?://[^\\s"<>]+${prefix}[A-Za-z0-9_-]+`).exec(mail.text);
  expect(match, `a ${prefix} link in "${mail.subject}"`).not.toBeNull();
  return new URL(match![0]).pathname;
}

async function invite(page: Page, email: string, reason: string) {
  await page.goto("/admin/users/invitations");
  await page.getByLabel("Customer's email").fill(email);
  await page.getByLabel("Reason (for the audit log)").fill(reason);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invited ${email}` })).toBeVisible();
}

test.describe("invitations", () => {
  test.use({ storageState: storageState.support });

  test("support invites a customer; the link sets the password once, offers 2FA, and the customer signs in", async ({ page, browser }) => {
    const email = `invited-${Date.now()}@example.org`;
    const since = new Date();
    await invite(page, email, "Ticket #8101: onboarding a new customer");
    await expect(page.getByRole("table", { name: "Invitations" })).toContainText(email);
    await expectNoViolations(page);

    const mail = await waitForMail({ to: email, subject: "your invitation", since });
    const path = linkPath(mail, "/invite/");

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const guest = await context.newPage();
    await guest.goto(path);
    await expect(guest.getByRole("heading", { name: "Welcome to Mailroom" })).toBeVisible();
    await expect(guest.getByText(email)).toBeVisible();
    await expectNoViolations(guest);
    const password = rememberSecret(`Lantern-orchard-${Date.now()}`);
    await guest.getByLabel("New password").fill("too-short");
    await guest.getByLabel("Confirm the password").fill("too-short");
    await guest.getByRole("button", { name: "Set password" }).click();
    await expect(guest.getByText("Use at least 12 characters").first()).toBeVisible();
    await guest.getByLabel("New password").fill(password);
    await expect(guest.getByRole("meter", { name: "Password strength" })).toBeVisible();
    await guest.getByLabel("Confirm the password").fill(password);
    await guest.getByRole("button", { name: "Set password" }).click();
    await expect(guest.getByRole("status").filter({ hasText: "Your panel password is set" })).toBeVisible();
    await expect(guest.getByRole("link", { name: "Sign in and set up two-factor sign-in" })).toHaveAttribute(
      "href",
      "/login?callbackUrl=/security/two-factor",
    );

    // The link works once.
    await guest.goto(path);
    await expect(guest.getByText("This invitation was already used")).toBeVisible();

    await new LoginPage(guest).signInAndLand(email, password);
    await context.close();

    await page.goto("/admin/users/invitations");
    await expect(page.getByRole("table", { name: "Invitations" }).getByRole("row").filter({ hasText: email })).toContainText("Accepted");
  });

  test("a revoked invitation's link says so and whom to ask; a resend mails a new link", async ({ page, browser }) => {
    const email = `revoked-${Date.now()}@example.org`;
    const since = new Date();
    await invite(page, email, "Ticket #8102: onboarding a new customer");
    const first = linkPath(await waitForMail({ to: email, subject: "your invitation", since }), "/invite/");

    const row = page.getByRole("table", { name: "Invitations" }).getByRole("row").filter({ hasText: email });
    await row.getByRole("button", { name: `Revoke the invitation to ${email}…` }).click();
    const confirm = page.getByRole("group", { name: "Revoke?" });
    await confirm.getByLabel("Reason (for the audit log)").fill("Ticket #8102: invited the wrong address");
    await confirm.getByRole("button", { name: "Revoke" }).click();
    await expect(row.getByRole("cell", { name: "Revoked", exact: true })).toBeVisible();

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const guest = await context.newPage();
    await guest.goto(first);
    await expect(guest.getByText("This invitation was withdrawn.")).toBeVisible();
    await expectNoViolations(guest);
    await expect(guest.getByText("support@example.com, who invited you")).toBeVisible();

    const resentSince = new Date();
    await page.reload();
    await page
      .getByRole("table", { name: "Invitations" })
      .getByRole("row")
      .filter({ hasText: email })
      .getByRole("button", { name: `Resend the invitation to ${email}…` })
      .click();
    const resend = page.getByRole("group", { name: "Resend?" });
    await resend.getByLabel("Reason (for the audit log)").fill("Ticket #8102: the customer asked again");
    await resend.getByRole("button", { name: "Resend" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Sent a new link to ${email}` })).toBeVisible();
    const second = linkPath(await waitForMail({ to: email, subject: "your invitation", since: resentSince }), "/invite/");
    expect(second).not.toBe(first);
    await guest.goto(second);
    await expect(guest.getByRole("button", { name: "Set password" })).toBeVisible();
    await context.close();
  });
});

test.describe("forgot password", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("forgot → reset → a session cookie copied before the reset is refused; unknown addresses get the same answer", async ({ page, browser }) => {
    const { email, password } = await createUserAsAdmin(browser, "customer", "Ticket #8201: customer for the reset test");

    // A signed-in browser whose cookies are copied before the reset.
    const before = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const signedIn = await before.newPage();
    await new LoginPage(signedIn).signInAndLand(email, password);
    const copied = await before.storageState();
    await before.close();

    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.org`);
    await page.getByRole("button", { name: "Send me a link" }).click();
    const answer = page.getByRole("status").filter({ hasText: "If a panel login uses that address" });
    await expect(answer).toBeVisible();
    const unknownAnswer = await answer.textContent();

    const since = new Date();
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a link" }).click();
    await expect(answer).toBeVisible();
    expect(await answer.textContent()).toBe(unknownAnswer);
    expect(page.url()).not.toContain(email.split("@")[0]!);

    const mail = await waitForMail({ to: email, subject: "reset your password", since });
    expect(mail.text).not.toContain(password);
    const path = linkPath(mail, "/reset-password/");
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await expectNoViolations(page);
    const newPassword = rememberSecret(`Copper-meadow-${Date.now()}`);
    await page.getByLabel("New password").fill(newPassword);
    await page.getByLabel("Confirm the password").fill(newPassword);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "every session of your login was signed out" })).toBeVisible();

    // The copied cookie is refused.
    const stale = await browser.newContext({ storageState: copied });
    const stalePage = await stale.newPage();
    await stalePage.goto("/accounts");
    await expect(stalePage).toHaveURL(/\/login/);
    await expect(stalePage.getByRole("heading", { name: "Sign in to Mailroom" })).toBeVisible();
    await stale.close();

    // The link works once; the old password no longer signs in, the new one does.
    await page.goto(path);
    await expect(page.getByText("This link has expired or was already used.")).toBeVisible();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(email, password);
    await expect(login.error).toBeVisible();
    await login.signInAndLand(email, newPassword);
  });
});
