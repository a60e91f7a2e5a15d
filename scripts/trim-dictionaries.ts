/**
 * Writes lib/password/dictionaries/english-trimmed.json: the most frequent English words and surnames of
 * @zxcvbn-ts/language-en. The lists are ranked by frequency, and the rare tail adds a lot of bytes to what the
 * browser loads for the strength meter while hardly changing any score. Re-run after upgrading the package:
 *   npx tsx scripts/trim-dictionaries.ts
 */
import { writeFileSync } from "node:fs";
import { dictionary } from "@zxcvbn-ts/language-en";

const LIMITS = { "commonWords-en": 20_000, "lastnames-en": 10_000 } as const;

const trimmed = Object.fromEntries(Object.entries(LIMITS).map(([name, limit]) => [name, dictionary[name as keyof typeof LIMITS].slice(0, limit)]));
const target = new URL("../lib/password/dictionaries/english-trimmed.json", import.meta.url);
writeFileSync(target, `${JSON.stringify(trimmed)}\n`);
console.log(
  `wrote ${target.pathname}: ${Object.entries(trimmed)
    .map(([k, v]) => `${k} ${v.length}`)
    .join(", ")}`,
);
