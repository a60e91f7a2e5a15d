import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cpanelPasswordStrength } from "./cpanel-strength";

// The published vectors of cPanel's algorithm (../shared/cpanel-api/strength-vectors.json), kept as test data.
const { vectors } = JSON.parse(readFileSync(new URL("../../emulator/fixtures/strength-vectors.json", import.meta.url), "utf8")) as {
  vectors: { password: string; strength: number }[];
};

describe("cpanelPasswordStrength", () => {
  it("has the published vectors to check against", () => {
    expect(vectors.length).toBeGreaterThanOrEqual(40);
  });

  it.each(vectors.map((v) => [v.password, v.strength] as const))("scores %j as %i", (password, strength) => {
    expect(cpanelPasswordStrength(password)).toBe(strength);
  });
});
