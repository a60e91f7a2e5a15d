import "server-only";
import { config } from "@/lib/config";
import { DatabaseQueue } from "./database-queue";
import { RedisQueue } from "./redis-queue";
import type { EnqueueInput, JobHandlers, JobQueue, JobWorker } from "./types";

// One queue per process, kept on globalThis so dev-mode reloads reuse it.
const KEY = Symbol.for("mailroom.jobs.queue");
type Holder = typeof globalThis & { [KEY]?: { queue: JobQueue; worker?: JobWorker } };
const holder = globalThis as Holder;

/** The process's queue: BullMQ on Redis when REDIS_URL is set (shared by every instance), else the app database. */
export function jobQueue(): JobQueue {
  if (!holder[KEY]) {
    const url = config().REDIS_URL;
    holder[KEY] = { queue: url ? new RedisQueue(url) : new DatabaseQueue() };
  }
  return holder[KEY].queue;
}

/** Makes `queue` the process's queue (tests); the previous one is not closed. */
export function installJobQueue(queue: JobQueue): void {
  holder[KEY] = { queue };
}

/** Adds a job unless one with the same key exists (then it is that job); answers its id. */
export async function enqueueJob(input: EnqueueInput): Promise<{ id: string; created: boolean }> {
  return jobQueue().enqueue(input);
}

/** Starts this process's worker for `handlers` (once; later calls are no-ops). */
export function startJobWorker(handlers: JobHandlers): JobWorker {
  const entry = (jobQueue(), holder[KEY]!);
  entry.worker ??= entry.queue.startWorker(handlers);
  return entry.worker;
}

/** Stops the worker and closes the queue (shutdown, tests, the CLI). */
export async function closeJobQueue(): Promise<void> {
  const entry = holder[KEY];
  holder[KEY] = undefined;
  await entry?.worker?.stop();
  await entry?.queue.close();
}
