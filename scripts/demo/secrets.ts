import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

type DemoSecrets = { AUTH_SECRET: string; MAILROOM_ENCRYPTION_KEY: string };

/**
 * The demo's own secrets: made once per checkout and kept (mode 0600) beside the demo database,
 * so a restarted demo can still read the server token it encrypted and keeps its sessions.
 */
export function demoSecrets(file: string): DemoSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DemoSecrets;
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64"), MAILROOM_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
