import { defineConfig } from "@playwright/test";
import { EMULATOR_CPANEL_PORT, EMULATOR_WHM_PORT, MAIL_CATCHER_SMTP_PORT, MAIL_CATCHER_WEB_PORT, PANEL_PORT as PORT } from "./e2e/support/ports";
import { OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ISSUER, OIDC_LABEL, OIDC_PROVIDER_PORT } from "./e2e/support/oidc-portal";

/**
 * e2e against the production build (`next build` + `next start`) and the emulator, started together by
 * the demo launcher on fresh databases. Chromium is Debian's (/usr/bin/chromium): no browser download.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
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
      command: "mkdir -p data/e2e && rm -f data/e2e/typed-secrets.txt && npm run demo -- --fresh 2>&1 | tee data/e2e/server.log",
      url: `http://localhost:${PORT}/login`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        MAILROOM_SQLITE_PATH: "./data/e2e/mailroom.db",
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
