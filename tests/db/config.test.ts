import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

const valid = {
  AUTH_SECRET: "a".repeat(32),
  MAILROOM_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain("configuration is invalid");
    return (error as ConfigError).problems;
  }
  throw new Error("parseConfig accepted a bad environment");
}

describe("parseConfig", () => {
  it("accepts the minimum and fills in defaults", () => {
    const config = parseConfig(valid);
    expect(config.MAILROOM_SQLITE_PATH).toBe("./data/mailroom.db");
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.MAILROOM_ENCRYPTION_KEY).toHaveLength(32);
    expect(config.LOGIN_MAX_FAILURES).toBe(5);
  });

  it("accepts the encryption key as 64 hex digits too", () => {
    expect(parseConfig({ ...valid, MAILROOM_ENCRYPTION_KEY: "ab".repeat(32) }).MAILROOM_ENCRYPTION_KEY).toEqual(Buffer.alloc(32, 0xab));
  });

  it("names each missing variable", () => {
    const found = problems({});
    expect(found.some((p) => p.startsWith("AUTH_SECRET "))).toBe(true);
    expect(found.some((p) => p.startsWith("MAILROOM_ENCRYPTION_KEY "))).toBe(true);
  });

  it("treats an empty value as missing", () => {
    expect(problems({ ...valid, AUTH_SECRET: "" })).toEqual([expect.stringMatching(/^AUTH_SECRET is required/)]);
  });

  it("names each bad variable with what is wrong", () => {
    expect(problems({ ...valid, MAILROOM_ENCRYPTION_KEY: "short" })).toEqual([expect.stringMatching(/^MAILROOM_ENCRYPTION_KEY must be 32 bytes/)]);
    expect(problems({ ...valid, AUTH_SECRET: "short" })).toEqual([expect.stringMatching(/^AUTH_SECRET must be at least 32/)]);
    expect(problems({ ...valid, DATABASE_URL: "mysql://x" })).toEqual([expect.stringMatching(/^DATABASE_URL must be a postgres:\/\//)]);
    expect(problems({ ...valid, REDIS_URL: "http://x" })).toEqual([expect.stringMatching(/^REDIS_URL must be a redis:\/\//)]);
    expect(problems({ ...valid, LOGIN_MAX_FAILURES: "-1" })).toEqual([expect.stringMatching(/^LOGIN_MAX_FAILURES /)]);
  });
});
