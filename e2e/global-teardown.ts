import { existsSync, readFileSync } from "node:fs";
import { SECRETS_FILE, SERVER_LOG } from "./support/secrets";

/** After the run: the panel's and the emulator's output must not contain any password or token a test typed. */
export default function globalTeardown() {
  if (!existsSync(SECRETS_FILE)) return;
  const log = existsSync(SERVER_LOG) ? readFileSync(SERVER_LOG, "utf8") : "";
  if (!log) throw new Error(`The server's output was not captured at ${SERVER_LOG}`);
  const leaked = readFileSync(SECRETS_FILE, "utf8")
    .split("\n")
    .filter((secret) => secret.length >= 6 && log.includes(secret));
  if (leaked.length > 0) throw new Error(`The server printed ${leaked.length} secret(s) a test typed (see ${SERVER_LOG}).`);
}
