import { expect, test, type Page } from "@playwright/test";
import { storageState } from "./support/users";
import { openMailboxes, openMailboxTask } from "./support/pages";

// Issue 16, item 10: the panel looks and behaves the same everywhere, on a desktop and on a phone.

/** The panel's header: the brand link, and Sign out (signed in) or Sign in (a visitor). */
async function expectShell(page: Page, signedIn: boolean) {
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Mailroom", exact: true })).toBeVisible();
  if (signedIn) await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
  else await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
}

/** Every visible button: wraps between words only (never inside one), and its text fits in it. */
async function expectButtonsKeepWords(page: Page) {
  const broken = await page.getByRole("button").evaluateAll((buttons) =>
    buttons
      .filter((b) => (b as HTMLElement).offsetParent !== null)
      .filter((b) => {
        const style = getComputedStyle(b);
        return style.wordBreak === "break-all" || style.overflowWrap !== "normal" || b.scrollWidth > b.clientWidth + 1;
      })
      .map((b) => b.textContent?.trim()),
  );
  expect(broken).toEqual([]);
}

/** Inputs, selects and buttons share one height (2.5rem), so side by side they line up. */
async function expectOneControlHeight(page: Page) {
  const heights = await page.locator("input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, button").evaluateAll((controls) =>
    controls
      .filter((c) => (c as HTMLElement).offsetParent !== null)
      .map((c) => ({
        tag: c.tagName,
        name: c.getAttribute("name") ?? c.textContent?.trim(),
        height: Math.round(c.getBoundingClientRect().height),
      })),
  );
  expect(heights.length).toBeGreaterThan(0);
  expect(heights.filter((h) => (h.tag === "BUTTON" ? h.height < 40 : h.height !== 40))).toEqual([]);
}

/** The help text under fields (what an input's aria-describedby names, errors aside) has one size. */
async function expectOneHelpTextSize(page: Page) {
  const sizes = await page.locator("input, select, textarea").evaluateAll((fields) => {
    const found = new Set<string>();
    for (const field of fields) {
      for (const id of (field.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean)) {
        const hint = document.getElementById(id);
        if (!hint || id.endsWith("-error") || hint.closest('[role="alert"]')) continue;
        found.add(getComputedStyle(hint).fontSize);
      }
    }
    return [...found];
  });
  expect(sizes).toEqual(["14px"]);
}

