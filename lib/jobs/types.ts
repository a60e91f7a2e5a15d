import type { JobState } from "@/lib/db/jobs";

export type { JobState };

/** What a handler gets besides its payload: which attempt this is, progress reporting, and cancellation. */
export type JobContext = {
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  /** Aborted when someone cancels the job (or the runner stops): stop at the next safe point. */
  signal: AbortSignal;
  /** Reports how far the job is, 0–100, with an optional line for people. */
  progress(percent: number, message?: string): Promise<void>;
};

/**
 * Runs one job; throwing means "try again later" (with backoff) until the attempts are used up. It may answer
 * what to keep of the payload once done (a mail job drops its template data: nothing is kept longer than needed).
 */
export type JobHandler = (payload: unknown, context: JobContext) => Promise<void | { payloadAfter: unknown }>;

/** The handlers a runner serves, by job kind. */
export type JobHandlers = Record<string, JobHandler>;

/** How a kind of job is retried. */
export type RetryPolicy = {
  /** Runs at most this often (the first run included). */
  attempts: number;
  /** The wait before the 2nd run; each later wait doubles (capped at an hour). */
  backoffMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, backoffMs: 30_000 };

/** The longest wait between two attempts. */
export const MAX_BACKOFF_MS = 60 * 60_000;

/** The wait before the next run after `attempt` failed runs (exponential, capped). */
export function backoffDelay(backoffMs: number, attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, backoffMs * 2 ** Math.max(0, attempt - 1));
}

/** A job as people see it (admin page, CLI). */
export type JobView = {
  id: string;
  kind: string;
  title: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  progress: number;
  progressMessage: string | null;
  lastError: string | null;
  /** When it runs next (queued), epoch ms. */
  runAt: number | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  cancelRequested: boolean;
};

export type EnqueueInput = {
  kind: string;
  /** Idempotency key: enqueueing the same key again is a no-op. */
  key: string;
  title: string;
  payload: unknown;
  retry?: Partial<RetryPolicy>;
};

/** The queue's backend: the app database (embedded default) or BullMQ on Redis (REDIS_URL). */
export interface JobQueue {
  readonly backend: "database" | "redis";
  enqueue(input: EnqueueInput): Promise<{ id: string; created: boolean }>;
  list(options?: { states?: JobState[]; limit?: number }): Promise<JobView[]>;
  get(id: string): Promise<JobView | undefined>;
  /** The job's payload as the handler sees it (who may see a job is decided from it); undefined when there is no such job. */
  payload(id: string): Promise<unknown>;
  /** A failed or cancelled job runs again with fresh attempts; false when it is not in such a state. */
  retry(id: string): Promise<boolean>;
  /** Cancels a queued job, or asks a running one to stop; false when it is finished or unknown. */
  cancel(id: string): Promise<boolean>;
  /** Starts serving `handlers` in this process; answers a stop function. */
  startWorker(handlers: JobHandlers): JobWorker;
  close(): Promise<void>;
}

export interface JobWorker {
  stop(): Promise<void>;
}

/** Text of an error for the job list: its message only, cut short (never a stack). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name === "Error" ? "" : `${error.name}: `}${error.message}` : String(error);
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
