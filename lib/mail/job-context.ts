import "server-only";
import type { WriteContext } from "@/lib/core/write-context";
import { NotFoundError } from "@/lib/core/errors";
import { findUserById } from "@/lib/db/users";
import type { JobContext } from "@/lib/jobs/types";

/**
 * The write context of a queued job, rebuilt when it runs: the person who started it must still exist and not be
 * locked (a job never acts for someone who can no longer act), and the job's id stands in for the request id so every
 * audit event of the run can be found under it.
 */
export async function jobWriteContext(
  started: { actorId: string; reason?: string; via: WriteContext["via"] },
  job: JobContext,
  what: string,
): Promise<WriteContext> {
  const user = await findUserById(started.actorId);
  if (!user || user.lockedAt) throw new NotFoundError(`The person who started this ${what} can no longer act`);
  return {
    actor: { id: user.id, email: user.email, name: user.name, role: user.role },
    reason: started.reason,
    via: started.via,
    requestId: job.jobId,
  };
}
