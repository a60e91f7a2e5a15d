import "server-only";
import { sql, type Selectable } from "kysely";
import { getDb } from "./client";
import { ulid } from "./ids";
import type { JobState, JobsTable } from "./schema";

export type { JobState };

/** A job row as the queue sees it. */
export type JobRow = {
  id: string;
  kind: string;
  key: string;
  title: string;
  payload: unknown;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  backoffMs: number;
  runAt: number;
  lockedBy: string | null;
  lockedUntil: number | null;
  progress: number;
  progressMessage: string | null;
  lastError: string | null;
  cancelRequestedAt: number | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
};

function toJob(row: Selectable<JobsTable>): JobRow {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    title: row.title,
    payload: JSON.parse(row.payload) as unknown,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    backoffMs: row.backoff_ms,
    runAt: row.run_at,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    progress: row.progress,
    progressMessage: row.progress_message,
    lastError: row.last_error,
    cancelRequestedAt: row.cancel_requested_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** Adds a job unless one with the same key exists; answers the job with that key either way. */
export async function insertJobOnce(input: {
  kind: string;
  key: string;
  title: string;
  payload: unknown;
  maxAttempts: number;
  backoffMs: number;
  now: number;
}): Promise<{ job: JobRow; created: boolean }> {
  const db = await getDb();
  const id = `job_${ulid()}`;
  const inserted = await db
    .insertInto("jobs")
    .values({
      id,
      kind: input.kind,
      key: input.key,
      title: input.title,
      payload: JSON.stringify(input.payload ?? null),
      state: "queued",
      max_attempts: input.maxAttempts,
      backoff_ms: input.backoffMs,
      run_at: input.now,
      locked_by: null,
      locked_until: null,
      progress_message: null,
      last_error: null,
      cancel_requested_at: null,
      created_at: input.now,
      updated_at: input.now,
      finished_at: null,
    })
    .onConflict((oc) => oc.column("key").doNothing())
    .executeTakeFirst();
  const job = await db.selectFrom("jobs").selectAll().where("key", "=", input.key).executeTakeFirstOrThrow();
  return { job: toJob(job), created: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 && job.id === id };
}

/** One job by id. */
export async function findJob(id: string): Promise<JobRow | undefined> {
  const db = await getDb();
  const row = await db.selectFrom("jobs").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toJob(row);
}

/** Jobs, newest first, optionally of some states. */
export async function listJobRows(options: { states?: JobState[]; limit?: number } = {}): Promise<JobRow[]> {
  const db = await getDb();
  let query = db
    .selectFrom("jobs")
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? 100);
  if (options.states?.length) query = query.where("state", "in", options.states);
  return (await query.execute()).map(toJob);
}

/**
 * Claims the next due job for `runner` with a lease until `lockedUntil`: a queued job whose time has come, or a
 * running one whose lease lapsed (its runner died). The claim is a conditional update, so two runners on one
 * database never both win a job. The claim counts as an attempt.
 */
export async function claimDueJob(runner: string, now: number, lockedUntil: number, kinds: string[]): Promise<JobRow | undefined> {
  if (!kinds.length) return undefined;
  const db = await getDb();
  for (let tries = 0; tries < 5; tries++) {
    const candidate = await db
      .selectFrom("jobs")
      .selectAll()
      .where("kind", "in", kinds)
      .where((eb) =>
        eb.or([eb.and([eb("state", "=", "queued"), eb("run_at", "<=", now)]), eb.and([eb("state", "=", "running"), eb("locked_until", "<", now)])]),
      )
      .orderBy("run_at")
      .orderBy("created_at")
      .limit(1)
      .executeTakeFirst();
    if (!candidate) return undefined;
    const claimed = await db
      .updateTable("jobs")
      .set({ state: "running", locked_by: runner, locked_until: lockedUntil, attempts: sql`attempts + 1`, updated_at: now })
      .where("id", "=", candidate.id)
      .where("state", "=", candidate.state)
      .where("updated_at", "=", candidate.updated_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 1) {
      return toJob({
        ...candidate,
        state: "running",
        locked_by: runner,
        locked_until: lockedUntil,
        attempts: candidate.attempts + 1,
        updated_at: now,
      });
    }
  }
  return undefined;
}

