import { expect, test, type Page } from "@playwright/test";
import { storageState } from "./support/users";
import { expectNoViolations, openMailbox, openMailboxes, openMailboxTask } from "./support/pages";

test("sign-in page", async ({ page }) => {
  await page.goto("/login");
  await expectNoViolations(page);
  // An empty submit: the browser's own field errors.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter your email address." })).toBeVisible();
  await expectNoViolations(page);
  // A wrong password: the server's answer.
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("Not-the-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not correct" })).toBeVisible();
  await expectNoViolations(page);
});

test("sign-in page after signing out, and the forgotten-password page", async ({ page }) => {
  await page.goto("/login?signedOut=1");
  await expect(page.getByRole("status").filter({ hasText: "You are signed out." })).toBeVisible();
  await expectNoViolations(page);
  await page.goto("/forgot-password");
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await expectNoViolations(page);
});

type Visit = { name: string; open: (page: Page) => Promise<void> };

/** Goes to `path` and waits for its level-1 heading. */
const at = (name: string, path: string, heading: string | RegExp): Visit => ({
  name,
  open: async (page) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  },
});

/** Every page of the panel, by who can see it. */
const pages: Record<keyof typeof storageState | "anonymous", Visit[]> = {
  anonymous: [
    at("sign-in", "/login", "Sign in"),
    at("signed out", "/login?signedOut=1", "Sign in"),
    at("forgot password", "/forgot-password", "Forgot your password?"),
    at("invitation link that does not work", "/invite/not-a-real-invitation-token", /./),
    at("reset link that does not work", "/reset-password/not-a-real-reset-token", /./),
    at("top-level not found", "/no-such-page", "Page not found"),
  ],
  customer: [
    at("accounts", "/accounts", "Hosting accounts"),
    { name: "mailbox list", open: (page) => openMailboxes(page, "example.com") },
    { name: "mailbox page", open: (page) => openMailbox(page, "info@example.com") },
    // Each task of the mailbox hub has its own page.
    ...["Change password", "Forwarding", "Out of office", "Options", "Set up devices", "Secure"].map((task): Visit => ({
      name: `mailbox task: ${task}`,
      open: (page) => openMailboxTask(page, "info@example.com", task),
    })),
    {
      name: "forwarders",
      open: async (page) => {
        await openMailboxes(page, "example.com");
        await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Forwarders" }).click();
        await expect(page.getByRole("heading", { name: "Forwarders of example.com", level: 1 })).toBeVisible();
      },
    },
    {
      name: "activity",
      open: async (page) => {
        await openMailboxes(page, "example.com");
        await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Activity" }).click();
        await expect(page.getByRole("heading", { name: "Activity on example.com", level: 1 })).toBeVisible();
      },
    },
    at("API tokens", "/settings/api-tokens", "API tokens"),
    at("e-mail notifications", "/settings/notifications", "E-mail notifications"),
    at("two-factor sign-in", "/security/two-factor", "Two-factor sign-in"),
    at("not found inside the panel", "/accounts/acct_nope/email", "Page not found"),
  ],
  other: [],
  support: [
    at("accounts with search", "/accounts?q=example", "Hosting accounts"),
    at("support home with search", "/support?q=example", "Support"),
    {
      name: "support's account page",
      open: async (page) => {
        await page.goto("/support?q=example.com");
        await page.getByRole("table", { name: "Matching accounts" }).getByRole("link", { name: "example.com", exact: true }).click();
        await expect(page.getByRole("heading", { name: "example.com", level: 1 })).toBeVisible();
      },
    },
    at("audit log", "/support/audit", "Audit log"),
    at("batch force-password", "/support/force-password", "Force a cPanel password change"),
    at("top senders", "/support/outgoing", "Top senders"),
  ],
  admin: [
    at("panel users", "/admin/users", "Panel users"),
    at("invitations", "/admin/users/invitations", "Invitations"),
    at("servers", "/admin/servers", "Servers"),
    at("background jobs", "/admin/jobs", "Background jobs"),
  ],
};

const desktop = { name: "desktop", width: 1366, height: 900 };
const viewports = [desktop, { name: "phone", width: 390, height: 844 }];

// One visit per page, scanned at each viewport in turn: the layout follows the window's width (CSS media queries),
// so resizing the open page scans what a phone shows without loading the page, and signing in, a second time.
test.describe("every page, on a desktop and on a phone", () => {
  for (const [who, visits] of Object.entries(pages)) {
    if (visits.length === 0) continue;
    test.describe(who, () => {
      if (who !== "anonymous") test.use({ storageState: storageState[who as keyof typeof storageState] });
      for (const visit of visits) {
        test(visit.name, async ({ page }) => {
          await page.setViewportSize(desktop);
          await visit.open(page);
          for (const viewport of viewports) {
            await test.step(`on a ${viewport.name}`, async () => {
              await page.setViewportSize(viewport);
              await expectNoViolations(page);
            });
          }
        });
      }
    });
  }
});
