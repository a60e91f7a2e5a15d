import "server-only";
import { hash, verify } from "@node-rs/argon2";

// OWASP Password Storage Cheat Sheet, argon2id option 2: m=19 MiB, t=2, p=1.
// `algorithm: 2` is Algorithm.Argon2id; the package declares it as an ambient const enum, which
// isolatedModules cannot read.
const ARGON2ID = 2;
export const PASSWORD_HASH_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const PARAMS_TAG = `m=${PASSWORD_HASH_PARAMS.memoryCost},t=${PASSWORD_HASH_PARAMS.timeCost},p=${PASSWORD_HASH_PARAMS.parallelism}`;

/** Hashes a panel user's password with argon2id (PHC string, salt included). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, ...PASSWORD_HASH_PARAMS });
}

/** True when `password` matches the argon2 PHC `passwordHash`; false (never throws) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** True when a stored hash was made with other parameters than today's, so it should be replaced after a successful sign-in. */
export function passwordHashNeedsRehash(passwordHash: string): boolean {
  return !passwordHash.startsWith(`$argon2id$v=19$${PARAMS_TAG}$`);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, for sign-ins with an unknown email, so response
 * time does not reveal which emails have accounts.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword("mailroom-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