/** Changes a job while `runner` still holds it; false when it no longer does (its lease lapsed and another took it). */
export async function updateHeldJob(
  id: string,
  runner: string,
  changes: Partial<{
    state: JobState;
    lockedUntil: number | null;
    runAt: number;
    progress: number;
    progressMessage: string | null;
    lastError: string | null;
    payload: unknown;
    finishedAt: number | null;
    /** Set back when a run did not count (the panel shut down under it). */
    attempts: number;
    now: number;
  }>,
): Promise<boolean> {
  const db = await getDb();
  const result = await db
    .updateTable("jobs")
    .set({
      ...(changes.state !== undefined ? { state: changes.state } : {}),
      ...(changes.lockedUntil !== undefined ? { locked_until: changes.lockedUntil } : {}),
      ...(changes.state !== undefined && changes.state !== "running" ? { locked_by: null, locked_until: null } : {}),
      ...(changes.runAt !== undefined ? { run_at: changes.runAt } : {}),
      ...(changes.progress !== undefined ? { progress: changes.progress } : {}),
      ...(changes.progressMessage !== undefined ? { progress_message: changes.progressMessage } : {}),
      ...(changes.lastError !== undefined ? { last_error: changes.lastError } : {}),
      ...(changes.payload !== undefined ? { payload: JSON.stringify(changes.payload) } : {}),
      ...(changes.finishedAt !== undefined ? { finished_at: changes.finishedAt } : {}),
      ...(changes.attempts !== undefined ? { attempts: changes.attempts } : {}),
      updated_at: changes.now ?? Date.now(),
    })
    .where("id", "=", id)
    .where("state", "=", "running")
    .where("locked_by", "=", runner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Whether cancellation of a job was asked for. */
export async function jobCancelRequested(id: string): Promise<boolean> {
  const db = await getDb();
  const row = await db.selectFrom("jobs").select("cancel_requested_at").where("id", "=", id).executeTakeFirst();
  return row?.cancel_requested_at != null;
}

/** Sends a failed or cancelled job round again, with a fresh count of attempts; false if it is in another state. */
export async function requeueJob(id: string, now: number): Promise<boolean> {
  const db = await getDb();
  const result = await db
    .updateTable("jobs")
    .set({
      state: "queued",
      attempts: 0,
      run_at: now,
      cancel_requested_at: null,
      finished_at: null,
      progress: 0,
      progress_message: null,
      updated_at: now,
    })
    .where("id", "=", id)
    .where("state", "in", ["failed", "cancelled"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Cancels a job: a queued one at once; a running one is asked to stop (its runner sees the request and ends it
 * as cancelled). Answers the state it is in afterwards, or undefined when it is finished or unknown.
 */
export async function cancelJobRow(id: string, now: number): Promise<JobState | undefined> {
  const db = await getDb();
  const queued = await db
    .updateTable("jobs")
    .set({ state: "cancelled", cancel_requested_at: now, finished_at: now, updated_at: now, locked_by: null, locked_until: null })
    .where("id", "=", id)
    .where("state", "=", "queued")
    .executeTakeFirst();
  if (Number(queued.numUpdatedRows) === 1) return "cancelled";
  const running = await db
    .updateTable("jobs")
    .set({ cancel_requested_at: now })
    .where("id", "=", id)
    .where("state", "=", "running")
    .executeTakeFirst();
  return Number(running.numUpdatedRows) === 1 ? "running" : undefined;
}

/** Deletes finished jobs (succeeded or cancelled) older than `before`; failed ones stay for a person to see. */
export async function pruneFinishedJobs(before: number): Promise<number> {
  const db = await getDb();
  const result = await db.deleteFrom("jobs").where("state", "in", ["succeeded", "cancelled"]).where("finished_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
