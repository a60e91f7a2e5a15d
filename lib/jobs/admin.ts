import "server-only";
import { requireAdmin } from "@/lib/mail/guards";
import { auditWrite } from "@/lib/audit/write";
import type { Actor } from "@/lib/core/actor";
import type { WriteContext } from "@/lib/core/write-context";
import { NotFoundError } from "@/lib/core/errors";
import { jobQueue } from "./queue";
import type { JobState, JobView } from "./types";

/** The queue's jobs, newest first, for an admin. */
export async function listJobsFor(
  actor: Actor,
  options: { states?: JobState[]; limit?: number } = {},
): Promise<{ backend: string; jobs: JobView[] }> {
  requireAdmin(actor);
  const queue = jobQueue();
  return { backend: queue.backend, jobs: await queue.list(options) };
}

/** Runs a failed or cancelled job again (an admin); audited. */
export async function retryJobFor(context: WriteContext, jobId: string): Promise<JobView> {
  requireAdmin(context.actor);
  const queue = jobQueue();
  if (!(await queue.retry(jobId))) throw new NotFoundError("That job is not failed or cancelled (any more)");
  await auditWrite(context, { accountId: null, action: "job.retry", target: jobId, outcome: "success" });
  return (await queue.get(jobId))!;
}

/** Cancels a queued job or asks a running one to stop (an admin); audited. */
export async function cancelJobFor(context: WriteContext, jobId: string): Promise<JobView> {
  requireAdmin(context.actor);
  const queue = jobQueue();
  if (!(await queue.cancel(jobId))) throw new NotFoundError("That job has finished already");
  await auditWrite(context, { accountId: null, action: "job.cancel", target: jobId, outcome: "success" });
  return (await queue.get(jobId))!;
}
