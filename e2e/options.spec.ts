import { expect, test, type Page } from "@playwright/test";
import { EMULATOR_WHM_PORT } from "./support/ports";
import { storageState } from "./support/users";
import { expectNoViolations, goToMailboxTask, openMailboxes, openMailboxTask } from "./support/pages";

// Only shopcp's mailboxes (shop.example): other specs rely on example.com's badges.
test.use({ storageState: storageState.customer });

function rowOf(page: Page, address: string) {
  return page.getByRole("row").filter({ has: page.getByRole("link", { name: address, exact: true }) });
}

async function tabTo(page: Page, name: string, role: "button" | "checkbox" = "button") {
  const target = page.getByRole(role, { name, exact: true });
  for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
}

test("set a quota; below usage only after the warning", async ({ page }) => {
  await openMailboxTask(page, "orders@shop.example", "Options");
  await page.getByLabel("Quota (MB)").fill("3000");
  await page.getByRole("button", { name: "Save options" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Options saved for orders@shop.example: quota 3,000 MB." })).toBeVisible();
  await expect(page.getByLabel("Quota (MB)")).toHaveValue("3000");

  // 1.5 GB is stored: 100 MB needs the explicit confirmation, which says what happens to new mail.
  await page.getByLabel("Quota (MB)").fill("100");
  await expect(page.getByText(/new mail to it is refused and senders get a bounce/)).toBeVisible();
  await page.getByRole("button", { name: "Save options" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Confirm to set it anyway" })).toBeVisible();
  await expect(page.getByLabel("Quota (MB)")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Set it below usage anyway").check();
  await page.getByRole("button", { name: "Save options" }).click();
  await expect(page.getByRole("status").filter({ hasText: "quota 100 MB" })).toBeVisible();

  await page.getByLabel("Unlimited").check();
  await expect(page.getByLabel("Quota (MB)")).toBeDisabled();
  await page.getByRole("button", { name: "Save options" }).click();
  await expect(page.getByRole("status").filter({ hasText: "quota unlimited" })).toBeVisible();
});

test("suspend and unsuspend login by keyboard; the list's badges follow", async ({ page }) => {
  await openMailboxTask(page, "orders@shop.example", "Options");
  await page.getByRole("checkbox", { name: "Suspend login" }).focus();
  await page.keyboard.press("Space");
  await tabTo(page, "Save options");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "login suspended" })).toBeVisible();
  await openMailboxes(page, "shop.example");
  await expect(rowOf(page, "orders@shop.example").getByText("Login suspended")).toBeVisible();

  await page.getByRole("link", { name: "orders@shop.example", exact: true }).click();
  await goToMailboxTask(page, "Options");
  await expect(page.getByRole("checkbox", { name: "Suspend login" })).toBeChecked();
  await page.getByRole("checkbox", { name: "Suspend login" }).focus();
  await page.keyboard.press("Space");
  await tabTo(page, "Save options");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "login allowed" })).toBeVisible();
  await openMailboxes(page, "shop.example");
  await expect(rowOf(page, "orders@shop.example").getByText("Login suspended")).toHaveCount(0);
});

