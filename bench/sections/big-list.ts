import { chromium } from "playwright-core";
import { cpanelClient, closeCpanelTransports } from "../../lib/cpanel";
import { call } from "../support/http";
import { BIG_MAILBOXES, type Stack } from "../support/stack";
import { summarize, time, type Timing } from "../support/stats";

export type BigListRow = {
  panel: string;
  render: Timing;
  htmlBytes: number;
  restJson: Timing;
  restBytes: number;
  bareList: Timing;
  tti: Timing | null;
};

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Cookies for a browser context from a Cookie header value. */
export function browserCookies(cookie: string, base: string) {
  return cookie.split("; ").map((pair) => {
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
  });
}

/**
 * The mailbox list of an account with 5,000 mailboxes: server render time and HTML size of the page (one page of
 * 50 rows, searched and paged on the server), the REST list of all 5,000, the bare cPanel call, and time to
 * interactive in Chromium (navigation start → load event, then the main thread's first idle callback).
 */
export async function benchBigList(stack: Stack, cookie: string, n: number): Promise<BigListRow[]> {
  const path = `/accounts/${stack.big.accountId}/email`;
  const api = cpanelClient({
    serverId: "bench-bare-big",
    baseUrl: stack.emulator.whmUrl,
    authMode: "whm",
    username: "root",
    token: stack.emulator.whmToken,
  }).account(stack.big.cpanelUser);
  const bareList = await time(n, async () => {
    const all = await api.listMailboxes();
    if (all.length !== BIG_MAILBOXES) throw new Error(`expected ${BIG_MAILBOXES} mailboxes, got ${all.length}`);
  });
  await closeCpanelTransports();

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const rows: BigListRow[] = [];
  try {
    for (const panel of [stack.cached, stack.uncached]) {
      let htmlBytes = 0;
      const render = await time(n, async () => {
        htmlBytes = Buffer.byteLength(await call(panel.base, cookie, path));
      });
      let restBytes = 0;
      const restJson = await time(Math.max(5, Math.round(n / 2)), async () => {
        restBytes = Buffer.byteLength(await call(panel.base, cookie, `/api/v2/shared-hosting/${stack.big.accountId}/email-accounts`));
      });
      const context = await browser.newContext();
      await context.addCookies(browserCookies(cookie, panel.base));
      const samples: number[] = [];
      for (let i = 0; i < 6; i++) {
        const page = await context.newPage();
        await page.goto(`${panel.base}${path}`, { waitUntil: "load" });
        await page.getByRole("link", { name: "box0000@big.test", exact: true }).waitFor();
        const tti = await page.evaluate(
          () => new Promise<number>((resolve) => requestIdleCallback(() => resolve(performance.now()), { timeout: 5000 })),
        );
        if (i > 0) samples.push(tti); // the first load compiles and caches the JS
        await page.close();
      }
      await context.close();
      rows.push({ panel: panel.name, render, htmlBytes, restJson, restBytes, bareList, tti: summarize(samples) });
    }
  } finally {
    await browser.close();
  }
  return rows;
}
