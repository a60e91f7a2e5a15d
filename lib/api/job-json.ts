import "server-only";
import type { z } from "zod";
import type { jobSchema } from "@/lib/api/routes/jobs";
import type { BulkJobView } from "@/lib/mail/bulk-jobs";

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** A bulk job as the REST API answers it (lib/api/routes/jobs.ts): times as ISO 8601, one result shape for both kinds. */
export function jobJson(job: BulkJobView): z.input<typeof jobSchema> {
  const results =
    job.kind === "mailboxes"
      ? job.results.map((r) => ({ item: r.email, outcome: r.outcome, call: r.call, detail: r.error ?? r.skipped }))
      : job.results.map((r) => ({
          item: r.cpanelUser,
          outcome: r.outcome,
          call: r.outcome === "pending" || r.outcome === "skipped" ? null : `WHM forcepasswordchange user=${r.cpanelUser}`,
          detail: r.reason,
        }));
  return {
    id: job.id,
    kind: job.kind,
    action: job.kind === "mailboxes" ? job.action : "force_password",
    accountId: job.accountId,
    title: job.title,
    state: job.state,
    progress: job.progress,
    progressMessage: job.progressMessage,
    lastError: job.lastError,
    cancelRequested: job.cancelRequested,
    createdAt: iso(job.createdAt)!,
    finishedAt: iso(job.finishedAt),
    results,
  };
}
