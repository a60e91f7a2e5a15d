import "server-only";
import { EventEmitter } from "node:events";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import {
  cancelJobRow,
  claimDueJob,
  findJob,
  insertJobOnce,
  jobCancelRequested,
  listJobRows,
  pruneFinishedJobs,
  requeueJob,
  updateHeldJob,
  type JobRow,
} from "@/lib/db/jobs";
import { errorField, log } from "@/lib/log";
import { backoffDelay, DEFAULT_RETRY, errorText, type EnqueueInput, type JobHandlers, type JobQueue, type JobView, type JobWorker } from "./types";

// Enqueues in this process wake its runner at once instead of at the next poll.
const WAKE_KEY = Symbol.for("mailroom.jobs.wake");
const holder = globalThis as typeof globalThis & { [WAKE_KEY]?: EventEmitter };
const wake = (holder[WAKE_KEY] ??= new EventEmitter().setMaxListeners(50));

/** Finished jobs (succeeded, cancelled) are deleted after this long; failed ones stay until retried. */
const KEEP_FINISHED_MS = 30 * 24 * 60 * 60_000;

function view(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    progress: row.progress,
    progressMessage: row.progressMessage,
    lastError: row.lastError,
    runAt: row.state === "queued" ? row.runAt : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    finishedAt: row.finishedAt,
    cancelRequested: row.cancelRequestedAt !== null,
  };
}

export type RunnerOptions = {
  /** Jobs run at once by this process. */
  concurrency?: number;
  /** How often the database is asked for due jobs. */
  pollMs?: number;
  /** A running job's lease, renewed while it runs; a dead runner's jobs are picked up this long after it died. */
  leaseMs?: number;
  /** The clock (tests move it). */
  now?: () => number;
  runnerId?: string;
};

/** The queue in the app database: the embedded default, for one panel process (or several on one PostgreSQL). */
export class DatabaseQueue implements JobQueue {
  readonly backend = "database" as const;

  constructor(private readonly now: () => number = Date.now) {}

  async enqueue(input: EnqueueInput) {
    const retry = { ...DEFAULT_RETRY, ...input.retry };
    const { job, created } = await insertJobOnce({
      kind: input.kind,
      key: input.key,
      title: input.title,
      payload: input.payload,
      maxAttempts: retry.attempts,
      backoffMs: retry.backoffMs,
      now: this.now(),
    });
    if (created) wake.emit("job");
    return { id: job.id, created };
  }

  async list(options: { states?: JobView["state"][]; limit?: number } = {}) {
    return (await listJobRows(options)).map(view);
  }

  async get(id: string) {
    const row = await findJob(id);
    return row && view(row);
  }

  async payload(id: string) {
    return (await findJob(id))?.payload;
  }

  async retry(id: string) {
    const done = await requeueJob(id, this.now());
    if (done) wake.emit("job");
    return done;
  }

  async cancel(id: string) {
    return (await cancelJobRow(id, this.now())) !== undefined;
  }

  startWorker(handlers: JobHandlers, options: RunnerOptions = {}): JobWorker {
    const runner = new DatabaseRunner(handlers, { now: this.now, ...options });
    runner.start();
    return runner;
  }

  async close() {}
}

/**
 * Runs due jobs of the database queue inside this process: claims each with a lease it renews while the job runs,
 * retries failures with exponential backoff, and ends cancelled jobs. A job whose runner died (lease lapsed) is
 * claimed again by the next runner.
 */
export class DatabaseRunner implements JobWorker {
  private readonly id: string;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly now: () => number;
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  /** Set by stop(): no more claims, and a job cut off by the shutdown goes back to the queue uncounted. */
  private shuttingDown = false;
  private ticking: Promise<void> | undefined;
  private tickAgain = false;
  private lastPrune = 0;
  private readonly onWake = () => void this.tick();

  constructor(
    private readonly handlers: JobHandlers,
    options: RunnerOptions = {},
  ) {
    this.id = options.runnerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    this.concurrency = options.concurrency ?? 2;
    this.pollMs = options.pollMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Polls until stopped. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    wake.on("job", this.onWake);
    const loop = () => {
      if (this.stopped) return;
      void this.tick().finally(() => {
        if (!this.stopped) this.timer = setTimeout(loop, this.pollMs);
      });
    };
    loop();
  }

