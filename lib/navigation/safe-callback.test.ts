import { describe, expect, it } from "vitest";
import { DEFAULT_CALLBACK, safeCallbackPath } from "./safe-callback";

// The spellings the review used, and the usual open-redirect bypasses.
const OFF_SITE = [
  "//evil.example/phish",
  "/\\evil.example/phish",
  "/\t/evil.example/phish",
  "/\n/evil.example/phish",
  "/\r\n/evil.example/phish",
  "\t//evil.example",
  "/%09/evil.example/phish",
  "/%5Cevil.example/phish",
  "/%2F%2Fevil.example",
  "%2F%2Fevil.example",
  "/.//evil.example",
  "///evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "https://evil.example/phish",
  "http:evil.example",
  "evil.example",
  "",
];

describe("safeCallbackPath", () => {
  it.each(OFF_SITE)("sends %j to the account list or keeps it on this site", (value) => {
    const path = safeCallbackPath(value);
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
    expect(path.startsWith("/\\")).toBe(false);
    // Whatever comes back, a browser resolves it to this origin.
    expect(new URL(path, "https://panel.example").origin).toBe("https://panel.example");
  });

  it("the review's two links land on the account list", () => {
    // As Next hands them to the page: percent-decoded once.
    expect(safeCallbackPath(decodeURIComponent("/%09/evil.example/phish"))).toBe(DEFAULT_CALLBACK);
    expect(safeCallbackPath(decodeURIComponent("/%5Cevil.example/phish"))).toBe(DEFAULT_CALLBACK);
  });

  it("keeps a same-site path with its query and fragment", () => {
    expect(safeCallbackPath("/accounts/acc_1/email?page=2#list")).toBe("/accounts/acc_1/email?page=2#list");
    expect(safeCallbackPath(["/security/two-factor", "/x"])).toBe("/security/two-factor");
    expect(safeCallbackPath(undefined)).toBe(DEFAULT_CALLBACK);
  });
});
