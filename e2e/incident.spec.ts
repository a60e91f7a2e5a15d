import { expect, test, type Page } from "@playwright/test";
import { EMULATOR_WHM_PORT } from "./support/ports";
import { rememberSecret } from "./support/secrets";
import { storageState } from "./support/users";
import { goToMailboxTask, openMailboxTask } from "./support/pages";
import { waitForMail } from "./support/mailbox";

// Mailboxes of this spec only: archive@shop.example (the owner's incident) and marketing@shop.example (the demo's spammer).
const control = `http://127.0.0.1:${EMULATOR_WHM_PORT}/__emulator`;

type EmuMailbox = { email: string; suspendedLogin: boolean; holdOutgoing: boolean; sessions: number };
async function emuMailbox(user: string, email: string): Promise<EmuMailbox> {
  const state = (await (await fetch(`${control}/state/${user}`)).json()) as { mailboxes: EmuMailbox[] };
  return state.mailboxes.find((m) => m.email === email)!;
}

function step(page: Page, label: string) {
  return page.getByRole("list", { name: "Steps" }).getByRole("listitem").filter({ hasText: label });
}

test.describe("the owner", () => {
  test.use({ storageState: storageState.customer });

  test("secures a mailbox, sees every step's outcome, then restores it", async ({ page }) => {
    await openMailboxTask(page, "archive@shop.example", "Secure");
    const since = new Date();
    await page.getByRole("button", { name: "Secure this mailbox" }).click();
    await expect(page.getByRole("status").filter({ hasText: "archive@shop.example is secured." })).toBeVisible();

    await expect(step(page, "Suspend login")).toContainText(/Done|Already so/);
    await expect(step(page, "Hold outgoing mail")).toContainText(/Done|Already so/);
    await expect(step(page, "Replace the password")).toContainText("Done");
    await expect(step(page, "End open IMAP/POP sessions")).toContainText("Not done");
    await expect(step(page, "End open IMAP/POP sessions")).toContainText("only support can do it");
    await expect(step(page, "Tell the account owner")).toContainText("Done");
    await expect(page.getByRole("heading", { name: /What was done \(incident inc_/ })).toBeVisible();
    expect(await emuMailbox("shopcp", "archive@shop.example")).toMatchObject({ suspendedLogin: true, holdOutgoing: true });
    // The owner's security e-mail says what is in effect and how to restore the mailbox.
    const mail = await waitForMail({ to: "customer@example.com", subject: "Mailbox secured", since, about: "archive@shop.example" });
    expect(mail.text).toContain("archive@shop.example");
    expect(mail.text).toMatch(/Now in effect:\s+.*password replaced by a random one nobody knows/);
    expect(mail.text).toContain("/accounts/");

    // Restore: a new password (the usual form), release the held mail, allow login again; the checklist links to each.
    const restore = page.getByRole("region", { name: "Restore checklist" });
    await expect(restore).toBeVisible();
    await restore.getByRole("link", { name: "password form" }).click();
    await expect(page).toHaveURL(/\/password$/);
    const password = rememberSecret("Willow-compass-2026-ridge");
    await page.getByLabel("New password", { exact: true }).fill(password);
    await page.getByLabel("Confirm new password").fill(password);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Password changed/i })).toBeVisible();

    await goToMailboxTask(page, "Secure");
    await restore.getByRole("link", { name: "Outgoing mail" }).click();
    await expect(page).toHaveURL(/\/options#outgoing-heading$/);
    await page.getByRole("button", { name: "Release", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Outgoing mail of archive@shop.example released" })).toBeVisible();
    await goToMailboxTask(page, "Secure");
    await page.getByRole("button", { name: "Unsuspend login" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Login allowed again for archive@shop.example." })).toBeVisible();
    expect(await emuMailbox("shopcp", "archive@shop.example")).toMatchObject({ suspendedLogin: false, holdOutgoing: false });
  });
});

test.describe("support", () => {
  test.use({ storageState: storageState.support });

  test("finds the spamming mailbox among the top senders and secures it", async ({ page }) => {
    await page.goto("/support/outgoing");
    await expect(page.getByRole("heading", { name: "Top senders", level: 1 })).toBeVisible();
    const first = page.getByRole("row").nth(1);
    await expect(first.getByRole("rowheader")).toHaveText("marketing@shop.example");
    await first.getByRole("link", { name: "Secure marketing@shop.example" }).click();
    await expect(page.getByRole("heading", { name: "marketing@shop.example", level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/secure$/);

    const secure = page.getByRole("form", { name: "Secure this mailbox" });
    await secure.getByLabel("Reason (for the audit log)").fill("Ticket #8812: spam from this mailbox");
    await secure.getByRole("button", { name: "Secure this mailbox" }).click();
    await expect(step(page, "Replace the password")).toContainText("Done");
    await expect(step(page, "End open IMAP/POP sessions")).toContainText("Done");
    const after = await emuMailbox("shopcp", "marketing@shop.example");
    expect(after).toMatchObject({ suspendedLogin: true, holdOutgoing: true, sessions: 0 });
    // The held queue and the delivery counts are under Options.
    await goToMailboxTask(page, "Options");
    await expect(page.getByRole("table", { name: "Delivery log (staff only)" })).toBeVisible();
  });
});
