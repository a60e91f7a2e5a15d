import { describe, expect, it } from "vitest";
import { hashPassword, passwordHashNeedsRehash, verifyDummyPassword, verifyPassword } from "./password-hash";

describe("password hashing", () => {
  it("hashes with argon2id at m=19456, t=2, p=1, salted", async () => {
    const a = await hashPassword("Demo-customer-2026");
    const b = await hashPassword("Demo-customer-2026");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(passwordHashNeedsRehash(a)).toBe(false);
  });

  it("verifies the right password only", async () => {
    const hash = await hashPassword("Demo-customer-2026");
    expect(await verifyPassword(hash, "Demo-customer-2026")).toBe(true);
    expect(await verifyPassword(hash, "demo-customer-2026")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("answers false, not an exception, for a malformed hash", async () => {
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });

  it("flags hashes made with weaker parameters for rehashing", () => {
    expect(passwordHashNeedsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdA$aGFzaA")).toBe(true);
    expect(passwordHashNeedsRehash("$2b$10$abcdefghijklmnopqrstuv")).toBe(true);
  });

  it("has a dummy verification that always fails", async () => {
    expect(await verifyDummyPassword("mailroom-dummy-password-for-timing")).toBe(false);
  });
});
