import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Panel } from "./stack";

/** The phases lib/timings.ts notes, in the order a request meets them ("request" is a REST call's whole server time). */
export const PHASES = ["auth", "rate-limit", "idempotency", "account", "policy", "server", "cpanel", "audit", "notify", "request"] as const;
export type PhaseName = (typeof PHASES)[number];

/** Per phase: mean milliseconds and calls per operation. */
export type Breakdown = Partial<Record<PhaseName, { ms: number; calls: number }>>;

/** Forgets what the panel noted so far (before a series of operations). */
export function resetTimings(panel: Panel): void {
  writeFileSync(panel.timingsFile, "");
}

/** What the panel noted since the last reset, per phase, divided by the `operations` that ran meanwhile. */
export function readTimings(panel: Panel, operations: number): Breakdown {
  if (!existsSync(panel.timingsFile)) return {};
  const totals = new Map<PhaseName, { ms: number; calls: number }>();
  for (const line of readFileSync(panel.timingsFile, "utf8").split("\n")) {
    if (!line) continue;
    const { phase, ms } = JSON.parse(line) as { phase: PhaseName; ms: number };
    const total = totals.get(phase) ?? { ms: 0, calls: 0 };
    totals.set(phase, { ms: total.ms + ms, calls: total.calls + 1 });
  }
  return Object.fromEntries([...totals].map(([phase, t]) => [phase, { ms: t.ms / operations, calls: t.calls / operations }]));
}
