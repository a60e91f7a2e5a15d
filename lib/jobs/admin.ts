import "server-only";
import type { Actor } from "@/lib/core/actor";
import { NotFoundError } from "@/lib/core/errors";
import { jobQueue } from "./queue";
import type { JobState, JobView } from "./types";

// Admins only; everyone else gets "not found", as for every staff page (DESIGN §2).
function requireAdmin(actor: Actor): void {
  if (actor.role !== "admin") throw new NotFoundError("Not found");
}

/** The queue's jobs, newest first, for an admin. */
export async function listJobsFor(actor: Actor, options: { states?: JobState[]; limit?: number } = {}): Promise<{ backend: string; jobs: JobView[] }> {
  requireAdmin(actor);
  const queue = jobQueue();
  return { backend: queue.backend, jobs: await queue.list(options) };
}

/** Runs a failed or cancelled job again (an admin). */
export async function retryJobFor(actor: Actor, jobId: string): Promise<void> {
  requireAdmin(actor);
  if (!(await jobQueue().retry(jobId))) throw new NotFoundError("That job is not failed or cancelled (any more)");
}

/** Cancels a queued job or asks a running one to stop (an admin). */
export async function cancelJobFor(actor: Actor, jobId: string): Promise<void> {
  requireAdmin(actor);
  if (!(await jobQueue().cancel(jobId))) throw new NotFoundError("That job has finished already");
}
