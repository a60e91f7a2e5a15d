import { expect, test, type Page } from "@playwright/test";
import { clearFaults, injectFault } from "./support/emulator";
import { rememberSecret } from "./support/secrets";
import { storageState } from "./support/users";
import { openMailboxTask } from "./support/pages";

test.use({ storageState: storageState.customer });

const meter = (page: Page) => page.getByRole("meter", { name: "Password strength" });

test("the meter moves through its levels as the password gets stronger", async ({ page }) => {
  await openMailboxTask(page, "info@example.com", "Change password");
  const field = page.getByLabel("New password", { exact: true });
  await expect(meter(page)).toHaveAttribute("aria-valuetext", "No password yet");
  await field.fill("password");
  await expect(meter(page)).toHaveAttribute("aria-valuetext", /Very weak|Weak/);
  await field.fill(rememberSecret("Sunflower-1"));
  await expect(meter(page)).toHaveAttribute("aria-valuenow", /^[0-2]$/);
  await field.fill(rememberSecret("Quartz-harbor-1984-meadow-lantern"));
  await expect(meter(page)).toHaveAttribute("aria-valuetext", /Strong|Very strong/);
  await expect(page.getByRole("list", { name: "Password rules" }).getByText("A digit")).toBeVisible();
});

test("a password the browser knows will be refused cannot be submitted, and the button says why", async ({ page }) => {
  await openMailboxTask(page, "info@example.com", "Change password");
  const submit = page.getByRole("button", { name: "Change password" });
  await page.getByLabel("New password", { exact: true }).fill(rememberSecret("Quartz-harbor-1984-meadow"));
  await page.getByLabel("Confirm new password").fill(rememberSecret("Quartz-harbor-1984-meadoW"));
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAccessibleDescription("The two passwords are not the same yet.");

  await page.getByLabel("New password", { exact: true }).fill(rememberSecret("info-Example-1"));
  await page.getByLabel("Confirm new password").fill("info-Example-1");
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAccessibleDescription("The password does not meet every rule yet.");
  await expect(page.getByRole("list", { name: "Password rules" }).getByText("Not the mailbox name")).toContainText("not met yet");

  await page.getByLabel("New password", { exact: true }).fill(rememberSecret("Quartz-harbor-1984-meadow"));
  await page.getByLabel("Confirm new password").fill("Quartz-harbor-1984-meadow");
  await expect(submit).toBeEnabled();
});

test("before anything is typed no rule shows as met", async ({ page }) => {
  await openMailboxTask(page, "info@example.com", "Change password");
  await expect(page.getByRole("list", { name: "Password rules" }).getByText("(met)")).toHaveCount(0);
});

test.describe("when cPanel refuses", () => {
  test.afterEach(async () => clearFaults());

  test("a refused change keeps the typed password; the error goes as soon as the person types", async ({ page }) => {
    await openMailboxTask(page, "info@example.com", "Change password");
    // cPanel's own strength check can refuse what the panel's policy let through.
    await injectFault({ fn: "Email::passwd_pop", kind: "status0", message: "The password is too weak.", times: 1 });
    const password = rememberSecret("Orchid-lantern-2026-quay");
    const field = page.getByLabel("New password", { exact: true });
    await field.fill(password);
    await page.getByLabel("Confirm new password").fill(password);
    await page.getByRole("button", { name: "Change password" }).click();
    const error = page.getByRole("alert").filter({ hasText: "The password is too weak." });
    await expect(error).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    // Focus goes to the refused field, never to the page body.
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(password);
    await expect(page.getByLabel("Confirm new password")).toHaveValue(password);
    await field.press("End");
    await field.press("Backspace");
    await expect(field).not.toHaveAttribute("aria-invalid", "true");
    await expect(error).toHaveCount(0);
  });
});

for (const viewport of [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test.describe(`on a ${viewport.name}`, () => {
    test.use({ viewport });

    test("a generated password stays in the success banner, with Copy, until dismissed", async ({ page, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"]);
      await openMailboxTask(page, "info@example.com", "Change password");
      await page.getByRole("button", { name: "Generate password" }).click();
      const generated = rememberSecret(
        (await page
          .getByText(/^Generated password:/)
          .locator("code")
          .textContent()) ?? "",
      );
      expect(generated.length).toBeGreaterThanOrEqual(20);
      await expect(page.getByLabel("New password", { exact: true })).toHaveValue(generated);
      await expect(page.getByLabel("Confirm new password")).toHaveValue(generated);
      await page.getByRole("button", { name: "Change password" }).click();
      const banner = page.getByRole("status").filter({ hasText: "Password changed for info@example.com" });
      await expect(banner).toBeVisible();
      // Focus goes to the banner, never to the page body.
      await expect(banner).toBeFocused();
      await expect(banner.getByText(generated)).toBeVisible();
      await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");
      await banner.getByRole("button", { name: "Copy password" }).click();
      await expect(banner.getByText("Copied to the clipboard.")).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(generated);
      await banner.getByRole("button", { name: "Dismiss" }).click();
      await expect(page.getByText(generated)).toHaveCount(0);
      await expect(banner).toBeVisible();
    });
  });
}
