import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DATA_DIR } from "./ports";

/** Every secret a test types (mailbox passwords, API tokens) is listed here; the teardown checks the server never printed one. */
export const SECRETS_FILE = `${DATA_DIR}/typed-secrets.txt`;
export const SERVER_LOG = `${DATA_DIR}/server.log`;

export function rememberSecret(secret: string): string {
  mkdirSync(dirname(SECRETS_FILE), { recursive: true });
  appendFileSync(SECRETS_FILE, `${secret}\n`);
  return secret;
}
