/** What the job pages show of a bulk job (plain data; the page maps the domain's view). Isomorphic. */

export type JobResultView = { item: string; outcome: string; call: string | null; detail: string | null };
export type JobStateName = "queued" | "running" | "succeeded" | "failed" | "cancelled";
export type JobSummaryView = {
  id: string;
  title: string;
  kind: "mailboxes" | "force_password";
  state: JobStateName;
  progress: number;
  progressMessage: string | null;
  lastError: string | null;
  cancelRequested: boolean;
  active: boolean;
};

/** Each result's words (never colour alone). */
export const OUTCOME_TEXT: Record<string, string> = {
  success: "Done",
  skipped: "Skipped",
  failure: "Failed",
  unknown: "Not confirmed",
  pending: "Waiting",
  not_done: "Not done (stopped before it)",
  updated: "Updated",
  already: "Already required",
  failed: "Failed",
};

export const OUTCOME_CLASS: Record<string, string> = {
  success: "text-emerald-800",
  updated: "text-emerald-800",
  already: "text-emerald-800",
  failure: "font-semibold text-red-800",
  failed: "font-semibold text-red-800",
  unknown: "font-semibold text-amber-900",
};

/** The job's state as one sentence for its status line. */
export function jobStateText(job: JobSummaryView, done: number, total: number, noun: string): string {
  const of = `${done} of ${total} ${noun}`;
  if (job.state === "queued") return job.progress > 0 ? `Waiting to resume: ${of} done.` : `Queued: it starts in a moment (${of} done).`;
  if (job.state === "running") return job.cancelRequested ? `Stopping: ${of} done.` : `Running: ${of} done (${job.progress}%).`;
  if (job.state === "succeeded") return `Finished: ${of} done.`;
  if (job.state === "cancelled") return `Cancelled: ${of} done; the rest were not.`;
  return `Failed: ${job.lastError ?? "the job stopped"} (${of} done).`;
}
