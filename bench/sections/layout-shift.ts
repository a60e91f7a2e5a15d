import { chromium } from "playwright-core";
import { browserCookies, CHROMIUM, CHROMIUM_ARGS } from "./big-list";

export type LayoutShiftRow = { page: string; viewport: string; cls: number; loads: number };

const VIEWPORTS = [
  { name: "desktop 1350×940", width: 1350, height: 940 },
  { name: "phone 390×844", width: 390, height: 844 },
];

/**
 * Cumulative Layout Shift as Chromium defines it (web-vitals): layout-shift entries without recent input, grouped
 * into session windows (a gap of 1 s or 5 s in all ends one); the score is the largest window. Installed before
 * the page's own scripts, with buffered entries, so the shifts of streaming in are all seen. A string, not a
 * function: the bench's TypeScript loader may add helpers to a function's text that the page does not have.
 */
const OBSERVE_LAYOUT_SHIFT = `
  window.__cls = 0;
  let windowValue = 0, windowStart = 0, last = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      if (windowValue > 0 && (entry.startTime - last > 1000 || entry.startTime - windowStart > 5000)) windowValue = 0;
      if (windowValue === 0) windowStart = entry.startTime;
      windowValue += entry.value;
      last = entry.startTime;
      window.__cls = Math.max(window.__cls, windowValue);
    }
  }).observe({ type: "layout-shift", buffered: true });
`;

/**
 * CLS of each page on a desktop and a phone viewport, the worst of `loads` fresh loads each: from navigation until
 * the page has streamed in (no `aria-busy` skeleton left) and a further second of quiet.
 */
export async function benchLayoutShift(pages: { name: string; url: string; cookie?: string }[], loads = 2): Promise<LayoutShiftRow[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const rows: LayoutShiftRow[] = [];
  try {
    for (const viewport of VIEWPORTS) {
      for (const target of pages) {
        const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
        if (target.cookie) await context.addCookies(browserCookies(target.cookie, new URL(target.url).origin));
        await context.addInitScript({ content: OBSERVE_LAYOUT_SHIFT });
        let worst = 0;
        for (let i = 0; i < loads; i++) {
          const page = await context.newPage();
          await page.goto(target.url, { waitUntil: "load" });
          // A page that never stops being busy is measured all the same, after the wait.
          await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, { timeout: 15_000 }).catch(() => undefined);
          await page.waitForTimeout(1000);
          worst = Math.max(worst, await page.evaluate(() => (window as unknown as { __cls: number }).__cls));
          await page.close();
        }
        await context.close();
        rows.push({ page: target.name, viewport: viewport.name, cls: worst, loads });
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}
