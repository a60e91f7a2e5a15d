/**
 * `npm run screenshots`: the README's pictures (docs/screenshots/), taken in Chromium (/usr/bin/chromium) from the
 * demo at desktop (1366×900) and phone (390×844) sizes: the mailbox hub and the device setup of one mailbox.
 *
 * By default it starts its own demo on fresh databases, on the e2e's ports and under the e2e lock (the npm script
 * takes it: the build in .next is shared), and stops it afterwards. With SCREENSHOTS_BASE_URL (e.g.
 * http://localhost:3000) it uses a demo that is already running instead, and changes nothing in it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { EMULATOR_CPANEL_PORT, EMULATOR_WHM_PORT, MAIL_CATCHER_SMTP_PORT, MAIL_CATCHER_WEB_PORT, PANEL_PORT } from "../e2e/support/ports";
import { demoUsers } from "./demo/demo-data";
import { waitForHttp } from "./demo/processes";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "docs", "screenshots");
/** A mailbox of the demo with an autoresponder (seeded) and, in a fresh demo, two forwarders added here. */
const MAILBOX = "support@example.com";
const FORWARDS = ["helpdesk@example.net", "ops@example.net"];
const VIEWPORTS = [
  { name: "desktop", viewport: { width: 1366, height: 900 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
] as const;

/** `npm run demo -- --fresh` on the e2e ports; its own launcher stops the panel, emulator and mail catcher on SIGTERM. */
async function startDemo(): Promise<{ base: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn("npm", ["run", "demo", "--", "--fresh"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(PANEL_PORT),
      MAILROOM_SQLITE_PATH: "./data/screenshots/mailroom.db",
      EMULATOR_DB: ":memory:",
      EMULATOR_WHM_PORT: String(EMULATOR_WHM_PORT),
      EMULATOR_CPANEL_PORT: String(EMULATOR_CPANEL_PORT),
      MAILDEV_SMTP_PORT: String(MAIL_CATCHER_SMTP_PORT),
      MAILDEV_WEB_PORT: String(MAIL_CATCHER_WEB_PORT),
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = async () => {
    // The whole group (npm, tsx, the launcher and its children), which this script started.
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
    await exited;
  };
  const base = `http://localhost:${PANEL_PORT}`;
  try {
    await Promise.race([
      waitForHttp(`${base}/login`, 600_000),
      exited.then(() => {
        throw new Error("The demo stopped before it answered (see its output above).");
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop };
}

async function signIn(page: Page) {
  const customer = demoUsers.find((u) => u.role === "customer")!;
  await page.goto("/login");
  await page.getByLabel("Email").fill(customer.email);
  await page.getByLabel("Password").fill(customer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Hosting accounts" }).waitFor();
}

/** The mailbox's page, reached by clicking as a person does; answers its URL. */
async function openMailbox(page: Page): Promise<string> {
  const domain = MAILBOX.slice(MAILBOX.indexOf("@") + 1);
  await page.goto("/accounts");
  await page.getByRole("link", { name: domain, exact: true }).click();
  await page.getByRole("link", { name: MAILBOX, exact: true }).click();
  await page.getByRole("heading", { name: MAILBOX, level: 1 }).waitFor();
  return new URL(page.url()).pathname;
}

/** In a fresh demo, forwarding for the mailbox, so the summary shows every kind of chip. */
async function addForwarders(page: Page, mailboxPath: string) {
  await page.goto(`${mailboxPath}/forwarding`);
  for (const destination of FORWARDS) {
    await page.getByLabel("Forward to", { exact: true }).fill(destination);
    await page.getByRole("button", { name: "Add forwarder" }).click();
    await page
      .getByRole("list", { name: `Destinations of ${MAILBOX}` })
      .getByText(destination, { exact: true })
      .waitFor();
  }
}

type SignedIn = Awaited<ReturnType<BrowserContext["storageState"]>>;

async function shoot(browser: Browser, base: string, storageState: SignedIn, mailboxPath: string) {
  for (const { name, viewport } of VIEWPORTS) {
    const context = await browser.newContext({
      baseURL: base,
      viewport,
      storageState,
      locale: "en-GB",
      timezoneId: "Europe/London",
      reducedMotion: "reduce",
    });
    const page = await context.newPage();

    await page.goto(mailboxPath);
    await page.getByRole("heading", { name: "Overview", level: 2 }).waitFor();
    await page
      .getByRole("list", { name: `Summary of ${MAILBOX}` })
      .getByText(/Out of office/)
      .waitFor();
    await page.screenshot({ path: join(outDir, `mailbox-hub-${name}.png`), fullPage: true });

    await page.goto(`${mailboxPath}/devices`);
    const devices = page.getByRole("region", { name: "Set up devices" });
    await devices.getByRole("table", { name: `Mail app settings for ${MAILBOX}` }).waitFor();
    await devices.getByRole("img", { name: /QR code/ }).waitFor();
    await page.screenshot({ path: join(outDir, `device-setup-${name}.png`), fullPage: true });

    await context.close();
    console.log(`docs/screenshots/mailbox-hub-${name}.png, docs/screenshots/device-setup-${name}.png`);
  }
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  const given = process.env.SCREENSHOTS_BASE_URL;
  const demo = given ? { base: given.replace(/\/+$/, ""), stop: async () => {} } : await startDemo();
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  try {
    const context = await browser.newContext({ baseURL: demo.base });
    const page = await context.newPage();
    await signIn(page);
    const mailboxPath = await openMailbox(page);
    if (!given) await addForwarders(page, mailboxPath);
    const storageState = await context.storageState();
    await context.close();
    await shoot(browser, demo.base, storageState, mailboxPath);
  } finally {
    await browser.close();
    await demo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
