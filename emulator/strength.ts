/**
 * cPanel's password strength score (0–100): a port of
 * Cpanel::PasswdStrength::Check::get_password_strength v1.10 (see ../shared/cpanel-api/README.md §6).
 * The dictionary steps (Crypt::Cracklib, bad_passwords_list) are not reproduced: they count as passing.
 */

const DIGITS = 1;
const LOWER_HEX = 2; // a-f
const LOWER_REST = 4; // g-z
const UPPER_HEX = 8; // A-F
const UPPER_REST = 16; // G-Z
const SYMBOLS = 32;
const OTHER_SYMBOLS = 64;
const SPACE = 128;
const ALL = 255;

const CLASS_SIZES: Array<[number, number]> = [
  [DIGITS, 10],
  [LOWER_HEX, 6],
  [LOWER_REST, 20],
  [UPPER_HEX, 6],
  [UPPER_REST, 20],
  [SYMBOLS, 22],
  [OTHER_SYMBOLS, 4],
  [SPACE, 1],
];

const SYMBOL_CHARS = new Set(Array.from("!$%&()*+,-./:<=>?`{|}~", (c) => c.charCodeAt(0)));
const OTHER_SYMBOL_CHARS = new Set(Array.from("\"#';", (c) => c.charCodeAt(0)));

function classOf(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return DIGITS;
  if (byte >= 0x61 && byte <= 0x66) return LOWER_HEX;
  // g-z also sets a-f, G-Z also sets A-F (as cPanel's code does).
  if (byte >= 0x67 && byte <= 0x7a) return LOWER_REST | LOWER_HEX;
  if (byte >= 0x41 && byte <= 0x46) return UPPER_HEX;
  if (byte >= 0x47 && byte <= 0x5a) return UPPER_REST | UPPER_HEX;
  if (SYMBOL_CHARS.has(byte)) return SYMBOLS;
  if (OTHER_SYMBOL_CHARS.has(byte)) return OTHER_SYMBOLS;
  if (byte === 0x20) return SPACE;
  // Anything outside the listed classes (@ _ [ ] ^ \, every non-ASCII byte) sets every class.
  return ALL;
}

/** cPanel's 0–100 strength rating of a password (walked as UTF-8 bytes, like the Perl code). */
export function passwordStrength(password: string): number {
  const bytes = Buffer.from(password, "utf8");
  if (bytes.length === 0) return 0;
  if (bytes.length < 4) return 1;

  let used = 0;
  let different = 0;
  let pattern = 0;
  let last: number | null = null;
  for (const byte of bytes) {
    // Perl quirk: a previous character "0" is false, so the next one always counts as different.
    const lastIsTrue = last !== null && last !== 0x30;
    if (lastIsTrue && (byte === last || byte === last! + 1 || byte === last! - 1)) pattern++;
    else different++;
    used |= classOf(byte);
    last = byte;
  }

  let alphabet = 0;
  for (const [bit, size] of CLASS_SIZES) if (used & bit) alphabet += size;
  const entropy = different * Math.log2(alphabet) + pattern * Math.log2(3);
  if (entropy > 70) return 100;
  return Math.trunc((100 * entropy) / 70);
}

/** cPanel's PasswordIsTooWeak text (Cpanel/Exception/PasswordIsTooWeak.pm). */
export function tooWeakMessage(required: number): string {
  if (required >= 100) {
    return `The given password is too weak. Please enter a password with a strength rating of ${required}.`;
  }
  return `The given password is too weak. Please enter a password with a strength rating of ${required} or higher.`;
}
