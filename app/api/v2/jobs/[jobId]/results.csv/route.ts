import { apiRoute } from "@/lib/api/route";
import { jobResultsCsvRoute } from "@/lib/api/routes/jobs";
import { bulkJobCsv } from "@/lib/mail/bulk-jobs";

/** GET /api/v2/jobs/{jobId}/results.csv — one line per item, as a download. */
export const GET = apiRoute(jobResultsCsvRoute.GET, async ({ context, params }) => {
  const { filename, csv } = await bulkJobCsv(context.actor, params.jobId);
  return { body: csv, headers: { "content-disposition": `attachment; filename="${filename}"` } };
});
