import { apiRoute } from "@/lib/api/route";
import { jobJson } from "@/lib/api/job-json";
import { jobRoute } from "@/lib/api/routes/jobs";
import { bulkJobFor } from "@/lib/mail/bulk-jobs";

/** GET /api/v2/jobs/{jobId} — a bulk job's state, progress and results, for whoever may see it. */
export const GET = apiRoute(jobRoute.GET, async ({ context, params }) => {
  return { body: jobJson(await bulkJobFor(context.actor, params.jobId)) };
});
