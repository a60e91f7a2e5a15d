import { evaluatePassword } from "../../lib/password/policy";
import { summarize, type Timing } from "../support/stats";

/** Inputs that make the server-side policy check work hardest (long, repetitive, keyboard walks, astral characters). */
const WORST_CASES = [
  "a".repeat(128),
  "Aa1!".repeat(32),
  "correct horse battery staple ".repeat(5).slice(0, 128),
  "p@ssw0rdp@ssw0rd".repeat(8),
  "1qaz2wsx3edc4rfv".repeat(8),
  "abcdefghijklmnopqrstuvwxyz".repeat(5).slice(0, 128),
  "😀".repeat(128),
];

export type PolicyRow = { timing: Timing; p99: number };

/** The server-side password policy check on its worst inputs (DESIGN §6 aims at 20 ms p99), after a warm-up that loads the dictionaries. */
export function benchPasswordPolicy(rounds = 15): PolicyRow {
  const context = { email: "info@example.com", cpanelUser: "examplecom", requiredCpanelStrength: 65 };
  for (const password of WORST_CASES) evaluatePassword(password, context);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const password of WORST_CASES) {
      const started = performance.now();
      evaluatePassword(password, context);
      samples.push(performance.now() - started);
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { timing: summarize(samples), p99: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]! };
}
