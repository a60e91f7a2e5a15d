import { describe, expect, it } from "vitest";
import { checkDestinations, MAX_DESTINATIONS_PER_ADDRESS, normalizeAddress, normalizeDomain, splitDestinations } from "./address";

describe("normalizeAddress", () => {
  it.each([
    ["info@example.com", "info@example.com"],
    ["  Info@Example.COM ", "info@example.com"],
    ["jane.doe+invoices@example.com", "jane.doe+invoices@example.com"], // plus addressing kept
    ["o'brien@example.ie", "o'brien@example.ie"],
    ["post@bücher.example", "post@xn--bcher-kva.example"], // IDN → punycode, as cPanel stores it
    ["kontakt@MÜNCHEN.de", "kontakt@xn--mnchen-3ya.de"],
    ["a@xn--bcher-kva.example", "a@xn--bcher-kva.example"],
    ["x@example.com.", "x@example.com"],
  ])("accepts %s as %s", (raw, expected) => {
    expect(normalizeAddress(raw)).toEqual({ ok: true, address: expected });
  });

  it.each([
    ["", /Enter an email address/],
    ["info", /not a full email address/],
    ["@example.com", /nothing before the @/],
    ['"john doe"@example.com', /quoted addresses/],
    ['"john"@example.com', /quoted addresses/],
    ["jöhn@example.com", /unaccented letters/],
    ["john..doe@example.com", /part before the @/],
    [".john@example.com", /part before the @/],
    ["john doe@example.com", /part before the @/],
    ["john@example", /domain after the @/],
    ["john@-example.com", /domain after the @/],
    ["john@example.com:25", /domain after the @/],
    ["john@example.com/path", /domain after the @/],
    ["john@exa mple.com", /domain after the @/],
    ["john@127.0.0.1", /domain after the @/],
    [`${"a".repeat(65)}@example.com`, /at most 64/],
    // cPanel (Exim's valiases) reads these as a program or a file, not as an address (issue 13).
    ["|/bin/sh@example.com", /program/],
    ["  |bin/x@example.com", /program/],
    ["a|b@example.com", /program/],
    ['"|/bin/sh"@example.com', /quoted addresses/],
    ["/tmp/mail@example.com", /file/],
    [":fail:@example.com", /part before the @/],
    [":blackhole:@example.com", /part before the @/],
  ])("refuses %j", (raw, message) => {
    const result = normalizeAddress(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe("normalizeDomain", () => {
  it("punycodes and lower-cases; refuses what is not a host name", () => {
    expect(normalizeDomain("Bücher.Example")).toEqual({ ok: true, domain: "xn--bcher-kva.example" });
    expect(normalizeDomain("example.org")).toEqual({ ok: true, domain: "example.org" });
    for (const bad of ["", "example", "exa_mple.com", "http://example.com", "user@example.com", "example.com:80", "1.2.3.4"]) {
      expect(normalizeDomain(bad).ok).toBe(false);
    }
  });
});

describe("checkDestinations", () => {
  const context = { source: "info@example.com", existing: ["sales@example.com", ":blackhole:"] };

  it("normalises new destinations", () => {
    expect(checkDestinations(["Boss@Bücher.example", "a+b@example.net"], context)).toEqual({
      ok: true,
      destinations: ["boss@xn--bcher-kva.example", "a+b@example.net"],
    });
  });

  it("refuses the address itself, a duplicate (in any case) and a repeat within the list, with every message", () => {
    const result = checkDestinations(["INFO@example.com", "Sales@Example.com", "x@example.net", "X@example.net", "bad"], context);
    expect(result).toEqual({
      ok: false,
      messages: [
        "Mail to info@example.com can't be forwarded to itself",
        "Mail to info@example.com already goes to sales@example.com",
        "x@example.net is in the list twice",
        expect.stringMatching(/not a full email address/),
      ],
    });
  });

  it("refuses an empty list", () => {
    expect(checkDestinations(["  "], context)).toMatchObject({ ok: false, messages: [expect.stringMatching(/Enter an email address/)] });
  });

  it(`keeps an address at ${MAX_DESTINATIONS_PER_ADDRESS} destinations`, () => {
    const existing = Array.from({ length: MAX_DESTINATIONS_PER_ADDRESS - 1 }, (_, i) => `d${i}@example.net`);
    expect(checkDestinations(["one@example.net"], { source: "info@example.com", existing }).ok).toBe(true);
    expect(checkDestinations(["one@example.net", "two@example.net"], { source: "info@example.com", existing })).toEqual({
      ok: false,
      messages: [`An address can have at most ${MAX_DESTINATIONS_PER_ADDRESS} destinations; info@example.com has 19, so add at most 1 more`],
    });
    expect(checkDestinations(["one@example.net"], { source: "info@example.com", existing: [...existing, "full@example.net"] })).toMatchObject({
      ok: false,
      messages: [expect.stringMatching(/so remove one first/)],
    });
  });
});

describe("splitDestinations", () => {
  it("splits on commas, spaces and new lines, but keeps a quoted address whole", () => {
    expect(splitDestinations(" a@example.com, b@example.com\nc@example.com ")).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
    expect(splitDestinations('"john doe"@example.com')).toEqual(['"john doe"@example.com']);
  });
});
