import { expect, test, type Page } from "@playwright/test";
import { rememberSecret } from "./support/secrets";
import { storageState } from "./support/users";

test.use({ storageState: storageState.customer });

async function openInfoMailbox(page: Page) {
  await page.goto("/accounts");
  await page.getByRole("link", { name: "example.com", exact: true }).click();
  await page.getByRole("link", { name: "info@example.com", exact: true }).click();
  await expect(page.getByRole("heading", { name: "info@example.com", level: 1 })).toBeVisible();
}

const meter = (page: Page) => page.getByRole("meter", { name: "Password strength" });

test("the meter moves through its levels as the password gets stronger", async ({ page }) => {
  await openInfoMailbox(page);
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

test("mismatched and weak passwords are refused beside the field, and nothing changes", async ({ page }) => {
  await openInfoMailbox(page);
  await page.getByLabel("New password", { exact: true }).fill(rememberSecret("Quartz-harbor-1984-meadow"));
  await page.getByLabel("Confirm new password").fill(rememberSecret("Quartz-harbor-1984-meadoW"));
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The two passwords are not the same" })).toBeVisible();
  await expect(page.getByLabel("Confirm new password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("New password", { exact: true }).fill(rememberSecret("info-Example-1"));
  await page.getByLabel("Confirm new password").fill("info-Example-1");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Don't use the mailbox name in the password" })).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");
});

test("a customer changes the password with the keyboard only", async ({ page }) => {
  await openInfoMailbox(page);
  await page.getByLabel("New password", { exact: true }).focus();
  await page.keyboard.type(rememberSecret("Lantern-orchid-2026-quay"));
  await page.keyboard.press("Tab");
  await page.keyboard.type("Lantern-orchid-2026-quay");
  const submit = page.getByRole("button", { name: "Change password" });
  for (let i = 0; i < 10 && !(await submit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(submit).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Password changed for info@example.com" })).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Confirm new password")).toHaveValue("");
});

test("a generated password is shown once and accepted", async ({ page }) => {
  await openInfoMailbox(page);
  await page.getByRole("button", { name: "Generate password" }).click();
  const generated = rememberSecret((await page.getByText(/^Generated password:/).locator("code").textContent()) ?? "");
  expect(generated.length).toBeGreaterThanOrEqual(20);
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue(generated);
  await expect(page.getByLabel("Confirm new password")).toHaveValue(generated);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed for info@example.com" })).toBeVisible();
  await expect(page.getByText(generated)).toHaveCount(0);
});
