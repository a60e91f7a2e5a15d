import "server-only";
import { checkWordsFrom, type CheckWords } from "@/lib/forwarding/check-words";
import type { Locale } from "./locales";
import { translator } from "./server";

/** The forwarding checks' words (lib/forwarding/check-words.ts) in the request's language, or `locale`'s. */
export async function forwardingCheckWords(locale?: Locale): Promise<CheckWords> {
  return checkWordsFrom(await translator("Forwarding", locale));
}
