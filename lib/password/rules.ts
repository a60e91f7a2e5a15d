/**
 * The mailbox password policy's plain rules (DESIGN §6), each with a stable code and the numbers its sentence
 * needs. The sentences themselves (a checklist label and a message that says what to do, per code) live in the
 * PasswordPolicy messages (messages/<locale>.json), the one catalogue the browser and the server both translate
 * from; this module stays free of our other code. Isomorphic and cheap: the checklist runs them on every keystroke.
 */

export const MIN_LENGTH = 8;
export const MAX_LENGTH = 128;
/** zxcvbn score a password needs (0–4). */
export const MIN_GUESSABILITY_SCORE = 3;

export type PasswordRuleCode =
  | "too_short"
  | "too_long"
  | "needs_uppercase"
  | "needs_lowercase"
  | "needs_digit"
  | "contains_mailbox_name"
  | "contains_domain"
  | "too_guessable"
  | "below_cpanel_strength";

export type PasswordContext = {
  /** The mailbox's full address. */
  email: string;
  /** The cPanel account name, a word an attacker knows too. */
  cpanelUser?: string;
  /** cPanel's required strength for mail (0–100), read from the server; 0 when unknown. */
  requiredCpanelStrength?: number;
};

/** Numbers a rule's sentence names (`{min}` characters…); empty for the others. */
export type RuleValues = Record<string, number>;

export type RuleCheck = { code: PasswordRuleCode; ok: boolean; values: RuleValues };

/** Counts Unicode code points, so "é" or an emoji is one character as a person counts it. */
export function codePointLength(password: string): number {
  return [...password].length;
}

function splitAddress(email: string): { localPart: string; domain: string } {
  const at = email.lastIndexOf("@");
  return at < 0 ? { localPart: email, domain: "" } : { localPart: email.slice(0, at), domain: email.slice(at + 1) };
}

/** The words of the mailbox an attacker would try first: the address, its parts, the domain's name, the account. */
export function mailboxWords(context: PasswordContext): string[] {
  const { localPart, domain } = splitAddress(context.email.toLowerCase());
  const domainName = domain.split(".")[0] ?? "";
  return [...new Set([context.email.toLowerCase(), localPart, domain, domainName, context.cpanelUser?.toLowerCase() ?? ""])].filter(
    (word) => word.length > 0,
  );
}

function containsDomain(lower: string, domain: string): boolean {
  if (!domain) return false;
  const name = domain.split(".")[0] ?? "";
  // The bare name ("example" of example.com) counts too when it is long enough to be a real word.
  return lower.includes(domain) || (name.length >= 4 && lower.includes(name));
}

/** The checklist: every plain rule, passed or not, in the order the form shows them. */
export function checkPasswordRules(password: string, context: PasswordContext): RuleCheck[] {
  const length = codePointLength(password);
  const lower = password.toLowerCase();
  const { localPart, domain } = splitAddress(context.email.toLowerCase());
  return [
    { code: "too_short", ok: length >= MIN_LENGTH, values: { min: MIN_LENGTH } },
    { code: "too_long", ok: length <= MAX_LENGTH, values: { max: MAX_LENGTH } },
    { code: "needs_uppercase", ok: /\p{Lu}/u.test(password), values: {} },
    { code: "needs_lowercase", ok: /\p{Ll}/u.test(password), values: {} },
    { code: "needs_digit", ok: /\p{Nd}/u.test(password), values: {} },
    { code: "contains_mailbox_name", ok: localPart.length === 0 || !lower.includes(localPart), values: {} },
    { code: "contains_domain", ok: !containsDomain(lower, domain), values: {} },
  ];
}
