/**
 * Ports and folders of one e2e stack (the panel, its emulator, mail catcher and OpenID provider), apart from the
 * demo's defaults so a running demo doesn't collide. `npm run test:e2e` runs the specs on several stacks at once
 * (scripts/e2e.ts sets E2E_SHARD to 0, 1, …): each shard's ports are 200 higher and its data and sign-ins live apart.
 * Without E2E_SHARD (`npx playwright test e2e/x.spec.ts`) it is shard 0.
 */
function shardFromEnv(): number {
  const value = process.env.E2E_SHARD ?? "0";
  if (!/^[0-9]$/.test(value)) throw new Error(`E2E_SHARD must be a digit 0–9, not "${value}"`);
  return Number(value);
}

export const SHARD = shardFromEnv();
const OFFSET = SHARD * 200;

export const PANEL_PORT = 3100 + OFFSET;
export const EMULATOR_WHM_PORT = 12087 + OFFSET;
export const EMULATOR_CPANEL_PORT = 12083 + OFFSET;
/** The mail catcher (maildev) the demo launcher starts for the run: SMTP for the panel, HTTP for the tests. */
export const MAIL_CATCHER_SMTP_PORT = 12025 + OFFSET;
export const MAIL_CATCHER_WEB_PORT = 12080 + OFFSET;
/** The local OpenID Connect provider (e2e/support/oidc-provider.ts). */
export const OIDC_PROVIDER_PORT = 12090 + OFFSET;
/** The two-instance cluster of e2e/cluster.spec.ts: panels on this port and the next, and its own emulator. */
export const CLUSTER_FIRST_PORT = 3110 + OFFSET;
export const CLUSTER_EMULATOR_WHM_PORT = 12187 + OFFSET;
export const CLUSTER_EMULATOR_CPANEL_PORT = 12183 + OFFSET;

/** The stack's panel database, server log and typed secrets. */
export const DATA_DIR = SHARD === 0 ? "data/e2e" : `data/e2e-${SHARD}`;
/** The saved sign-ins of e2e/auth.setup.ts. */
export const AUTH_DIR = SHARD === 0 ? "e2e/.auth" : `e2e/.auth/shard-${SHARD}`;
/** Playwright's output (traces of failures): Playwright empties it when a run starts, so each stack has its own. */
export const OUTPUT_DIR = SHARD === 0 ? "test-results" : `test-results/shard-${SHARD}`;
