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

/** Each result's colour (the words are Bulk.results.outcomes; never colour alone). */
export const OUTCOME_CLASS: Record<string, string> = {
  success: "text-emerald-800",
  updated: "text-emerald-800",
  already: "text-emerald-800",
  failure: "font-semibold text-red-800",
  failed: "font-semibold text-red-800",
  unknown: "font-semibold text-amber-900",
};
