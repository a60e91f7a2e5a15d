import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";

// Low-ish cost: the emulator hashes thousands of demo passwords; this is not a production store.
const N = 4096;
const KEY_LENGTH = 32;

/** scrypt hash in the form `scrypt$N$salt$hash` (hex). */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEY_LENGTH, { N });
  return `scrypt$${N}$${salt.toString("hex")}$${hash.toString("hex")}`;
}

/** Whether `password` matches a hash made by hashPassword. */
export function verifyPassword(password: string, stored: string | null): boolean {
  if (!stored) return false;
  const [scheme, n, saltHex, hashHex] = stored.split("$");
  if (scheme !== "scrypt" || !n || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, "hex");
  const actual = scryptSync(password, Buffer.from(saltHex, "hex"), expected.length, { N: Number(n) });
  return timingSafeEqual(expected, actual);
}
