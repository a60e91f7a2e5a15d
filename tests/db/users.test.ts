import { describe, expect, it, vi } from "vitest";
import {
  bumpSessionVersion,
  createUser,
  DuplicateEmailError,
  findUserByEmail,
  findUserById,
  listUsers,
  setUserLocked,
  setUserPassword,
  setUserRole,
} from "@/lib/db/users";
import { verifyUserPassword } from "@/lib/auth/verify-password";
import { ENGINES, setTestEnv, withTestDatabase } from "./engines";

setTestEnv();

// Counts argon2 verifications (passing them through), to prove an unknown email costs one too.
const argon2Calls = vi.hoisted(() => ({ verify: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      argon2Calls.verify++;
      return real.verify(...args);
    },
  };
});

describe.each(ENGINES)("users on %s", (engine) => {
  const database = withTestDatabase(engine);

  it("creates a user with an argon2id hash and finds them by id and by email in any case", async () => {
    const user = await createUser({ email: "  Alice@Example.COM ", name: "Alice", role: "customer", password: "Correct-horse-1" });
    expect(user).toMatchObject({ email: "alice@example.com", name: "Alice", role: "customer", sessionVersion: 1, lockedAt: null });
    expect(user.id).toMatch(/^usr_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(user).not.toHaveProperty("passwordHash");
    expect(await findUserById(user.id)).toEqual(user);
    expect(await findUserByEmail("ALICE@example.com")).toEqual(user);
    expect(await findUserByEmail("nobody@example.com")).toBeNull();
    expect(await findUserById("usr_missing")).toBeNull();

    const row = await database.current().handle.db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain("Correct-horse-1");
  });

  it("refuses a second user with the same email, whatever its case", async () => {
    await createUser({ email: "dup@example.com", role: "support", password: "pw-1-Aaaaaaaa" });
    await expect(createUser({ email: "DUP@example.com", role: "customer", password: "pw-2-Aaaaaaaa" })).rejects.toBeInstanceOf(DuplicateEmailError);
  });

  it("rejects an unknown role, a bad email and an empty password", async () => {
    await expect(createUser({ email: "r@example.com", role: "root" as never, password: "x" })).rejects.toThrow(/role/);
    await expect(createUser({ email: "not-an-email", role: "customer", password: "x" })).rejects.toThrow(/email/);
    await expect(createUser({ email: "e@example.com", role: "customer", password: "" })).rejects.toThrow(/password/);
  });

  it("lists users by email", async () => {
    const emails = (await listUsers()).map((u) => u.email);
    expect(emails).toEqual([...emails].sort());
    expect(emails).toContain("alice@example.com");
  });

  it("verifies a password: right one gives the user, wrong one or unknown email gives null", async () => {
    const user = await verifyUserPassword("ALICE@example.com", "Correct-horse-1");
    expect(user?.email).toBe("alice@example.com");
    expect(user?.lastLoginAt).toEqual(expect.any(Number));
    expect(await verifyUserPassword("alice@example.com", "wrong")).toBeNull();
    expect((await findUserByEmail("alice@example.com"))?.failedLoginCount).toBe(1);
    expect(await verifyUserPassword("ghost@example.com", "whatever")).toBeNull();
    // A success clears the failure count.
    await verifyUserPassword("alice@example.com", "Correct-horse-1");
    expect((await findUserByEmail("alice@example.com"))?.failedLoginCount).toBe(0);
  });

  it("spends an argon2 verification on an unknown email too (no timing oracle)", async () => {
    const before = argon2Calls.verify;
    expect(await verifyUserPassword("ghost@example.com", "wrong-password")).toBeNull();
    expect(argon2Calls.verify).toBe(before + 1);
    expect(await verifyUserPassword("alice@example.com", "wrong-password")).toBeNull();
    expect(argon2Calls.verify).toBe(before + 2);
  });

  it("bumps the session version on sign-out-everywhere, role change and lock, not on unlock", async () => {
    const user = await createUser({ email: "bob@example.com", role: "customer", password: "Bob-password-1" });
    expect(await bumpSessionVersion(user.id)).toBe(2);
    const promoted = await setUserRole(user.id, "support");
    expect(promoted).toMatchObject({ role: "support", sessionVersion: 3 });
    const locked = await setUserLocked(user.id, true);
    expect(locked?.sessionVersion).toBe(4);
    expect(locked?.lockedAt).toEqual(expect.any(Number));
    const lockedAgain = await setUserLocked(user.id, true);
    expect(lockedAgain?.lockedAt).toBe(locked?.lockedAt);
    const unlocked = await setUserLocked(user.id, false);
    expect(unlocked).toMatchObject({ lockedAt: null, failedLoginCount: 0 });
    expect(unlocked?.sessionVersion).toBe(5);
    expect(await bumpSessionVersion("usr_missing")).toBeNull();
    expect(await setUserRole("usr_missing", "admin")).toBeNull();
    expect(await setUserLocked("usr_missing", true)).toBeNull();
    await expect(setUserRole(user.id, "root" as never)).rejects.toThrow(/role/);
  });

  it("returns a locked user only with the right password, with lockedAt set, for the caller to refuse", async () => {
    const user = await createUser({ email: "locked@example.com", role: "customer", password: "Locked-pass-1" });
    await setUserLocked(user.id, true);
    expect(await verifyUserPassword("locked@example.com", "nope")).toBeNull();
    expect((await verifyUserPassword("locked@example.com", "Locked-pass-1"))?.lockedAt).toEqual(expect.any(Number));
  });

  it("changes a password and signs the user out everywhere", async () => {
    const user = await createUser({ email: "carol@example.com", role: "admin", password: "Old-password-1" });
    expect(await setUserPassword(user.id, "New-password-2")).toBe(true);
    expect(await verifyUserPassword("carol@example.com", "Old-password-1")).toBeNull();
    expect((await verifyUserPassword("carol@example.com", "New-password-2"))?.sessionVersion).toBe(2);
    expect(await setUserPassword("usr_missing", "x")).toBe(false);
  });
});
