import "server-only";
import { hashPassword, passwordHashNeedsRehash, verifyDummyPassword, verifyPassword } from "@/lib/auth/password-hash";
import { findCredentialsByEmail, recordFailedPassword, recordPassedPassword, type User } from "@/lib/db/users";

/**
 * The user whose email and panel password match, or null. A locked user is returned too (with `lockedAt` set) so
 * the caller can say so; the caller must refuse the sign-in. An unknown email still costs one argon2 verification,
 * so timing does not reveal which emails exist. Records the outcome (failed count, last sign-in) and upgrades an
 * outdated hash.
 */
export async function verifyUserPassword(email: string, password: string): Promise<User | null> {
  const found = await findCredentialsByEmail(email);
  const ok = found ? await verifyPassword(found.passwordHash, password) : await verifyDummyPassword(password);
  if (!found || !ok) {
    await recordFailedPassword(found?.user.id ?? null);
    return null;
  }
  if (found.user.lockedAt !== null) return found.user;
  const rehash = passwordHashNeedsRehash(found.passwordHash) ? await hashPassword(password) : undefined;
  return recordPassedPassword(found.user.id, rehash);
}
