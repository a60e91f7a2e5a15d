import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { ROOT, type Stack } from "../support/stack";
import { summarize, type Timing } from "../support/stats";
import { browserCookies, CHROMIUM, CHROMIUM_ARGS } from "./big-list";

export type StrengthRow = { perKeystroke: Timing; firstEstimateMs: number; lazyFiles: { url: string; gzipBytes: number }[]; lazyGzipBytes: number };

/** gzip size of a file the build serves under /_next/static (null for anything else). */
export function staticGzipBytes(url: string): number | null {
  const path = new URL(url).pathname;
  if (!path.startsWith("/_next/static/")) return null;
  return gzipSync(readFileSync(join(ROOT, ".next", "static", decodeURIComponent(path.slice("/_next/static/".length)))), { level: 9 }).length;
}

/**
 * The strength meter on a mailbox's password page: what the browser fetches after the load event (the estimator's worker and
 * its dictionaries, gzip), and the time per keystroke from posting the password to the worker to its answer
 * (measured by wrapping the page's Worker), typing a 30-character passphrase.
 */
export async function benchStrengthMeter(stack: Stack, cookie: string): Promise<StrengthRow> {
  const base = stack.cached.base;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    await context.addCookies(browserCookies(cookie, base));
    await context.addInitScript(() => {
      const Native = window.Worker;
      const w = window as unknown as { __estimates: number[] };
      w.__estimates = [];
      window.Worker = class extends Native {
        private sent = new Map<number, number>();
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          this.addEventListener("message", (event: MessageEvent<{ id?: number }>) => {
            const at = typeof event.data?.id === "number" ? this.sent.get(event.data.id) : undefined;
            if (at !== undefined) w.__estimates.push(performance.now() - at);
          });
        }
        override postMessage(message: unknown, options?: StructuredSerializeOptions | Transferable[]) {
          const id = (message as { id?: unknown })?.id;
          if (typeof id === "number") this.sent.set(id, performance.now());
          super.postMessage(message, options as StructuredSerializeOptions);
        }
      } as typeof Worker;
    });
    const page = await context.newPage();
    const lazy = new Set<string>();
    let loaded = false;
    const note = (url: string) => {
      if (loaded && /\.js(\?|$)/.test(url)) lazy.add(url);
    };
    context.on("requestfinished", (request) => note(request.url()));
    page.on("worker", (worker) => note(worker.url()));
    const address = "box1@load0.test";
    // The password form has its own page under the mailbox's (…/email/{address}/password).
    await page.goto(`${base}/accounts/${stack.users[0]!.accountId}/email/${encodeURIComponent(address)}/password`, { waitUntil: "load" });
    loaded = true;
    const field = page.getByLabel("New password", { exact: true });
    await field.click();
    await page.waitForTimeout(1500); // the worker starts after hydration and loads its dictionaries
    await field.pressSequentially("Copper-violet-2026-dune-harbor", { delay: 150 });
    await page.waitForTimeout(500);
    const samples = await page.evaluate(() => (window as unknown as { __estimates: number[] }).__estimates);
    if (samples.length < 10) throw new Error(`the strength meter answered ${samples.length} of 30 keystrokes`);
    const lazyFiles = [...lazy].map((url) => ({ url: new URL(url).pathname, gzipBytes: staticGzipBytes(url) ?? 0 })).filter((f) => f.gzipBytes > 0);
    return {
      perKeystroke: summarize(samples.slice(1)),
      firstEstimateMs: samples[0]!,
      lazyFiles,
      lazyGzipBytes: lazyFiles.reduce((s, f) => s + f.gzipBytes, 0),
    };
  } finally {
    await browser.close();
  }
}