for (const viewport of [
  { name: "desktop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test.describe(`on a ${viewport.name}`, () => {
    test.use({ viewport });
    // The phone runs what its width changes (the shell, control sizes, words kept whole, help text); the checklist,
    // undo, the autoresponder's dates and date formats take the same path at any size, so they run on the desktop.
    const desktop = viewport.name === "desktop";

    test.describe("as a visitor", () => {
      test("a page that does not exist has the panel's shell and is titled Not found", async ({ page }) => {
        const response = await page.goto("/no-such-page");
        expect(response?.status()).toBe(404);
        await expectShell(page, false);
        await expect(page).toHaveTitle("Not found · Mailroom");
      });
    });

    test.describe("as a customer", () => {
      test.use({ storageState: storageState.customer });

      test("the two-factor page and a 404 have the panel's shell; titles name the account, the mailbox or Not found", async ({ page }) => {
        await page.goto("/security/two-factor");
        await expectShell(page, true);
        await expect(page.getByRole("banner").getByRole("link", { name: "Accounts", exact: true })).toBeVisible();

        await page.goto("/no-such-page");
        await expectShell(page, true);
        await expect(page).toHaveTitle("Not found · Mailroom");
        await page.goto("/accounts/acct_nope/email");
        await expect(page).toHaveTitle("Not found · Mailroom");

        await openMailboxes(page, "example.com");
        await expect(page).toHaveTitle("Mailboxes of example.com · Mailroom");
        const tabs = page.getByRole("navigation", { name: "Account" });
        await tabs.getByRole("link", { name: "Forwarders" }).click();
        await expect(page).toHaveTitle("Forwarders of example.com · Mailroom");
        await tabs.getByRole("link", { name: "Activity" }).click();
        await expect(page).toHaveTitle("Activity on example.com · Mailroom");
        await openMailboxTask(page, "info@example.com", "Forwarding");
        await expect(page).toHaveTitle(/info@example\.com/);
      });

      test("controls share one height, help text one size, and buttons keep their words whole", async ({ page }) => {
        await openMailboxes(page, "example.com");
        const search = page.getByRole("search");
        const [field, button] = [
          await search.getByRole("searchbox").boundingBox(),
          await search.getByRole("button", { name: "Search" }).boundingBox(),
        ];
        expect(Math.round(field!.height)).toBe(Math.round(button!.height));
        await expectOneControlHeight(page);
        await expectButtonsKeepWords(page);
        await openMailboxTask(page, "info@example.com", "Forwarding");
        // The section streams in after the task's heading: measure the form, not its skeleton.
        await expect(page.getByRole("textbox", { name: "Forward to" })).toBeVisible();
        await expectOneControlHeight(page);
        await expectOneHelpTextSize(page);
        await expectButtonsKeepWords(page);
        await openMailboxTask(page, "info@example.com", "Set up devices");
        await expect(page.getByRole("textbox", { name: "Send to" })).toBeVisible();
        await expectOneHelpTextSize(page);
        await expectButtonsKeepWords(page);
      });

      if (desktop)
        test("the password checklist shows no tick before anything is typed", async ({ page }) => {
          await openMailboxTask(page, "info@example.com", "Change password");
          const rules = page.getByRole("list", { name: "Password rules" });
          await expect(rules.getByRole("listitem").first()).toBeVisible();
          expect(await rules.getByRole("listitem").filter({ hasText: "✓" }).count()).toBe(0);
          expect(await rules.getByRole("listitem").filter({ hasText: "(met)" }).count()).toBe(0);
          await page.getByLabel("New password", { exact: true }).fill("a");
          await page.getByLabel("New password", { exact: true }).fill("");
          expect(await rules.getByRole("listitem").filter({ hasText: "✓" }).count()).toBe(0);
        });

      if (desktop)
        test("removing a forwarder is undone from the banner, no confirm() needed", async ({ page }) => {
          const dialogs: string[] = [];
          page.on("dialog", (dialog) => {
            dialogs.push(dialog.message());
            void dialog.dismiss();
          });
          const destination = `undo-${viewport.name}-${Date.now()}@example.net`;
          await openMailboxTask(page, "sales@example.com", "Forwarding");
          await page.getByLabel("Forward to").fill(destination);
          await page.getByRole("button", { name: "Add forwarder" }).click();
          const list = page.getByRole("list", { name: "Destinations of sales@example.com" });
          await expect(list).toContainText(destination);
          await page.getByRole("button", { name: `Remove forwarder to ${destination}` }).click();
          const banner = page.getByRole("status").filter({ hasText: "Forwarder removed" });
          await expect(banner).toBeVisible();
          await expect(page.getByRole("button", { name: `Remove forwarder to ${destination}` })).toHaveCount(0);
          await banner.getByRole("button", { name: `Undo: forward to ${destination} again` }).click();
          await expect(page.getByRole("button", { name: `Remove forwarder to ${destination}` })).toBeVisible();
          expect(dialogs).toEqual([]);
        });

      if (desktop)
        test("an autoresponder ending before it starts is said at once, before saving", async ({ page }) => {
          await openMailboxTask(page, "jane@example.com", "Out of office");
          await page.getByRole("checkbox", { name: "Enable autoresponder" }).check();
          await page.getByLabel("Start", { exact: true }).fill("2030-12-10T09:00");
          await page.getByLabel("End", { exact: true }).fill("2030-12-09T09:00");
          await expect(page.getByRole("alert").filter({ hasText: "The end must be after the start" })).toBeVisible();
          await expect(page.getByLabel("End", { exact: true })).toHaveAttribute("aria-invalid", "true");
          await page.getByLabel("End", { exact: true }).fill("2030-12-11T09:00");
          await expect(page.getByRole("alert").filter({ hasText: "The end must be after the start" })).toHaveCount(0);
          await expect(page.getByLabel("End", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
        });

      if (desktop)
        test("dates are written one way, in the reader's locale and time zone", async ({ page }) => {
          await openMailboxes(page, "example.com");
          await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Activity" }).click();
          await expect(page.getByRole("heading", { name: "Activity on example.com", level: 1 })).toBeVisible();
          const times = page.locator("main time");
          await expect(times.first()).toBeVisible();
          // After hydration every date is the browser's own format of the instant in `dateTime`.
          await expect
            .poll(() =>
              times.evaluateAll((elements) =>
                elements
                  .map((el) => ({
                    shown: el.textContent,
                    expected: new Intl.DateTimeFormat(navigator.language, { dateStyle: "medium", timeStyle: "short" }).format(
                      new Date(el.getAttribute("datetime")!),
                    ),
                  }))
                  .filter((t) => t.shown !== t.expected),
              ),
            )
            .toEqual([]);
        });
    });

    test.describe("as support", () => {
      test.use({ storageState: storageState.support });

      test("a reason that is too short gets the panel's error, not the browser's bubble", async ({ page }) => {
        await openMailboxTask(page, "info@example.net", "Forwarding", "example.net");
        const reason = page.getByLabel("Reason (for the audit log)");
        await expect(reason).toHaveAttribute("aria-required", "true");
        await page.getByLabel("Forward to").fill(`short-reason-${viewport.name}@example.org`);
        await reason.fill("short");
        await page.getByRole("button", { name: "Add forwarder" }).click();
        await expect(page.getByRole("alert").filter({ hasText: "at least 10 characters" }).first()).toBeVisible();
        expect(await reason.evaluate((el) => (el as HTMLInputElement).validity.valid)).toBe(true);
        await expect(reason).toHaveAttribute("aria-invalid", "true");
        await expectOneHelpTextSize(page);
      });
    });
  });
}
