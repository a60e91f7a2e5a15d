/**
 * The Mailroom admin CLI: `npm run mailroom -- <command>` (`npm run mailroom -- help` lists them).
 * Runs under `tsx --conditions=react-server`, where `server-only` is a no-op.
 */
import { closeRateLimiter } from "../lib/auth/rate-limit";
import { closeDb } from "../lib/db/client";
import { runCli } from "./cli/main";

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
await closeDb().catch(() => undefined);
await closeRateLimiter().catch(() => undefined);
try {
  const { closeCpanelTransports } = await import("../lib/cpanel");
  await closeCpanelTransports();
} catch {
  // Nothing was opened, or the client is unavailable; nothing to close.
}
process.exit(code);
