/**
 * The whole mailbox password policy: the plain rules, zxcvbn's guessability and cPanel's own strength
 * score. The browser runs it for the meter; the server runs it as the authority before calling cPanel.
 */
import { cpanelPasswordStrength } from "./cpanel-strength";
import { estimateGuessability, type Guessability } from "./guessability";
import { checkPasswordRules, mailboxWords, MIN_GUESSABILITY_SCORE, type PasswordContext, type PasswordRuleCode, type RuleValues } from "./rules";

/** A rule the password fails: its code and the numbers of its sentence (PasswordPolicy.messages.<code> says what to do). */
export type PasswordViolation = { code: PasswordRuleCode; values: RuleValues };

export type PasswordVerdict = {
  ok: boolean;
  violations: PasswordViolation[];
  /** 0–4, for the meter: the zxcvbn score, capped at 2 while any rule fails. */
  level: 0 | 1 | 2 | 3 | 4;
  guessability: Guessability;
  cpanelStrength: number;
  /** zxcvbn's own hints ("Add another word or two…"), to show under the meter. */
  hints: string[];
};

/** Evaluates a password for a mailbox against every rule of the policy. */
export function evaluatePassword(password: string, context: PasswordContext): PasswordVerdict {
  const violations: PasswordViolation[] = checkPasswordRules(password, context)
    .filter((check) => !check.ok)
    .map(({ code, values }) => ({ code, values }));

  const guessability = estimateGuessability(password, mailboxWords(context));
  if (guessability.score < MIN_GUESSABILITY_SCORE) {
    violations.push({ code: "too_guessable", values: {} });
  }

  const cpanelStrength = cpanelPasswordStrength(password);
  const required = context.requiredCpanelStrength ?? 0;
  if (cpanelStrength < required) {
    violations.push({ code: "below_cpanel_strength", values: { required, actual: cpanelStrength } });
  }

  const level = (violations.length > 0 ? Math.min(guessability.score, 2) : guessability.score) as PasswordVerdict["level"];
  const hints = [guessability.warning, ...guessability.suggestions].filter((hint): hint is string => Boolean(hint));
  return { ok: violations.length === 0, violations, level, guessability, cpanelStrength, hints };
}
