import { expect, test, type Page } from "@playwright/test";
import { storageState } from "./support/users";
import { expectNoViolations, openMailboxTask } from "./support/pages";

// This spec touches only info@example.com's forwarders and new fwd-e2e-…@shop.example addresses (one demo serves every spec).
test.use({ storageState: storageState.customer });

const forwardTo = (page: Page) => page.getByLabel("Forward to", { exact: true });

test("a customer adds and removes a forwarder on info@example.com with the keyboard only", async ({ page }) => {
  await openMailboxTask(page, "info@example.com", "Forwarding");
  const destination = "fwd-e2e-keyboard@example.net";
  await expect(page.getByText("Mail to info@example.com is kept in this mailbox and not forwarded.", { exact: true })).toBeVisible();

  await forwardTo(page).focus();
  await page.keyboard.type(destination);
  await page.keyboard.press("Tab");
  const add = page.getByRole("button", { name: "Add forwarder" });
  await expect(add).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `A copy stays in this mailbox and is also sent to ${destination}.` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Destinations of info@example.com" }).getByText(destination, { exact: true })).toBeVisible();
  await expect(forwardTo(page)).toHaveValue("");

  // Back from the field to the remove button, as a keyboard user would.
  const remove = page.getByRole("button", { name: `Remove forwarder to ${destination}` });
  await forwardTo(page).focus();
  for (let i = 0; i < 6 && !(await remove.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Shift+Tab");
  await expect(remove).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Forwarder removed." })).toBeVisible();
  await expect(remove).toHaveCount(0);
  await expect(forwardTo(page)).toBeFocused();
  await expect(page.getByText("Mail to info@example.com is kept in this mailbox and not forwarded.", { exact: true })).toBeVisible();
});

test("an invalid address and a loop are refused beside the field, and nothing is added", async ({ page }) => {
  await openMailboxTask(page, "info@example.com", "Forwarding");
  const field = forwardTo(page);

  await field.fill("not an address");
  await page.getByRole("button", { name: "Add forwarder" }).click();
  const error = page.locator("#forward-to-error");
  await expect(error).toHaveRole("alert");
  await expect(error).toContainText("is not a full email address");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAttribute("aria-describedby", /forward-to-error/);

  // hello@example.com already forwards to info@example.com (demo data): the server finds the circle.
  await field.fill("hello@example.com");
  await page.getByRole("button", { name: "Add forwarder" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "would send mail in a circle: info@example.com → hello@example.com → info@example.com" }),
  ).toBeVisible();
  await expect(field).toHaveValue("hello@example.com");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("button", { name: "Remove forwarder to hello@example.com" })).toHaveCount(0);

  await field.fill("info@example.com");
  await page.getByRole("button", { name: "Add forwarder" }).click();
  await expect(error).toContainText("can't be forwarded to itself");
});

test("the account's forwarders page shows every kind, and adds and removes a bounce for an address without a mailbox", async ({ page }) => {
  await page.goto("/accounts");
  await page.getByRole("link", { name: "shop.example", exact: true }).click();
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Forwarders" }).click();
  await expect(page.getByRole("heading", { name: "Forwarders of shop.example", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Forwarders" })).toHaveAttribute("aria-current", "page");

  const forwarded = page.getByRole("list", { name: "Forwarded addresses" });
  await expect(forwarded.getByText("Mail to gone@shop.example is not stored; it is bounced back to the sender")).toBeVisible();
  await expect(forwarded.getByText("Mail to noreply@shop.example is not stored; it is discarded without telling the sender.")).toBeVisible();
  await expect(forwarded.getByText("Program /home/shopcp/bin/order-hook.sh", { exact: true })).toBeVisible();
  await expect(forwarded.getByText("Only support can set one up; you can remove it.").first()).toBeVisible();
  await expect(page.getByRole("list", { name: "Domain forwarders" }).getByText("example.com", { exact: true })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Pass to a program/ })).toHaveCount(0);
  await expectNoViolations(page);

  const address = `fwd-e2e-${Date.now()}@shop.example`;
  await page.getByLabel("Address", { exact: true }).fill(address);
  await page.getByRole("radio", { name: /Bounce back to the sender/ }).check();
  await page.getByLabel("Bounce message").fill("This address is closed; write to orders@shop.example");
  await page.getByRole("button", { name: "Add forwarder" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Forwarder added for ${address}.` })).toBeVisible();
  await expect(forwarded.getByText(`Mail to ${address} is not stored; it is bounced back to the sender with the message`)).toBeVisible();
  await expectNoViolations(page);

  await page.getByRole("button", { name: `Remove bounce of ${address}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Forwarder removed." })).toBeVisible();
  await expect(page.getByRole("heading", { name: address })).toHaveCount(0);
});

test("the mailbox page with a forwarding error passes an accessibility scan", async ({ page }) => {
  await openMailboxTask(page, "info@example.com", "Forwarding");
  await forwardTo(page).fill('"quoted name"@example.net');
  await page.getByRole("button", { name: "Add forwarder" }).click();
  await expect(page.locator("#forward-to-error")).toContainText("quoted addresses");
  await expectNoViolations(page);
});
