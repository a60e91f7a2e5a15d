import { expect, test, type Page } from "@playwright/test";
import { clearFaults, injectFault } from "./support/emulator";
import { storageState } from "./support/users";
import { goToMailboxTask, mailboxTasks, openMailbox } from "./support/pages";

// old@example.com belongs to this spec only: its forwarders and autoresponder are set here and removed again.
const ADDRESS = "old@example.com";

/** Each task: its button, its URL's last segment, and the heading of the section it opens. */
const TASKS = [
  { task: "Overview", path: "", heading: "Overview" },
  { task: "Change password", path: "/password", heading: "Change password" },
  { task: "Forwarding", path: "/forwarding", heading: "Forwarding" },
  { task: "Out of office", path: "/out-of-office", heading: "Out of office" },
  { task: "Options", path: "/options", heading: "Options" },
  { task: "Set up devices", path: "/devices", heading: "Set up devices" },
  { task: "Secure", path: "/secure", heading: "Secure this mailbox" },
] as const;

test.use({ storageState: storageState.customer });

const summary = (page: Page) => page.getByRole("list", { name: `Summary of ${ADDRESS}` });

/** The mailbox's own URL (/accounts/A/email/old%40example.com), read from the page a person reached by clicking. */
async function mailboxUrl(page: Page): Promise<string> {
  await openMailbox(page, ADDRESS);
  return new URL(page.url()).pathname;
}

async function expectNoSideScroll(page: Page) {
  const size = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(size.scroll, `${page.url()} is ${size.scroll}px wide in a ${size.client}px window`).toBeLessThanOrEqual(size.client);
}

test.describe("in London", () => {
  test.use({ viewport: { width: 1366, height: 900 }, locale: "en-GB", timezoneId: "Europe/London" });

  test("the summary shows forwarding and out of office once they are set", async ({ page }) => {
    await openMailbox(page, ADDRESS);
    await expect(summary(page).getByText("No forwarding", { exact: true })).toBeVisible();
    await expect(summary(page).getByText(/Out of office/)).toHaveCount(0);
    await expect(summary(page).getByText("Incoming suspended", { exact: true })).toBeVisible();

    await goToMailboxTask(page, "Forwarding");
    for (const destination of ["hub-e2e-1@example.net", "hub-e2e-2@example.net"]) {
      await page.getByLabel("Forward to", { exact: true }).fill(destination);
      await page.getByRole("button", { name: "Add forwarder" }).click();
      await expect(page.getByRole("list", { name: `Destinations of ${ADDRESS}` }).getByText(destination, { exact: true })).toBeVisible();
    }
    // The summary above the section follows the change without a reload.
    await expect(summary(page).getByText("Forwards to 2", { exact: true })).toBeVisible();

    await goToMailboxTask(page, "Out of office");
    await page.getByRole("checkbox", { name: "Enable autoresponder" }).check();
    await page.getByLabel("Subject", { exact: true }).fill("Away for a week");
    await page.getByLabel("Message", { exact: true }).fill("Back on 12 December.");
    await page.getByLabel("Start", { exact: true }).fill("2030-12-07T09:00");
    await page.getByLabel("End", { exact: true }).fill("2030-12-11T17:00");
    await page.getByRole("button", { name: "Save autoresponder" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Autoresponder saved for ${ADDRESS}.` })).toBeVisible();
    // Days in the reader's locale (en-GB: day before month), with the year because it is not this year.
    await expect(summary(page).getByText(/^Out of office 7\s?–\s?11 Dec 2030$/)).toBeVisible();

    // A fresh load of the overview says the same, and its sentences name what happens.
    await page.goto(await mailboxUrl(page));
    await expect(summary(page).getByText("Forwards to 2", { exact: true })).toBeVisible();
    await expect(summary(page).getByText(/^Out of office 7\s?–\s?11 Dec 2030$/)).toBeVisible();
    const overview = page.getByRole("region", { name: "Overview" });
    await expect(overview).toContainText("hub-e2e-1@example.net and hub-e2e-2@example.net");
    await expect(overview).toContainText("On: senders get the reply “Away for a week”.");

    // Put the mailbox back as the demo had it.
    await goToMailboxTask(page, "Out of office");
    await page.getByRole("checkbox", { name: "Enable autoresponder" }).uncheck();
    await page.getByRole("button", { name: "Save autoresponder" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Autoresponder turned off for ${ADDRESS}.` })).toBeVisible();
    await expect(summary(page).getByText(/Out of office/)).toHaveCount(0);
    await goToMailboxTask(page, "Forwarding");
    for (const destination of ["hub-e2e-1@example.net", "hub-e2e-2@example.net"]) {
      await page.getByRole("button", { name: `Remove forwarder to ${destination}` }).click();
      await expect(page.getByRole("button", { name: `Remove forwarder to ${destination}` })).toHaveCount(0);
    }
    await expect(summary(page).getByText("No forwarding", { exact: true })).toBeVisible();
  });

  test("each task opens its own section at its own URL, titled with the task and the mailbox; Back and Forward work", async ({ page }) => {
    const base = await mailboxUrl(page);
    for (const { task, path, heading } of TASKS) {
      await goToMailboxTask(page, task);
      await expect(page).toHaveURL((url) => url.pathname === `${base}${path}`);
      await expect(page.getByRole("heading", { name: heading, level: 2 })).toBeVisible();
      await expect(page).toHaveTitle(path ? `${task} · ${ADDRESS} · Mailroom` : `${ADDRESS} · Mailroom`);
      // One focused section: the other tasks' forms are not on the page.
      if (task !== "Change password") await expect(page.getByRole("button", { name: "Change password" })).toHaveCount(0);
      if (task !== "Options") await expect(page.getByRole("button", { name: "Save options" })).toHaveCount(0);
    }

    const current = () => mailboxTasks(page).locator('[aria-current="page"]');
    await page.goBack();
    await expect(page).toHaveURL(/\/devices$/);
    await expect(current()).toHaveText("Set up devices");
    await expect(page.getByRole("heading", { name: "Set up devices", level: 2 })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/\/options$/);
    await expect(current()).toHaveText("Options");
    await page.goForward();
    await expect(page).toHaveURL(/\/devices$/);
    await expect(current()).toHaveText("Set up devices");
  });

  test("the overview is short, and asks cPanel for no mail app settings or held mail", async ({ page }) => {
    const base = await mailboxUrl(page);
    // Were the overview to read them, it would wait a minute for these answers.
    await injectFault({ fn: "Email::get_client_settings", kind: "delay", ms: 60_000, times: 100 });
    await injectFault({ fn: "Email::get_held_message_count", kind: "delay", ms: 60_000, times: 100 });
    try {
      await page.goto(base);
      await expect(page.getByRole("heading", { name: "Overview", level: 2 })).toBeVisible();
      await expect(summary(page)).toBeVisible();
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height, "the overview's height at 1366×900").toBeLessThan(1_400);
    } finally {
      await clearFaults();
    }
  });
  // Every task page's accessibility scan is in accessibility.spec.ts ("mailbox task: …"), at both viewports.
});

