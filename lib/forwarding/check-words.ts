/**
 * The words of the forwarding checks' refusals (address.ts, loops.ts). They live in messages/<locale>.json under
 * `Forwarding.checks`: the browser passes its `useTranslations("Forwarding")`, the server a translator in the
 * request's language (lib/i18n/forwarding-checks.ts). Isomorphic and dependency-free, so the English below is the
 * default for callers without a translator (tests, and forms not converted yet); check-words.test.ts keeps it equal
 * to messages/en.json.
 */
export const ENGLISH_CHECKS = {
  domainMissing: "Enter a domain, like example.com",
  domainInvalid: "“{value}” is not a valid domain",
  addressMissing: "Enter an email address, like name@example.com",
  addressNoAt: "“{value}” is not a full email address; add the @ and the domain, like name@example.com",
  addressQuoted: 'cPanel does not accept quoted addresses ("…"@…); use an address without quotes or spaces',
  addressNoLocalPart: "“{value}” has nothing before the @",
  addressPipe: "“{value}” can't be a destination: cPanel would read the | as “pass mail to a program”. Use an address without |",
  addressSlash: "“{value}” can't be a destination: cPanel would read an address starting with / as a file on the server",
  localPartTooLong: "The part before the @ can have at most {max} characters",
  localPartNotAscii: "Use only unaccented letters, digits and . _ + - before the @ (cPanel does not accept other characters there)",
  localPartInvalid: "“{value}” is not a valid email address: check the part before the @ (no spaces, no two dots in a row, no dot at either end)",
  addressDomainInvalid: "“{value}” is not a valid email address: check the domain after the @",
  addressTooLong: "An email address can have at most {max} characters",
  destinationMissing: "Enter an email address to forward to, like name@example.com",
  toItself: "Mail to {source} can't be forwarded to itself",
  alreadyGoesTo: "Mail to {source} already goes to {address}",
  listedTwice: "{address} is in the list twice",
  atMost: "Forward to at most {max} addresses",
  fullAddMore: "An address can have at most {max} destinations; {source} has {count}, so add at most {room} more",
  fullRemoveOne: "An address can have at most {max} destinations; {source} has {count}, so remove one first",
  loop: "Forwarding to {next} would send mail in a circle: {path}",
} as const;

export type CheckKey = keyof typeof ENGLISH_CHECKS;
export type CheckValues = Record<string, string | number>;

/** Words a check's refusal in one language: a key of `Forwarding.checks` and its values. */
export type CheckWords = (key: CheckKey, values?: CheckValues) => string;

/** The English words, from the table above (the same text as messages/en.json). */
export const englishCheckWords: CheckWords = (key, values = {}) =>
  ENGLISH_CHECKS[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));

/** A form's `useTranslations("Forwarding")` (or a server translator of that namespace) as the checks' words. */
export function checkWordsFrom(t: (key: `checks.${CheckKey}`, values?: CheckValues) => string): CheckWords {
  return (key, values) => t(`checks.${key}`, values);
}
