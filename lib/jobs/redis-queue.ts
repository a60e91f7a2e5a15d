import "server-only";
import { createHash } from "node:crypto";
import { Job, Queue, UnrecoverableError, Worker } from "bullmq";
import IORedis from "ioredis";
import { errorField, log } from "@/lib/log";
import { DEFAULT_RETRY, errorText, type EnqueueInput, type JobHandlers, type JobQueue, type JobState, type JobView, type JobWorker } from "./types";

const QUEUE_NAME = "mailroom-jobs";
const CANCELLED = "Cancelled";
const KEEP_FINISHED_S = 30 * 24 * 60 * 60;

type Data = { key: string; title: string; payload: unknown; cancel?: boolean };
type Progress = { percent: number; message?: string };

// BullMQ refuses ids with ":" and integers; a hash of the key is neither and stays the same for the same key.
const jobIdOf = (key: string) => `k${createHash("sha256").update(key).digest("hex").slice(0, 40)}`;

function stateOf(state: string, job: Job<Data>): JobState {
  if (state === "active") return "running";
  if (state === "completed") return "succeeded";
  if (state === "failed") return job.failedReason === CANCELLED ? "cancelled" : "failed";
  return "queued";
}

async function view(job: Job<Data>): Promise<JobView> {
  const state = stateOf(await job.getState(), job);
  const progress = (typeof job.progress === "object" ? job.progress : { percent: Number(job.progress) || 0 }) as Progress;
  return {
    id: job.id!,
    kind: job.name,
    title: job.data.title,
    state,
    attempts: job.attemptsMade + (state === "running" ? 1 : 0),
    maxAttempts: job.opts.attempts ?? 1,
    progress: progress.percent ?? 0,
    progressMessage: progress.message ?? null,
    lastError: job.failedReason && job.failedReason !== CANCELLED ? job.failedReason : null,
    runAt: state === "queued" ? job.timestamp + (job.delay ?? 0) : null,
    createdAt: job.timestamp,
    updatedAt: job.finishedOn ?? job.processedOn ?? job.timestamp,
    finishedAt: job.finishedOn ?? null,
    cancelRequested: job.data.cancel === true,
  };
}

/** The queue on Redis (BullMQ): shared by every panel instance that has the same REDIS_URL. */
export class RedisQueue implements JobQueue {
  readonly backend = "redis" as const;
  private readonly connection: IORedis;
  private readonly queue: Queue<Data>;

  private readonly name: string;

  /** `name` keeps separate queues apart on one Redis (tests); the panel uses the default. */
  constructor(url: string, options: { name?: string } = {}) {
    this.name = options.name ?? QUEUE_NAME;
    // BullMQ's workers block on Redis; it requires no per-request retry limit.
    this.connection = new IORedis(url, { maxRetriesPerRequest: null, lazyConnect: true });
    this.queue = new Queue<Data>(this.name, { connection: this.connection });
  }

  async enqueue(input: EnqueueInput) {
    const retry = { ...DEFAULT_RETRY, ...input.retry };
    const jobId = jobIdOf(input.key);
    if (await this.queue.getJob(jobId)) return { id: jobId, created: false };
    await this.queue.add(
      input.kind,
      { key: input.key, title: input.title, payload: input.payload },
      {
        jobId,
        attempts: retry.attempts,
        backoff: { type: "exponential", delay: retry.backoffMs },
        // Succeeded jobs keep their key for 30 days (a retried write within that never mails twice); failed ones stay.
        removeOnComplete: { age: KEEP_FINISHED_S },
        removeOnFail: false,
      },
    );
    return { id: jobId, created: true };
  }

  async list(options: { states?: JobState[]; limit?: number } = {}) {
    const limit = options.limit ?? 100;
    const jobs = (await this.queue.getJobs(["active", "waiting", "delayed", "prioritized", "failed", "completed"], 0, limit * 2)).filter(Boolean);
    const views = await Promise.all(jobs.map(view));
    return views
      .filter((job) => !options.states?.length || options.states.includes(job.state))
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, limit);
  }

  async get(id: string) {
    const job = await this.queue.getJob(id);
    return job ? view(job) : undefined;
  }

  async payload(id: string) {
    return (await this.queue.getJob(id))?.data.payload;
  }

  async retry(id: string) {
    const job = await this.queue.getJob(id);
    if (!job || (await job.getState()) !== "failed") return false;
    await job.updateData({ ...job.data, cancel: false });
    await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true });
    return true;
  }

  async cancel(id: string) {
    const job = await this.queue.getJob(id);
    if (!job) return false;
    const state = await job.getState();
    if (state === "completed" || state === "failed") return false;
    // The worker that takes (or holds) it sees the flag and ends it as cancelled; a delayed one is taken now.
    await job.updateData({ ...job.data, cancel: true });
    if (state === "delayed") await job.promote().catch(() => undefined);
    return true;
  }

  startWorker(handlers: JobHandlers, options: { concurrency?: number } = {}): JobWorker {
    const worker = new Worker<Data>(
      this.name,
      async (job) => {
        const handler = handlers[job.name];
        if (!handler) throw new UnrecoverableError(`No handler for jobs of kind ${job.name}`);
        const isCancelled = async () => (await Job.fromId<Data>(this.queue, job.id!))?.data.cancel === true;
        if (job.data.cancel) throw new UnrecoverableError(CANCELLED);
        const controller = new AbortController();
        let cancelled = false;
        const watch = setInterval(() => {
          void isCancelled()
            .then((yes) => {
              if (yes) {
                cancelled = true;
                controller.abort(new Error(CANCELLED));
              }
            })
            .catch(() => undefined);
        }, 2_000);
        try {
          const result = await handler(job.data.payload, {
            jobId: job.id!,
            attempt: job.attemptsMade + 1,
            signal: controller.signal,
            progress: async (percent, message) => {
              await job.updateProgress({ percent: Math.max(0, Math.min(100, Math.round(percent))), ...(message !== undefined ? { message } : {}) });
            },
          });
          if (result) await job.updateData({ ...job.data, payload: result.payloadAfter });
        } catch (error) {
          if (cancelled || (await isCancelled().catch(() => false))) throw new UnrecoverableError(CANCELLED);
          throw new Error(errorText(error));
        } finally {
          clearInterval(watch);
        }
      },
      { connection: this.connection.duplicate(), concurrency: options.concurrency ?? 2, maxStalledCount: 2 },
    );
    worker.on("error", (error) => log().error({ ...errorField(error) }, "The job worker lost Redis"));
    return { stop: () => worker.close() };
  }

  /** Deletes the queue and all its jobs (tests). */
  async obliterate() {
    await this.queue.obliterate({ force: true });
  }

  async close() {
    await this.queue.close();
    this.connection.disconnect();
  }
}