test.describe("in Stockholm", () => {
  // Dates are written in the reader's locale: British English here.
  test.use({ timezoneId: "Europe/Stockholm", locale: "en-GB" });

  test("enable an autoresponder with dates in the browser's time zone, with a preview", async ({ page }) => {
    await openMailboxTask(page, "info@shop.example", "Out of office");
    await page.getByRole("checkbox", { name: "Enable autoresponder" }).check();
    await page.getByLabel("Subject", { exact: true }).fill("Closed for the holidays");
    await page.getByLabel("Message", { exact: true }).fill("We are back on 3 January.\nOrders still ship.");
    await page.getByLabel("Start", { exact: true }).fill("2030-12-23T09:00");
    // End before start is refused beside the field.
    await page.getByLabel("End", { exact: true }).fill("2030-12-20T17:00");
    // Said at once, before saving (issue 16); the server refuses it too.
    await expect(page.getByRole("alert").filter({ hasText: "The end must be after the start" })).toBeVisible();
    await page.getByRole("button", { name: "Save autoresponder" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention." })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "The end must be after the start" })).toBeVisible();
    await expect(page.getByLabel("End", { exact: true })).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("End", { exact: true }).fill("2031-01-02T17:00");
    const preview = page.getByRole("region", { name: "Preview of the reply" });
    await expect(preview).toContainText("Subject: Closed for the holidays");
    await expect(preview).toContainText("from 23 Dec 2030, 09:00 until 2 Jan 2031, 17:00");
    await page.getByRole("button", { name: "Save autoresponder" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Autoresponder saved for info@shop.example." })).toBeVisible();

    // Stored as cPanel stores it (Unix seconds; 09:00 in Stockholm in December is 08:00 UTC), shown again in the same wall-clock time.
    const state = await (await fetch(`http://127.0.0.1:${EMULATOR_WHM_PORT}/__emulator/state/shopcp`)).json();
    expect(state.autoresponders.find((a: { email: string }) => a.email === "info@shop.example")).toMatchObject({
      start: Date.UTC(2030, 11, 23, 8) / 1000,
      stop: Date.UTC(2031, 0, 2, 16) / 1000,
    });
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Enable autoresponder" })).toBeChecked();
    await expect(page.getByLabel("Start", { exact: true })).toHaveValue("2030-12-23T09:00");
    await expect(page.getByLabel("End", { exact: true })).toHaveValue("2031-01-02T17:00");

    await page.getByRole("checkbox", { name: "Enable autoresponder" }).uncheck();
    await page.getByRole("button", { name: "Save autoresponder" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Autoresponder turned off for info@shop.example." })).toBeVisible();
  });
});

test("create a mailbox and delete it, by keyboard", async ({ page }) => {
  await openMailboxes(page, "shop.example");
  await page.getByLabel("Address", { exact: true }).focus();
  await page.keyboard.type("e2e-temp");
  await page.getByLabel("Password", { exact: true }).focus();
  await page.keyboard.type("Juniper-canyon-2026-kite");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Juniper-canyon-2026-kite");
  await expect(page.getByRole("meter", { name: "Password strength" })).toHaveAttribute("aria-valuetext", /Strong|Very strong/);
  await tabTo(page, "Create mailbox");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Created e2e-temp@shop.example." })).toBeVisible();
  await expect(page.getByRole("link", { name: "e2e-temp@shop.example", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "e2e-temp@shop.example", exact: true }).click();
  await expect(page.getByRole("heading", { name: "e2e-temp@shop.example", level: 1 })).toBeVisible();
  await goToMailboxTask(page, "Options");
  await expect(page.getByText(/Deleting e2e-temp@shop\.example removes the mailbox/)).toBeVisible();
  await page.getByLabel("Type e2e-temp@shop.example to confirm").focus();
  await page.keyboard.type("e2e-temp@shop.example");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Delete mailbox" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Mailboxes of shop.example" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Deleted e2e-temp@shop.example" })).toBeVisible();
  await expect(page.getByRole("link", { name: "e2e-temp@shop.example", exact: true })).toHaveCount(0);
});

test("a weak password cannot be submitted; a taken address is refused beside the field and keeps what was typed", async ({ page }) => {
  await openMailboxes(page, "shop.example");
  const submit = page.getByRole("button", { name: "Create mailbox" });
  await page.getByLabel("Address", { exact: true }).fill("orders");
  await page.getByLabel("Password", { exact: true }).fill("orders-Shop-1");
  await page.getByLabel("Confirm password").fill("orders-Shop-1");
  await expect(submit).toBeDisabled();
  await expect(submit).toHaveAccessibleDescription("The password does not meet every rule yet.");

  const password = "Juniper-quay-2026-lantern";
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(page.getByRole("alert").filter({ hasText: "orders@shop.example already exists" })).toBeVisible();
  const address = page.getByLabel("Address", { exact: true });
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await expect(address).toBeFocused();
  await expect(address).toHaveValue("orders");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue(password);
  await expect(page.getByLabel("Confirm password")).toHaveValue(password);
  // The error goes as soon as the address is edited.
  await address.fill("orders2");
  await expect(page.getByRole("alert").filter({ hasText: "orders@shop.example already exists" })).toHaveCount(0);
  await expect(address).not.toHaveAttribute("aria-invalid", "true");
});

test("the changed pages pass an axe scan", async ({ page }) => {
  await openMailboxTask(page, "dev@shop.example", "Options");
  await page.getByLabel("Quota (MB)").fill("10");
  await expect(page.getByLabel("Set it below usage anyway")).toBeVisible();
  await expectNoViolations(page);
  await goToMailboxTask(page, "Out of office");
  await page.getByRole("checkbox", { name: "Enable autoresponder" }).check();
  await expectNoViolations(page);
  await openMailboxes(page, "shop.example");
  // With every field error shown (the create form's empty submit).
  await page.getByRole("button", { name: "Create mailbox" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter the part before the @" })).toBeVisible();
  await expectNoViolations(page);
});
