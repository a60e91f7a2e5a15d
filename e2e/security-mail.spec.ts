import { expect, test } from "@playwright/test";
import { waitForMail } from "./support/mailbox";
import { rememberSecret } from "./support/secrets";
import { storageState } from "./support/users";
import { goToMailboxTask } from "./support/pages";

test.use({ storageState: storageState.customer });

test("a mailbox password change mails the owner who, when and what, without the password", async ({ page }) => {
  const since = new Date();
  const password = rememberSecret("Harbor-quartz-7731-lantern");
  await page.goto("/accounts");
  await page.getByRole("link", { name: "example.com", exact: true }).click();
  await page.getByRole("link", { name: "contact@example.org", exact: true }).click();
  await expect(page.getByRole("heading", { name: "contact@example.org", level: 1 })).toBeVisible();
  await goToMailboxTask(page, "Change password");
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Confirm new password").fill(password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed for contact@example.org" })).toBeVisible();

  const mail = await waitForMail({ to: "customer@example.com", subject: "Mailbox password changed", since, about: "contact@example.org" });
  expect(mail.subject).toBe("Mailroom: Mailbox password changed");
  for (const body of [mail.text, mail.html]) {
    expect(body).toContain("contact@example.org"); // what
    expect(body).toContain("you"); // who
    expect(body).toContain(String(since.getUTCFullYear())); // when
    expect(body).toContain("If this was not you");
    expect(body).not.toContain(password);
  }
  expect(mail.text).toMatch(/Done by:\s+you\n/);
  expect(mail.text).toMatch(/When:\s+\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} UTC/);
  expect(mail.text).toMatch(/From address:\s+\S+/);
});
