import { performance } from "node:perf_hooks";

/** The p-th percentile (0–100) of already sorted numbers, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export type Timing = { n: number; p50: number; p95: number; mean: number };

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length),
  };
}

/** Runs `once` `warmup` times unmeasured, then `n` times one after the other; milliseconds per call. */
export async function time(n: number, once: (i: number) => Promise<unknown>, warmup = 5): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await once(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await once(i);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 2 : 1)} ms` : "—");
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
