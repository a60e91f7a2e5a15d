/**
 * Random passwords that meet the policy, from the platform's CSPRNG (crypto.getRandomValues, in the
 * browser and in Node). Look-alike characters are left out so a password can be read aloud or retyped.
 */
const LOWER = "abcdefghijkmnpqrstuvwxyz";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";
const SYMBOLS = "-_.!#%+=";
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;

export const GENERATED_LENGTH = 24;

/** A uniformly random index below `size`, without modulo bias. */
function randomIndex(size: number): number {
  const limit = Math.floor(0x100000000 / size) * size;
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    const value = buffer[0] ?? 0;
    if (value < limit) return value % size;
  }
}

/** One character of `alphabet`, uniformly (no modulo bias). */
export function pick(alphabet: string): string {
  return alphabet[randomIndex(alphabet.length)] ?? "";
}

/** A new random password of `length` (≥ 20) characters with at least one of each class, avoiding the given words. */
export function generatePassword(avoid: string[] = [], length = GENERATED_LENGTH): string {
  const size = Math.max(20, length);
  for (;;) {
    const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < size) chars.push(pick(ALL));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomIndex(i + 1);
      [chars[i], chars[j]] = [chars[j] ?? "", chars[i] ?? ""];
    }
    const password = chars.join("");
    const lower = password.toLowerCase();
    if (!avoid.some((word) => word.length >= 3 && lower.includes(word.toLowerCase()))) return password;
  }
}
