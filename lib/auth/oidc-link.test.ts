import { describe, expect, it } from "vitest";
import { decideOidcLink, type LinkCandidate } from "./oidc-link";

const customer: LinkCandidate = { id: "usr_customer", role: "customer", locked: false, twoFactorEnabled: false };
const verified = { sub: "portal-1", email: "Customer@Example.com ", email_verified: true, name: "Pat Customer" };
const off = { createCustomers: false };
const on = { createCustomers: true };

describe("decideOidcLink", () => {
  it("signs a verified e-mail in as the panel login that has it", () => {
    expect(decideOidcLink(verified, customer, off)).toEqual({ kind: "sign_in", userId: "usr_customer" });
  });

  it("takes the string 'true' that some portals send as verified", () => {
    expect(decideOidcLink({ ...verified, email_verified: "true" }, customer, off)).toEqual({ kind: "sign_in", userId: "usr_customer" });
  });

  it("refuses an unverified e-mail, even one a panel login has, and even when creating customers", () => {
    for (const email_verified of [false, "false", undefined, 1]) {
      expect(decideOidcLink({ ...verified, email_verified }, customer, on)).toEqual({ kind: "refuse", code: "sso_unverified" });
      expect(decideOidcLink({ ...verified, email_verified }, null, on)).toEqual({ kind: "refuse", code: "sso_unverified" });
    }
  });

  it("refuses a sign-in without a usable e-mail", () => {
    expect(decideOidcLink({ sub: "x", email_verified: true }, null, on)).toEqual({ kind: "refuse", code: "sso_no_email" });
    expect(decideOidcLink({ sub: "x", email: "not an address", email_verified: true }, null, on)).toEqual({ kind: "refuse", code: "sso_no_email" });
  });

  it("refuses an unknown e-mail unless the panel creates customers", () => {
    expect(decideOidcLink(verified, null, off)).toEqual({ kind: "refuse", code: "sso_unknown" });
  });

  it("creates a customer login for an unknown verified e-mail when configured to, with the address normalised", () => {
    expect(decideOidcLink(verified, null, on)).toEqual({ kind: "create_customer", email: "customer@example.com", name: "Pat Customer" });
    expect(decideOidcLink({ ...verified, name: "  " }, null, on)).toEqual({ kind: "create_customer", email: "customer@example.com", name: null });
  });

  it("never creates a login for an e-mail that already has one (it links instead)", () => {
    expect(decideOidcLink(verified, customer, on)).toEqual({ kind: "sign_in", userId: "usr_customer" });
  });

  it("refuses a locked login, whatever its role", () => {
    expect(decideOidcLink(verified, { ...customer, locked: true }, on)).toEqual({ kind: "refuse", code: "sso_locked" });
    expect(decideOidcLink(verified, { id: "usr_s", role: "support", locked: true, twoFactorEnabled: true }, off)).toEqual({
      kind: "refuse",
      code: "sso_locked",
    });
  });

  it("asks staff with two-factor sign-in for their code before any session", () => {
    expect(decideOidcLink(verified, { id: "usr_s", role: "support", locked: false, twoFactorEnabled: true }, off)).toEqual({
      kind: "second_factor",
      userId: "usr_s",
    });
    expect(decideOidcLink(verified, { id: "usr_a", role: "admin", locked: false, twoFactorEnabled: true }, off)).toEqual({
      kind: "second_factor",
      userId: "usr_a",
    });
  });

  it("lets staff without two-factor sign-in in only as far as the password path does (its setup page)", () => {
    expect(decideOidcLink(verified, { id: "usr_s", role: "support", locked: false, twoFactorEnabled: false }, off)).toEqual({
      kind: "sign_in",
      userId: "usr_s",
    });
  });

  it("a customer who turned on two-factor sign-in keeps it: the portal replaces the password, not the code", () => {
    expect(decideOidcLink(verified, { ...customer, twoFactorEnabled: true }, off)).toEqual({ kind: "second_factor", userId: "usr_customer" });
  });
});
