import { existsSync, readFileSync } from "node:fs";
import { SECRETS_FILE, SERVER_LOG } from "./support/secrets";
import { storageState } from "./support/users";

/** The cookie values of the run's saved sign-ins (session tokens, next-auth's CSRF token): secrets as much as a password. */
function savedCookieValues(): string[] {
  return (
    Object.values(storageState)
      .filter((file) => existsSync(file))
      .flatMap((file) => (JSON.parse(readFileSync(file, "utf8")) as { cookies?: { name: string; value: string }[] }).cookies ?? [])
      // Not next-auth.callback-url: it is only the panel's own address.
      .filter((cookie) => /session-token|csrf-token/.test(cookie.name))
      .map((cookie) => cookie.value)
      .flatMap((value) => [value, decodeURIComponent(value)])
  );
}

/** After the run: the panel's and the emulator's output must not contain any password, token or session cookie of the run. */
export default function globalTeardown() {
  if (!existsSync(SECRETS_FILE)) return;
  const log = existsSync(SERVER_LOG) ? readFileSync(SERVER_LOG, "utf8") : "";
  if (!log) throw new Error(`The server's output was not captured at ${SERVER_LOG}`);
  const typed = readFileSync(SECRETS_FILE, "utf8").split("\n");
  const cookies = savedCookieValues();
  if (cookies.length === 0) throw new Error("No saved sign-in cookies to check: e2e/auth.setup.ts did not run?");
  const leaked = [...typed, ...cookies].filter((secret) => secret.length >= 6 && log.includes(secret));
  if (leaked.length > 0)
    throw new Error(`The server printed ${leaked.length} secret(s) of this run — typed passwords, tokens or session cookies (see ${SERVER_LOG}).`);
}
