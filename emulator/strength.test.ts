import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { passwordStrength, tooWeakMessage } from "./strength";

const vectors = JSON.parse(readFileSync(new URL("./fixtures/strength-vectors.json", import.meta.url), "utf8")) as {
  vectors: Array<{ password: string; strength: number }>;
};

describe("cPanel password strength", () => {
  it.each(vectors.vectors)("scores $password as $strength", ({ password, strength }) => {
    expect(passwordStrength(password)).toBe(strength);
  });

  it("scores the empty password 0", () => {
    expect(passwordStrength("")).toBe(0);
  });

  it("renders cPanel's too-weak text", () => {
    expect(tooWeakMessage(65)).toBe("The given password is too weak. Please enter a password with a strength rating of 65 or higher.");
    expect(tooWeakMessage(100)).toBe("The given password is too weak. Please enter a password with a strength rating of 100.");
  });
});
