import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSingleLine, singleLine, singleLineMessage } from "./single-line";

const refused = [...Array.from({ length: 0x20 }, (_, code) => code), ...Array.from({ length: 0xa0 - 0x7f }, (_, i) => 0x7f + i), 0x2028, 0x2029].map(
  (code) => String.fromCharCode(code),
);

describe("singleLine", () => {
  it.each(refused.map((c) => [`U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`, c]))(
    "refuses %s anywhere in the text",
    (_name, c) => {
      for (const text of [`${c}Away`, `Away${c}`, `Aw${c}ay`]) {
        expect(isSingleLine(text)).toBe(false);
        const parsed = singleLine("The subject").safeParse(text);
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues.map((i) => i.message)).toEqual([singleLineMessage("The subject")]);
      }
    },
  );

  it("accepts one line of any other text, accents, emoji and right-to-left included", () => {
    for (const text of ["", "Out of office", "Zurück am 3. März", "Café ☕ 🎉", "שלום", "a  b", "Ticket #42: customer asked"]) {
      expect(singleLine("The subject").parse(text)).toBe(text);
    }
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (text) => {
        const hasControl = [...text].some((c) => refused.includes(c));
        expect(singleLine("The subject").safeParse(text).success).toBe(!hasControl);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the field's other rules and reports every problem at once", () => {
    const schema = singleLine("The reason").max(5, "Keep the reason under 5 characters");
    expect(schema.safeParse("abc\u0000defgh").error?.issues.map((i) => i.message)).toEqual([
      singleLineMessage("The reason"),
      "Keep the reason under 5 characters",
    ]);
    expect(singleLine("The reason").optional().parse(undefined)).toBeUndefined();
    expect(singleLine("The name").trim().parse("  Ann  ")).toBe("Ann");
    expect(singleLine("The name").trim().safeParse("Ann\n").success).toBe(false);
  });
});
