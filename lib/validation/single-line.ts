/**
 * One line of text (issue 13, finding 8): the rule every single-line field shares — autoresponder subject and sender
 * name, display names, reasons, the bounce message, the pipe command, token names. Isomorphic (no node: imports).
 */
import { z } from "zod";

// \p{Cc} is exactly C0 (U+0000–U+001F, with NUL, TAB, LF, CR) and C1 (U+007F–U+009F, with DEL and NEL U+0085);
// U+2028 and U+2029 are Unicode's line and paragraph separators. Mail headers and cPanel's files break on all of them.
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029]/u;

/** True when `value` is one line: no control character and no line or paragraph separator. */
export function isSingleLine(value: string): boolean {
  return !NOT_ONE_LINE.test(value);
}

/** The message beside a field that is not one line; `what` names the field as a sentence starts (“The subject”). */
export function singleLineMessage(what: string): string {
  return `${what} must be one line of text, without line breaks or control characters`;
}

/**
 * A zod string for a single-line field, refusing control characters and line separators with `singleLineMessage`.
 * Chain the field's other rules after it (`singleLine("The reason").max(500).optional()`); it checks the raw text,
 * before any `.trim()`.
 */
export function singleLine(what: string) {
  return z.string().refine(isSingleLine, singleLineMessage(what));
}
