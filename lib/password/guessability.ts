/**
 * The zxcvbn-ts guessability estimate, tuned so one estimate stays cheap for any allowed input
 * (DESIGN §6: default options took ~0.9 s of CPU on a 128-character input). Isomorphic, and heavy:
 * the browser loads it lazily (in a worker), never in the first-load bundle.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
// One list at a time: the package's index would also bundle Wikipedia words and word sequences, never used here.
import firstnames from "@zxcvbn-ts/language-en/dist/firstnames.json.mjs";
import translations from "@zxcvbn-ts/language-en/dist/translations.mjs";
// The most frequent English words and surnames (scripts/trim-dictionaries.ts): the rare tail is most of the bytes.
import english from "./dictionaries/english-trimmed.json";

/** The estimator sees at most this many characters; the length rules still see the whole password. */
export const ESTIMATE_PREFIX_LENGTH = 40;

export type Guessability = { score: 0 | 1 | 2 | 3 | 4; warning: string | null; suggestions: string[] };

let factory: ZxcvbnFactory | undefined;

function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations,
    graphs: { qwerty: adjacencyGraphs.qwerty, qwertz: adjacencyGraphs.qwertz, azerty: adjacencyGraphs.azerty },
    dictionary: {
      "passwords-common": commonDictionary["passwords-common"],
      "diceware-common": commonDictionary["diceware-common"],
      "commonWords-en": english["commonWords-en"],
      "firstnames-en": firstnames,
      "lastnames-en": english["lastnames-en"],
    },
    // Few l33t substitutions: each one multiplies the matcher's work; 1 still catches "p@ssword".
    l33tMaxSubstitutions: 1,
    maxLength: ESTIMATE_PREFIX_LENGTH,
  });
  return factory;
}

/** How guessable a password is (zxcvbn score 0–4 with its feedback), given words the attacker knows about the mailbox. */
export function estimateGuessability(password: string, userInputs: string[]): Guessability {
  const result = estimator().check([...password].slice(0, ESTIMATE_PREFIX_LENGTH).join(""), userInputs);
  return {
    score: result.score,
    warning: result.feedback.warning || null,
    suggestions: result.feedback.suggestions.filter(Boolean),
  };
}
