import { apiRoute } from "@/lib/api/route";
import { jobJson } from "@/lib/api/job-json";
import { jobCancelRoute } from "@/lib/api/routes/jobs";
import { cancelBulkJob } from "@/lib/mail/bulk-jobs";

/** POST /api/v2/jobs/{jobId}/cancel — cancels a queued bulk job or stops a running one after its current items. */
export const POST = apiRoute(jobCancelRoute.POST, async ({ context, params }) => {
  return { body: jobJson(await cancelBulkJob(context, params.jobId)) };
});
