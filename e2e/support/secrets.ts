import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

/** Every secret a test types (mailbox passwords, API tokens) is listed here; the teardown checks the server never printed one. */
export const SECRETS_FILE = "data/e2e/typed-secrets.txt";
export const SERVER_LOG = "data/e2e/server.log";

export function rememberSecret(secret: string): string {
  mkdirSync(dirname(SECRETS_FILE), { recursive: true });
  appendFileSync(SECRETS_FILE, `${secret}\n`);
  return secret;
}
