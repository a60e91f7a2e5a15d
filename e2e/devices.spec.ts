import { expect, test } from "@playwright/test";
import { storageState } from "./support/users";
import { expectNoViolations, openMailbox } from "./support/pages";

// Webmail and mail-app setup from a mailbox's page: read-only for cPanel's mail, so any mailbox will do.
for (const viewport of [
  { name: "desktop", size: { width: 1280, height: 800 } },
  { name: "phone", size: { width: 390, height: 844 } },
]) {
  test.describe(`${viewport.name}`, () => {
    test.use({ viewport: viewport.size });

    test.describe("as the owner", () => {
      test.use({ storageState: storageState.customer });

      test("opens Webmail as the mailbox in a new tab", async ({ page }) => {
        await openMailbox(page, "info@example.com");
        const webmail = page.getByRole("region", { name: "Webmail" });
        const [popup] = await Promise.all([page.waitForEvent("popup"), webmail.getByRole("button", { name: /Open Webmail/ }).click()]);
        await expect(popup.locator("body")).toContainText("Signed in to Webmail as info@example.com");
        await popup.close();
        await expect(webmail.getByRole("status")).toHaveText("Webmail opened as info@example.com in a new tab.");
      });
    });

    test.describe("set up devices", () => {
      test.use({ storageState: storageState.customer });

      test("shows the mail app settings and downloads the Apple profile", async ({ page }) => {
        await openMailbox(page, "info@example.com");
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
        const response = await page.request.get(`${new URL(page.url()).pathname}/mobileconfig`);
        expect(response.headers()["content-type"]).toBe("application/x-apple-aspen-config");
        const profile = await response.text();
        expect(profile).toContain("<string>mail.example.com</string>");
        expect(profile).toContain("<string>com.apple.mail.managed</string>");
        expect(profile).not.toMatch(/Password<\/key>\s*<string>/);
      });
    });

    test.describe("as support", () => {
      test.use({ storageState: storageState.support });

      test("opens Webmail with a reason", async ({ page }) => {
        await openMailbox(page, "info@example.net");
        const webmail = page.getByRole("region", { name: "Webmail" });
        await webmail.getByRole("button", { name: /Open Webmail/ }).click();
        await expect(webmail.getByText(/Give a reason of at least 10 characters/)).toBeVisible();
        await webmail.getByLabel("Reason (for the audit log)").fill("Ticket #6010: check a message in Webmail");
        const [popup] = await Promise.all([page.waitForEvent("popup"), webmail.getByRole("button", { name: /Open Webmail/ }).click()]);
        await expect(popup.locator("body")).toContainText("Signed in to Webmail as info@example.net");
        await popup.close();
      });
    });
  });
}
