import { describe, expect, it } from "vitest";
import { evaluatePassword } from "./policy";
import { checkPasswordRules, codePointLength, mailboxWords } from "./rules";
import { generatePassword } from "./generate";
import { cpanelPasswordStrength } from "./cpanel-strength";

const context = { email: "info@example.com", cpanelUser: "examplecom", requiredCpanelStrength: 65 };
const codes = (password: string, ctx = context) => evaluatePassword(password, ctx).violations.map((v) => v.code);

describe("password rules", () => {
  it("accepts a strong passphrase", () => {
    const verdict = evaluatePassword("Quartz-harbor-123-meadow", context);
    expect(verdict).toMatchObject({ ok: true, violations: [] });
    expect(verdict.level).toBeGreaterThanOrEqual(3);
  });

  it("counts code points, not UTF-16 units", () => {
    expect(codePointLength("😀😀😀😀")).toBe(4);
    expect(codes("Aa1😀😀")).toContain("too_short"); // 5 code points, 7 UTF-16 units
    expect(codes("Aa1😀😀😀😀😀")).not.toContain("too_short"); // 8 code points
    expect(codes(`Aa1${"😀".repeat(125)}`)).not.toContain("too_long"); // 128 code points, 253 units
    expect(codes(`Aa1${"😀".repeat(126)}`)).toContain("too_long");
  });

  it.each([
    ["needs_uppercase", "quartz-harbor-123-meadow"],
    ["needs_lowercase", "QUARTZ-HARBOR-123-MEADOW"],
    ["needs_digit", "Quartz-harbor-xyz-meadow"],
  ])("reports %s", (code, password) => {
    expect(codes(password)).toContain(code);
  });

  it("knows uppercase and lowercase beyond ASCII", () => {
    expect(codes("ÉTÉ-été-2026-Øresund")).not.toContain("needs_uppercase");
    expect(codes("ÉTÉ-été-2026-Øresund")).not.toContain("needs_lowercase");
  });

  it("refuses the mailbox name and the domain, in any case", () => {
    expect(codes("Quartz-INFO-123-meadow")).toContain("contains_mailbox_name");
    expect(codes("Quartz-Example.COM-123")).toContain("contains_domain");
    expect(codes("Quartz-EXAMPLE-123-meadow")).toContain("contains_domain");
  });

  it("gives each failed rule its code and the numbers its sentence names (tests/i18n words them)", () => {
    const violations = evaluatePassword("abc", context).violations;
    expect(violations).toEqual(
      expect.arrayContaining([
        { code: "too_short", values: { min: 8 } },
        { code: "needs_uppercase", values: {} },
        { code: "needs_digit", values: {} },
      ]),
    );
  });

  it("refuses guessable passwords that pass the character rules, with zxcvbn's hints", () => {
    const verdict = evaluatePassword("Password1", context);
    expect(verdict.violations.map((v) => v.code)).toContain("too_guessable");
    expect(verdict.hints.length).toBeGreaterThan(0);
  });

  it("uses the account name as a word an attacker knows", () => {
    expect(mailboxWords(context)).toEqual(expect.arrayContaining(["info", "example.com", "example", "examplecom"]));
  });

  it("predicts cPanel's refusal from its required strength", () => {
    const password = "Xk9#mq2Lpp"; // cPanel strength 79
    expect(cpanelPasswordStrength(password)).toBe(79);
    expect(codes(password, { ...context, requiredCpanelStrength: 80 })).toContain("below_cpanel_strength");
    expect(codes(password, { ...context, requiredCpanelStrength: 79 })).not.toContain("below_cpanel_strength");
  });

  it("never shows a strong level while a rule fails", () => {
    expect(evaluatePassword("correcthorsebatterystaple", context).level).toBeLessThanOrEqual(2);
  });

  it("lists the checklist in a stable order", () => {
    expect(checkPasswordRules("", context).map((c) => c.code)).toEqual([
      "too_short",
      "too_long",
      "needs_uppercase",
      "needs_lowercase",
      "needs_digit",
      "contains_mailbox_name",
      "contains_domain",
    ]);
  });
});

describe("generatePassword", () => {
  it("makes long random passwords that meet the policy and differ each time", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const password = generatePassword(mailboxWords(context));
      expect(codePointLength(password)).toBeGreaterThanOrEqual(20);
      expect(evaluatePassword(password, context).violations).toEqual([]);
      seen.add(password);
    }
    expect(seen.size).toBe(20);
  });
});
