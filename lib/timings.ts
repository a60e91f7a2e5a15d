import "server-only";
import { appendFileSync } from "node:fs";
import { config } from "@/lib/config";

/**
 * Where a request's time goes, for `npm run bench` (bench/sections/overhead.ts prints the breakdown). With
 * MAILROOM_TIMINGS_FILE set, each measured phase appends one JSON line `{"phase":…,"ms":…}` to that file; unset
 * (production), `timed` is a plain call. A file, not a header: a page's streamed parts finish after its headers
 * are sent, and timings are nothing a client should see.
 */
export type Phase =
  /** The session (JWT + session row) or API token check. */
  | "auth"
  /** The hosting account's ownership check (one database read per request, memoized). */
  | "account"
  /** Rate-limit counters (database or Redis writes). */
  | "rate-limit"
  /** Idempotency-Key claim and completion. */
  | "idempotency"
  /** The server-side password policy (zxcvbn-ts and cPanel's strength score). */
  | "policy"
  /** The cPanel server's record: database read and token decryption. */
  | "server"
  /** cPanel calls (or the read cache answering for them). */
  | "cpanel"
  /** Audit rows. */
  | "audit"
  /** Security notices queued to the account's owners. */
  | "notify"
  /** A REST request from the route's first line to its answer. */
  | "request";

let target: string | null | undefined;

function file(): string | null {
  if (target === undefined) {
    try {
      target = config().MAILROOM_TIMINGS_FILE ?? null;
    } catch {
      target = null; // a bad configuration is reported at start; nothing is measured meanwhile
    }
  }
  return target;
}

function note(to: string, phase: Phase, started: number): void {
  // Synchronous and tiny (one short line); a failed write must never fail the request it measures.
  try {
    appendFileSync(to, `${JSON.stringify({ phase, ms: performance.now() - started })}\n`);
  } catch {}
}

/** Runs `run`, noting its wall time under `phase` when timings are on. */
export async function timed<T>(phase: Phase, run: () => Promise<T>): Promise<T> {
  const to = file();
  if (!to) return run();
  const started = performance.now();
  try {
    return await run();
  } finally {
    note(to, phase, started);
  }
}

/** The same for synchronous work (the password policy). */
export function timedSync<T>(phase: Phase, run: () => T): T {
  const to = file();
  if (!to) return run();
  const started = performance.now();
  try {
    return run();
  } finally {
    note(to, phase, started);
  }
}
