import { expect, test, type Locator, type Page } from "@playwright/test";
import { storageState } from "./support/users";
import { expectNoViolations, openMailbox, openMailboxTask } from "./support/pages";
import { clearFaults, dispatchedSettings, injectFault } from "./support/emulator";

/** The "Set up devices" section of a mailbox: its own task page on the mailbox hub, or a section of the one page. */
async function openDevices(page: Page, address: string) {
  await openMailbox(page, address);
  const task = page.getByRole("link", { name: "Set up devices", exact: true });
  if (await task.count()) await task.first().click();
  const devices = page.getByRole("region", { name: "Set up devices" });
  await expect(devices).toBeVisible();
  return devices;
}

/** Clicks Open Webmail in its section and checks the new tab is Webmail signed in as `address`; closes the tab. */
async function expectWebmailOpensAs(page: Page, webmail: Locator, address: string) {
  const [popup] = await Promise.all([page.waitForEvent("popup"), webmail.getByRole("button", { name: /Open Webmail/ }).click()]);
  await expect(popup.locator("body")).toContainText(`Signed in to Webmail as ${address}`);
  await popup.close();
}

// Webmail and mail-app setup from a mailbox's page: read-only for cPanel's mail, so any mailbox will do.
for (const viewport of [
  { name: "desktop", size: { width: 1280, height: 800 } },
  { name: "phone", size: { width: 390, height: 844 } },
]) {
  test.describe(`${viewport.name}`, () => {
    test.use({ viewport: viewport.size });
    // The phone runs what its width changes (the settings table, the QR code, the download); Webmail, e-mailing the
    // settings and cPanel's refusal take the same path at any size, so they run once, on the desktop.
    const desktop = viewport.name === "desktop";

    if (desktop)
      test.describe("as the owner", () => {
        test.use({ storageState: storageState.customer });

        test("opens Webmail as the mailbox in a new tab", async ({ page }) => {
          await openMailboxTask(page, "info@example.com", "Set up devices");
          const webmail = page.getByRole("region", { name: "Webmail" });
          await expectWebmailOpensAs(page, webmail, "info@example.com");
          await expect(webmail.getByRole("status")).toHaveText("Webmail opened as info@example.com in a new tab.");
        });
      });

    test.describe("set up devices", () => {
      test.use({ storageState: storageState.customer });

      test("shows the mail app settings and downloads the Apple profile", async ({ page }) => {
        await openMailboxTask(page, "info@example.com", "Set up devices");
        const devices = page.getByRole("region", { name: "Set up devices" });
        const table = devices.getByRole("table", { name: "Mail app settings for info@example.com" });
        await expect(table.getByRole("row", { name: /Incoming \(IMAP\)/ })).toContainText("mail.example.com");
        await expect(table.getByRole("row", { name: /Outgoing \(SMTP\)/ })).toContainText("465");
        await expect(devices.getByRole("img", { name: /QR code/ })).toBeVisible();
        await expectNoViolations(page);
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          devices.getByRole("link", { name: "Download profile for Apple devices" }).click(),
        ]);
        expect(download.suggestedFilename()).toBe("info@example.com.mobileconfig");
        const href = await devices.getByRole("link", { name: "Download profile for Apple devices" }).getAttribute("href");
        const response = await page.request.get(href!);
        expect(response.headers()["content-type"]).toBe("application/x-apple-aspen-config");
        const profile = await response.text();
        expect(profile).toContain("<string>mail.example.com</string>");
        expect(profile).toContain("<string>com.apple.mail.managed</string>");
        expect(profile).not.toMatch(/Password<\/key>\s*<string>/);
      });
    });

    if (desktop)
      test.describe("e-mail the settings", () => {
        test.use({ storageState: storageState.customer });
        test.afterEach(async () => clearFaults());

        test("cPanel mails them to the mailbox by default, or to the address typed", async ({ page }) => {
          const mailbox = "sales@example.com";
          const before = (await dispatchedSettings("examplecom")).length;
          const devices = await openDevices(page, mailbox);
          const form = devices.getByRole("form", { name: "E-mail these settings" });
          await expect(form.getByLabel("Send to")).toHaveValue(mailbox);
          await form.getByRole("button", { name: "E-mail these settings" }).click();
          await expect(form.getByRole("status")).toContainText(`cPanel is sending the mail app settings of ${mailbox} to ${mailbox}.`);
          await expect(form.getByRole("status")).toBeFocused();

          await form.getByLabel("Send to").fill("not an address");
          await form.getByRole("button", { name: "E-mail these settings" }).click();
          await expect(form.getByRole("alert").filter({ hasText: "Enter an e-mail address, like name@example.com" })).toBeVisible();
          await expect(form.getByLabel("Send to")).toBeFocused();
          await form.getByLabel("Send to").fill("new-phone@example.net");
          await form.getByRole("button", { name: "E-mail these settings" }).click();
          await expect(form.getByRole("status")).toContainText("to new-phone@example.net.");
          const sent = (await dispatchedSettings("examplecom")).slice(before).map((m) => [m.account, m.to]);
          expect(sent).toEqual([
            [mailbox, mailbox],
            [mailbox, "new-phone@example.net"],
          ]);
        });

        test("when cPanel refuses the settings, the section says so and the rest of the page works", async ({ page }) => {
          await injectFault({ fn: "Email::get_client_settings", kind: "http", status: 403 });
          const devices = await openDevices(page, "info@example.com");
          await expect(devices.getByRole("alert")).toContainText("The mail app settings could not be loaded");
          await expect(devices.getByRole("alert")).toContainText("was refused");
          await expect(page.getByRole("region", { name: "Webmail" }).getByRole("button", { name: /Open Webmail/ })).toBeVisible();
          await expectNoViolations(page);
        });
      });

    if (desktop)
      test.describe("as support", () => {
        test.use({ storageState: storageState.support });

        test("opens Webmail with a reason", async ({ page }) => {
          await openMailboxTask(page, "info@example.net", "Set up devices");
          const webmail = page.getByRole("region", { name: "Webmail" });
          await webmail.getByRole("button", { name: /Open Webmail/ }).click();
          await expect(webmail.getByText(/Give a reason of at least 10 characters/)).toBeVisible();
          await webmail.getByLabel("Reason (for the audit log)").fill("Ticket #6010: check a message in Webmail");
          await expectWebmailOpensAs(page, webmail, "info@example.net");
        });
      });
  });
}