for (const width of [320, 390]) {
  test.describe(`on a ${width} px phone`, () => {
    test.use({ viewport: { width, height: 844 } });

    test("the task buttons wrap inside their box and no task page scrolls sideways", async ({ page }) => {
      test.slow(); // seven pages
      const base = await mailboxUrl(page);
      for (const { path, heading } of TASKS) {
        await page.goto(`${base}${path}`);
        await expect(page.getByRole("heading", { name: heading, level: 2 })).toBeVisible();
        for (const link of await mailboxTasks(page).getByRole("link").all()) {
          const box = await link.boundingBox();
          expect(box!.x).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width).toBeLessThanOrEqual(width);
        }
        await expectNoSideScroll(page);
      }
    });

    test("host names in the device settings wrap only after a dot, never mid-word", async ({ page }) => {
      await page.goto(`${await mailboxUrl(page)}/devices`);
      // Each body row: its server as the row header, then the host name as its first cell.
      const rows = page
        .getByRole("table", { name: `Mail app settings for ${ADDRESS}` })
        .getByRole("row")
        .filter({ has: page.getByRole("cell") });
      await expect(rows).toHaveCount(2);
      for (const host of (await rows.all()).map((row) => row.getByRole("cell").first())) {
        // Each line the browser laid out, from the position of every character: all but the last end with a dot.
        const lines = await host.evaluate((cell) => {
          const byTop = new Map<number, string>();
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let i = 0; i < node.textContent!.length; i++) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const top = Math.round(range.getBoundingClientRect().top);
              byTop.set(top, (byTop.get(top) ?? "") + node.textContent![i]);
            }
          }
          return [...byTop.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
        });
        for (const line of lines.slice(0, -1)) expect(line, `a line of ${lines.join("")}`).toMatch(/\.$/);
      }
      await expectNoSideScroll(page);
    });
  });
}
