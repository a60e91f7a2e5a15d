import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./stack";

/** bench/results.json: every figure of the last run of each part (the fleet bench runs on its own, `--fleet`). */
export const RESULTS_PATH = join(ROOT, "bench", "results.json");

/** What bench/results.json holds now ({} when there is none or it is not JSON). */
export function previousResults(): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(RESULTS_PATH, "utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Writes bench/results.json. */
export function writeResults(results: Record<string, unknown>): void {
  writeFileSync(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
}
