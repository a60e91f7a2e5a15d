import "server-only";
import type { getTranslations } from "next-intl/server";
import type { JobSummaryView } from "@/components/bulk/job-view";

type JobsT = Awaited<ReturnType<typeof getTranslations<"Jobs">>>;

/** The job's state as one sentence for its status line ("Running: 3 of 10 mailboxes done (30%)."), in the reader's language. */
export function jobStateText(t: JobsT, job: JobSummaryView, done: number, total: number): string {
  const of = t(job.kind === "mailboxes" ? "done.mailboxes" : "done.accounts", { done, total });
  switch (job.state) {
    case "queued":
      return t(job.progress > 0 ? "state.waiting" : "state.queued", { done: of });
    case "running":
      return job.cancelRequested ? t("state.stopping", { done: of }) : t("state.running", { done: of, percent: job.progress });
    case "succeeded":
      return t("state.succeeded", { done: of });
    case "cancelled":
      return t("state.cancelled", { done: of });
    default:
      // The job's last error is the job runner's own sentence.
      return job.lastError ? t("state.failed", { error: job.lastError, done: of }) : t("state.failedPlain", { done: of });
  }
}
