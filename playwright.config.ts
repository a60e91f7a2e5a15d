import { defineConfig } from "@playwright/test";
import {
  DATA_DIR,
  EMULATOR_CPANEL_PORT,
  EMULATOR_WHM_PORT,
  MAIL_CATCHER_SMTP_PORT,
  MAIL_CATCHER_WEB_PORT,
  OUTPUT_DIR,
  PANEL_PORT as PORT,
} from "./e2e/support/ports";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ISSUER, OIDC_LABEL, OIDC_PROVIDER_PORT } from "./e2e/support/oidc-portal";

/**
 * e2e against the production build (`next build` + `next start`) and the emulator, started together by
 * the demo launcher on fresh databases. Chromium is Debian's (/usr/bin/chromium): no browser download.
 * One worker per stack: the specs share the stack's state (cPanel faults, rate limits, the audit log). `npm run
 * test:e2e` (scripts/e2e.ts) runs several stacks side by side, each on its own ports (e2e/support/ports.ts) with
 * its share of the spec files; it reads each stack's JSON report (E2E_REPORT) for the per-file times.
 */
// A full run (scripts/e2e.ts) retries a failed test once and records its trace then; a single spec run by hand
// keeps the trace of any failure instead.
const retries = Number(process.env.E2E_RETRIES ?? 0);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  // Two stacks share the CI machine's two cores (scripts/e2e.ts): the longest flows (invite → set password → 2FA,
  // forgot → reset) take 20–28 s on one quiet stack.
  timeout: 45_000,
  retries,
  expect: { timeout: 10_000 },
  reporter: process.env.E2E_REPORT ? [["list"], ["json", { outputFile: process.env.E2E_REPORT }]] : [["list"]],
  outputDir: OUTPUT_DIR,
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: retries > 0 ? "on-first-retry" : "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    { name: "chromium", use: { browserName: "chromium" }, dependencies: ["setup"] },
  ],
  webServer: [
    {
      // The hosting company's portal, a real OpenID Connect provider, for single sign-on (e2e/oidc.spec.ts).
      command: "npx tsx e2e/support/oidc-provider.ts",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { OIDC_PROVIDER_PORT: String(OIDC_PROVIDER_PORT), OIDC_PANEL_URLS: `http://localhost:${PORT}` },
    },
    {
      // The output is kept so the teardown can prove no typed password or token was ever printed.
      command: `mkdir -p ${DATA_DIR} && rm -f ${DATA_DIR}/typed-secrets.txt && npm run demo -- --fresh 2>&1 | tee ${DATA_DIR}/server.log`,
      url: `http://localhost:${PORT}/login`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        MAILROOM_SQLITE_PATH: `./${DATA_DIR}/mailroom.db`,
        EMULATOR_DB: ":memory:",
        EMULATOR_WHM_PORT: String(EMULATOR_WHM_PORT),
        EMULATOR_CPANEL_PORT: String(EMULATOR_CPANEL_PORT),
        EMULATOR_CONTROL: "1",
        // The launcher starts maildev on these; the panel sends to it and e2e/support/mailbox.ts reads its inbox.
        MAILDEV_SMTP_PORT: String(MAIL_CATCHER_SMTP_PORT),
        MAILDEV_WEB_PORT: String(MAIL_CATCHER_WEB_PORT),
        // Specs inject cPanel faults behind the panel's back; the read cache would hide them (it has its own tests).
        CPANEL_READ_CACHE_SECONDS: "0",
        OIDC_ISSUER,
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
        OIDC_LABEL,
      },
    },
  ],
});
