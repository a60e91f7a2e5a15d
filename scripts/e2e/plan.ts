/**
 * Which spec files each e2e stack runs: longest first, each to the stack with the least work so far (the classic
 * greedy schedule), by the seconds each file took last time it was recorded (e2e/durations.json). A file with no
 * record yet counts as the median, so a new spec lands somewhere sensible until the next record.
 */
export function planShards(files: readonly string[], seconds: Readonly<Record<string, number>>, shards: number): string[][] {
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`Shards must be a whole number ≥ 1, not ${shards}`);
  const known = files.map((file) => seconds[file]).filter((value): value is number => typeof value === "number");
  const median = known.length ? [...known].sort((a, b) => a - b)[Math.floor(known.length / 2)]! : 1;
  const weight = (file: string) => seconds[file] ?? median;
  const plan = Array.from({ length: shards }, () => ({ files: [] as string[], total: 0 }));
  // Ties broken by name, so the same inputs always give the same plan.
  for (const file of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lightest = plan.reduce((best, shard) => (shard.total < best.total ? shard : best));
    lightest.files.push(file);
    lightest.total += weight(file);
  }
  return plan.map((shard) => shard.files.sort());
}

type JsonSuite = { file?: string; specs?: { tests?: { results?: { duration?: number }[] }[] }[]; suites?: JsonSuite[] };

/** Seconds per spec file from Playwright's JSON report (every result of every test, retries included). */
export function secondsPerFile(report: { suites?: JsonSuite[] }): Record<string, number> {
  const totals: Record<string, number> = {};
  const walk = (suite: JsonSuite, file: string | undefined) => {
    const own = suite.file ?? file;
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        for (const result of test.results ?? []) if (own) totals[own] = (totals[own] ?? 0) + (result.duration ?? 0) / 1000;
    for (const child of suite.suites ?? []) walk(child, own);
  };
  for (const suite of report.suites ?? []) walk(suite, undefined);
  return Object.fromEntries(Object.entries(totals).map(([file, total]) => [file, Math.round(total * 10) / 10]));
}
