import "server-only";
import { createHash, randomBytes } from "node:crypto";

// Link tokens carry 256 random bits, so a fast hash is enough (as for session ids); only the hash is stored.

/** sha256 (hex) of a link token: what the database keeps. */
export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new random link token (base64url, 43 characters) and its hash. The token goes only into the e-mailed link. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

/** Whether a string has the shape of a link token (checked before any lookup). */
export function isLinkTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
