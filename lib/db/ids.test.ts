import { describe, expect, it } from "vitest";
import { newId, ulid } from "./ids";

describe("ids", () => {
  it("makes 26-character Crockford ULIDs that sort in creation order, even within one millisecond", () => {
    const ids = Array.from({ length: 1000 }, () => ulid(1_700_000_000_000));
    expect(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(1000);
    expect(ulid(1_700_000_000_001) > ids[999]!).toBe(true);
  });

  it("prefixes public ids", () => {
    expect(newId("acct")).toMatch(/^acct_[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});
