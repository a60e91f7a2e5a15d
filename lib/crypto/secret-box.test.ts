import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

const key = randomBytes(32);

describe("secret box", () => {
  it("round-trips a secret, with a fresh IV each time", () => {
    const a = sealSecret("MAILROOMDEVWHMROOTTOKEN000000000", { key });
    const b = sealSecret("MAILROOMDEVWHMROOTTOKEN000000000", { key });
    expect(a).not.toBe(b);
    expect(a).not.toContain("MAILROOM");
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(openSecret(a, { key })).toBe("MAILROOMDEVWHMROOTTOKEN000000000");
    expect(openSecret(sealSecret("ünïcødé ✓", { key }), { key })).toBe("ünïcødé ✓");
  });

  it("fails on another key, another context, or a tampered value, without echoing it", () => {
    const sealed = sealSecret("token", { key, context: "srv_1" });
    expect(openSecret(sealed, { key, context: "srv_1" })).toBe("token");
    expect(() => openSecret(sealed, { key: randomBytes(32), context: "srv_1" })).toThrow(/Cannot decrypt/);
    expect(() => openSecret(sealed, { key, context: "srv_2" })).toThrow(/Cannot decrypt/);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => openSecret(parts.join("."), { key, context: "srv_1" })).toThrow(/Cannot decrypt/);
    expect(() => openSecret("plain-token", { key })).toThrow(/unknown format/);
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => sealSecret("x", { key: randomBytes(16) })).toThrow(/32 bytes/);
  });
});