  /** Stops polling and waits for the jobs that run (they are asked to stop after `graceMs`; their lease then lapses). */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopped = true;
    this.shuttingDown = true;
    wake.off("job", this.onWake);
    if (this.timer) clearTimeout(this.timer);
    const all = Promise.all([...this.running.values()].map((r) => r.done));
    const grace = setTimeout(() => this.running.forEach((r) => r.controller.abort(new Error("The panel is shutting down"))), graceMs);
    await all;
    clearTimeout(grace);
  }

  /** Runs every due job (as many at once as allowed) until none is due; for tests and the CLI. */
  async runDue(): Promise<number> {
    let count = 0;
    for (;;) {
      const started = await this.claimAndStart();
      if (!started) break;
      count += started;
      // A short job can finish while the claim loop is still looking for the next one, so nothing may be running
      // now; racing an empty list would wait forever.
      if (this.running.size) await Promise.race([...this.running.values()].map((r) => r.done));
    }
    await Promise.all([...this.running.values()].map((r) => r.done));
    return count;
  }

  private tick(): Promise<void> {
    // One tick at a time; a wake during a tick runs one more once it ends (its claim loop may have found every slot
    // taken or nothing due just before the wake).
    if (this.ticking) {
      this.tickAgain = true;
      return this.ticking;
    }
    this.ticking = this.claimAndStart()
      .then(() => this.prune())
      .catch((error: unknown) => log().error({ ...errorField(error) }, "The job runner could not read the queue"))
      .finally(() => {
        this.ticking = undefined;
        if (this.tickAgain && !this.stopped) {
          this.tickAgain = false;
          void this.tick();
        }
      });
    return this.ticking;
  }

  private async prune(): Promise<void> {
    if (this.now() - this.lastPrune < 60 * 60_000) return;
    this.lastPrune = this.now();
    await pruneFinishedJobs(this.now() - KEEP_FINISHED_MS);
  }

  /** Claims due jobs up to the free slots and starts them; answers how many it started. */
  private async claimAndStart(): Promise<number> {
    let started = 0;
    while (!this.shuttingDown && this.running.size < this.concurrency) {
      const job = await claimDueJob(this.id, this.now(), this.now() + this.leaseMs, Object.keys(this.handlers));
      if (!job) break;
      const controller = new AbortController();
      const done = this.run(job, controller).finally(() => {
        this.running.delete(job.id);
        // The freed slot takes the next due job now: waiting for the next poll ran a queue of short jobs (a bulk action
        // over many accounts) at one job per slot per second.
        if (!this.stopped) void this.tick();
      });
      this.running.set(job.id, { controller, done });
      started++;
    }
    return started;
  }

  private async run(job: JobRow, controller: AbortController): Promise<void> {
    const handler = this.handlers[job.kind]!;
    const held = (changes: Parameters<typeof updateHeldJob>[2]) => updateHeldJob(job.id, this.id, { now: this.now(), ...changes });
    let cancelled = await jobCancelRequested(job.id);
    if (cancelled) {
      await held({ state: "cancelled", finishedAt: this.now() });
      return;
    }
    if (job.attempts > job.maxAttempts) {
      // The last allowed attempt was cut off (its runner died); running it again would exceed the limit.
      await held({ state: "failed", finishedAt: this.now(), lastError: job.lastError ?? "The panel stopped while the job ran, on its last attempt" });
      return;
    }
    const heartbeat = setInterval(
      () => {
        void (async () => {
          const stillHeld = await held({ lockedUntil: this.now() + this.leaseMs });
          if (!stillHeld) controller.abort(new Error("The job's lease was lost"));
          else if (await jobCancelRequested(job.id)) {
            cancelled = true;
            controller.abort(new Error("Cancelled"));
          }
        })().catch(() => undefined);
      },
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    try {
      const result = await handler(job.payload, {
        jobId: job.id,
        attempt: job.attempts,
        signal: controller.signal,
        progress: async (percent, message) => {
          await held({ progress: Math.max(0, Math.min(100, Math.round(percent))), ...(message !== undefined ? { progressMessage: message } : {}) });
          if (await jobCancelRequested(job.id)) {
            cancelled = true;
            controller.abort(new Error("Cancelled"));
          }
        },
      });
      clearInterval(heartbeat);
      await held({ state: "succeeded", finishedAt: this.now(), progress: 100, lastError: null, ...(result ? { payload: result.payloadAfter } : {}) });
    } catch (error) {
      clearInterval(heartbeat);
      cancelled ||= await jobCancelRequested(job.id).catch(() => false);
      if (cancelled) {
        await held({ state: "cancelled", finishedAt: this.now(), lastError: job.lastError });
        return;
      }
      if (this.shuttingDown && controller.signal.aborted) {
        // The panel shut down under the job: not its failure. It goes back to the queue at once, the attempt not
        // counted, and the next runner resumes it (a bulk job skips what it finished), however often the panel restarts.
        await held({ state: "queued", runAt: this.now(), attempts: Math.max(0, job.attempts - 1), lastError: job.lastError });
        return;
      }
      const message = errorText(error);
      if (job.attempts >= job.maxAttempts) {
        log().warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, error: message }, "A job failed for good");
        await held({ state: "failed", finishedAt: this.now(), lastError: message });
      } else {
        const runAt = this.now() + backoffDelay(job.backoffMs, job.attempts);
        log().info({ jobId: job.id, kind: job.kind, attempt: job.attempts, error: message, runAt }, "A job failed; it runs again later");
        await held({ state: "queued", runAt, lastError: message });
      }
    }
  }
}
