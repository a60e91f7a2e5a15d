import "server-only";
import { createHash } from "node:crypto";

// Keys whose values are secrets: they never enter a stored fingerprint (the panel keeps no hash of a password).
const SECRET_KEY = /password|passwd|secret|token/i;

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([k, v]) => [k, withoutSecrets(v)]),
    );
  }
  return value;
}

/**
 * What identifies a request for an idempotency key: method, path and body, minus every secret field. Two requests
 * that differ only in a password count as the same request (the key is the client's promise that they are).
 */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${path} ${JSON.stringify(withoutSecrets(body ?? null))}`)
    .digest("hex");
}
