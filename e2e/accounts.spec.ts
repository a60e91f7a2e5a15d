import { expect, test, type Page } from "@playwright/test";
import { storageState } from "./support/users";

async function accountLinkHref(page: Page, domain: string): Promise<string> {
  const href = await page.getByRole("link", { name: domain, exact: true }).getAttribute("href");
  if (!href) throw new Error(`No link for ${domain}`);
  return href;
}

test.describe("as a customer", () => {
  test.use({ storageState: storageState.customer });

  test("sees only their own hosting accounts", async ({ page }) => {
    await page.goto("/accounts");
    await expect(page.getByRole("link", { name: "example.com", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "shop.example", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "example.net", exact: true })).toHaveCount(0);
    await expect(page.getByRole("status")).toHaveText("2 accounts.");
  });

  test("another customer's account is a 404, as is a made-up one", async ({ page, browser }) => {
    const staff = await browser.newContext({ storageState: storageState.support });
    const staffPage = await staff.newPage();
    await staffPage.goto("/accounts?q=othernet");
    const foreign = await accountLinkHref(staffPage, "example.net");
    await staff.close();

    const response = await page.goto(foreign);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

    const mailbox = await page.goto(`${foreign}/info%40example.net`);
    expect(mailbox?.status()).toBe(404);

    const madeUp = await page.goto("/accounts/acct_00000000000000000000000000/email");
    expect(madeUp?.status()).toBe(404);
  });
});

test.describe("as support", () => {
  test.use({ storageState: storageState.support });

  test("sees every account and can search by domain, cPanel user or owner email", async ({ page }) => {
    await page.goto("/accounts");
    for (const domain of ["example.com", "shop.example", "example.net"]) {
      await expect(page.getByRole("link", { name: domain, exact: true })).toBeVisible();
    }
    const search = page.getByRole("searchbox", { name: "Search accounts" });

    await search.fill("other@example.net");
    await search.press("Enter");
    await expect(page.getByRole("status")).toHaveText("1 account match “other@example.net”.");
    await expect(page.getByRole("link", { name: "example.net", exact: true })).toBeVisible();

    await page.getByRole("searchbox", { name: "Search accounts" }).fill("shopcp");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("link", { name: "shop.example", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "example.com", exact: true })).toHaveCount(0);
  });

  test("opens any customer's mailboxes", async ({ page }) => {
    await page.goto("/accounts?q=example.net");
    await page.getByRole("link", { name: "example.net", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Mailboxes of example.net" })).toBeVisible();
    await expect(page.getByRole("link", { name: "info@example.net" })).toBeVisible();
  });
});
