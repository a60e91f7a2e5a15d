import { expect, test, type Page } from "@playwright/test";
import { clearFaults, injectFault } from "./support/emulator";
import { rememberSecret } from "./support/secrets";
import { storageState } from "./support/users";

/** A phone: nothing on the page may be wider than the screen. */
async function expectNoSideScroll(page: Page) {
  const size = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // Name the innermost element that sticks out, so a failure says what to fix.
    const wide = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > client + 0.5);
    const culprit = wide.find((el) => ![...el.children].some((child) => wide.includes(child)));
    const name = culprit
      ? `${culprit.tagName.toLowerCase()}.${[...culprit.classList].join(".")} "${(culprit.textContent ?? "").trim().slice(0, 60)}"`
      : "";
    return { scroll: document.documentElement.scrollWidth, client, name };
  });
  expect(size.scroll, `${page.url()} is ${size.scroll}px wide in a ${size.client}px window (${size.name})`).toBeLessThanOrEqual(size.client);
}

async function visit(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectNoSideScroll(page);
}

async function accountPath(page: Page, domain: string) {
  await page.goto("/accounts");
  const href = await page.getByRole("link", { name: domain, exact: true }).getAttribute("href");
  if (!href) throw new Error(`No link for ${domain}`);
  return href.replace(/\/email$/, "");
}

test.describe("at 320 px no page scrolls sideways", () => {
  test.use({ viewport: { width: 320, height: 700 } });

  test("signed out", async ({ page }) => {
    await visit(page, "/login", "Sign in to Mailroom");
    await visit(page, "/forgot-password", /password/i);
  });

  test.describe("a customer's pages", () => {
    test.use({ storageState: storageState.customer });

    test("accounts, mailboxes, a mailbox, forwarders, activity and settings", async ({ page }) => {
      await visit(page, "/accounts", "Hosting accounts");
      const account = await accountPath(page, "example.com");
      await visit(page, `${account}/email`, "Mailboxes of example.com");
      await expect(page.getByRole("table", { name: "Mailboxes" })).toBeVisible();
      await visit(page, `${account}/email/info%40example.com`, "info@example.com");
      await visit(page, `${account}/forwarders`, "Forwarders of example.com");
      await visit(page, `${account}/activity`, "Activity on example.com");
      await visit(page, "/settings/api-tokens", /API tokens/);
      await visit(page, "/security/two-factor", /Two-factor/i);
    });
  });

  test.describe("support's pages", () => {
    test.use({ storageState: storageState.support });

    test("support home, an account, the audit log and the batch force-password page", async ({ page }) => {
      await visit(page, "/support?q=example", /Support/);
      await page.getByRole("link", { name: "example.com", exact: true }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSideScroll(page);
      await visit(page, "/support/audit", /Audit/);
      await visit(page, "/support/force-password", /password/i);
    });
  });

  test.describe("an admin's pages", () => {
    test.use({ storageState: storageState.admin });

    test("users and servers", async ({ page }) => {
      await visit(page, "/admin/users", /users/i);
      await visit(page, "/admin/servers", /Servers/);
    });
  });
});

for (const viewport of [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1366, height: 900 },
]) {
  test.describe(`tables on a ${viewport.name}`, () => {
    test.use({ viewport, storageState: storageState.customer });

    test.afterEach(async () => clearFaults());

    test("mailbox list and activity show every column inside the window", async ({ page }) => {
      const account = await accountPath(page, "example.com");
      // Makes sure the activity has a row, changing nothing: a password change that cPanel refuses is recorded too.
      await page.goto(`${account}/email/info%40example.com/password`);
      await injectFault({ fn: "Email::passwd_pop", kind: "status0", message: "The mail service is under maintenance.", times: 1 });
      const password = rememberSecret("Harbor-quartz-2026-lantern");
      await page.getByLabel("New password", { exact: true }).fill(password);
      await page.getByLabel("Confirm new password").fill(password);
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page.getByRole("alert").filter({ hasText: /\S/ }).first()).toBeVisible();

      for (const [path, table] of [
        [`${account}/email`, "Mailboxes"],
        [`${account}/activity`, "Changes to example.com"],
      ] as const) {
        await page.goto(path);
        const rows = page.getByRole("table", { name: table }).getByRole("row");
        await expect(rows.nth(1)).toBeVisible();
        // Every cell of the first row is on screen: the status and reason columns no longer fall off the side.
        for (const cell of await rows.nth(1).getByRole("cell").all()) {
          const box = await cell.boundingBox();
          expect(box, `a cell of ${table}`).not.toBeNull();
          expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
        }
        await expectNoSideScroll(page);
      }
    });
  });
}
