/**
 * cPanel's own 0–100 password strength (Cpanel::PasswdStrength::Check::get_password_strength v1.10),
 * without its cracklib and bad-password-list steps, so the panel can predict cPanel's verdict before
 * calling it. Isomorphic: the meter and the server use the same function.
 */

const DIGITS = 1 << 0;
const HEX_LOWER = 1 << 1; // a-f
const LOWER = 1 << 2; // g-z
const HEX_UPPER = 1 << 3; // A-F
const UPPER = 1 << 4; // G-Z
const SYMBOLS = 1 << 5;
const OTHER_SYMBOLS = 1 << 6;
const SPACE = 1 << 7;
const ALL = 0xff;

const classSizes: [number, number][] = [
  [DIGITS, 10],
  [HEX_LOWER, 6],
  [LOWER, 20],
  [HEX_UPPER, 6],
  [UPPER, 20],
  [SYMBOLS, 22],
  [OTHER_SYMBOLS, 4],
  [SPACE, 1],
];

const symbolBytes = new Set([..."!$%&()*+,-./:<=>?`{|}~"].map((c) => c.charCodeAt(0)));
const otherSymbolBytes = new Set([...`"#';`].map((c) => c.charCodeAt(0)));

function classOf(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return DIGITS;
  if (byte >= 0x61 && byte <= 0x66) return HEX_LOWER;
  if (byte >= 0x67 && byte <= 0x7a) return LOWER | HEX_LOWER;
  if (byte >= 0x41 && byte <= 0x46) return HEX_UPPER;
  if (byte >= 0x47 && byte <= 0x5a) return UPPER | HEX_UPPER;
  if (symbolBytes.has(byte)) return SYMBOLS;
  if (otherSymbolBytes.has(byte)) return OTHER_SYMBOLS;
  if (byte === 0x20) return SPACE;
  // cPanel: a character in no class (e.g. @ _ [ ] or any non-ASCII byte) counts as every class.
  return ALL;
}

const ZERO = 0x30;

/** cPanel's strength score (0–100) of a password, walked as UTF-8 bytes as cPanel does. */
export function cpanelPasswordStrength(password: string): number {
  const bytes = new TextEncoder().encode(password);
  if (bytes.length === 0) return 0;
  if (bytes.length < 4) return 1;

  let different = 0;
  let pattern = 0;
  let used = 0;
  let previous: number | undefined;
  for (const byte of bytes) {
    // In Perl the previous character "0" is false, so the character after a 0 always counts as different.
    if (previous === undefined || previous === ZERO || (byte !== previous && byte !== previous + 1 && byte !== previous - 1)) different++;
    else pattern++;
    used |= classOf(byte);
    previous = byte;
  }
  const alphabet = classSizes.reduce((sum, [bit, size]) => (used & bit ? sum + size : sum), 0);
  const entropy = different * Math.log2(alphabet) + pattern * Math.log2(3);
  return entropy > 70 ? 100 : Math.trunc((100 * entropy) / 70);
}
