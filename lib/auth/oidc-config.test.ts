import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

const base = { AUTH_SECRET: "test-auth-secret-0123456789-0123456789", MAILROOM_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") };
const oidc = {
  OIDC_ISSUER: "https://portal.example.net/oauth",
  OIDC_CLIENT_ID: "mailroom",
  OIDC_CLIENT_SECRET: "s3cret",
  OIDC_LABEL: "Example Hosting",
};

describe("OIDC_* configuration", () => {
  it("is off when none is set, and on with all four", () => {
    const off = parseConfig(base);
    expect(off.OIDC_ISSUER).toBeUndefined();
    expect(off.OIDC_CREATE_CUSTOMERS).toBe(false);
    expect(parseConfig({ ...base, ...oidc, OIDC_CREATE_CUSTOMERS: "1" })).toMatchObject({ ...oidc, OIDC_CREATE_CUSTOMERS: true });
  });

  it("names every missing variable when only some are set", () => {
    const error = (() => {
      try {
        parseConfig({ ...base, OIDC_ISSUER: oidc.OIDC_ISSUER, OIDC_LABEL: oidc.OIDC_LABEL });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join("\n")).toMatch(/OIDC_CLIENT_ID is required[\s\S]*OIDC_CLIENT_SECRET is required/);
  });

  it("refuses an issuer that is not a URL and an OIDC_CREATE_CUSTOMERS that is not 0/1", () => {
    expect(() => parseConfig({ ...base, ...oidc, OIDC_ISSUER: "portal" })).toThrow(/OIDC_ISSUER/);
    expect(() => parseConfig({ ...base, ...oidc, OIDC_CREATE_CUSTOMERS: "yes" })).toThrow(/OIDC_CREATE_CUSTOMERS/);
  });
});
