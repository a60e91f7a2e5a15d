import { z } from "zod";
import { defineRoute } from "@/lib/api/route-spec";

export const jobParams = z.object({
  jobId: z
    .string()
    .regex(/^[\w-]{1,80}$/)
    .describe("The job's id, from the 202 answer of a bulk action"),
});

const state = z.enum(["queued", "running", "succeeded", "failed", "cancelled"]);

/** A bulk job with one result per item (mailboxes, or the accounts of a batch force-password change). */
export const jobSchema = z.object({
  id: z.string(),
  kind: z.enum(["mailboxes", "force_password"]),
  action: z.string().describe("mailboxes: the bulk action; force_password: force_password"),
  accountId: z.string().nullable(),
  title: z.string(),
  state,
  progress: z.number().int().describe("0–100"),
  progressMessage: z.string().nullable(),
  lastError: z.string().nullable(),
  cancelRequested: z.boolean(),
  createdAt: z.string().describe("ISO 8601"),
  finishedAt: z.string().nullable(),
  results: z
    .array(
      z.object({
        item: z.string().describe("The mailbox address, or the cPanel user"),
        outcome: z
          .string()
          .describe(
            "mailboxes: success, skipped, failure, unknown, pending, not_done; force_password: updated, already, failed, unknown, skipped, pending",
          ),
        call: z.string().nullable(),
        detail: z.string().nullable().describe("Why it was skipped, or what failed"),
      }),
    )
    .describe("One per item, in order; pending = not reached yet"),
});

const errors = ["unauthorized", "forbidden", "not_found", "rate_limited"] as const;

/** /api/v2/jobs/{jobId} */
export const jobRoute = defineRoute("/api/v2/jobs/{jobId}", {
  GET: {
    summary: "A bulk job: state, progress and each item's result",
    description: "Visible to whoever may see the job's hosting account, and to staff; a batch force-password job to staff only.",
    access: "read",
    params: jobParams,
    response: { status: 200, description: "The job", schema: jobSchema },
    errors,
  },
});

/** /api/v2/jobs/{jobId}/cancel */
export const jobCancelRoute = defineRoute("/api/v2/jobs/{jobId}/cancel", {
  POST: {
    summary: "Cancel a bulk job",
    description: "A queued job does not start; a running one stops after the items it is doing (those are finished and audited).",
    access: "write",
    params: jobParams,
    response: { status: 200, description: "The job after the request", schema: jobSchema },
    errors: ["invalid_request", ...errors],
  },
});

/** /api/v2/jobs/{jobId}/results.csv */
export const jobResultsCsvRoute = defineRoute("/api/v2/jobs/{jobId}/results.csv", {
  GET: {
    summary: "A bulk job's results as CSV",
    description:
      "One line per item. Mailboxes: mailbox, outcome, call, skipped, error. Force-password: account, cpanel_user, server, outcome, reason.",
    access: "read",
    params: jobParams,
    response: { status: 200, description: "The results", schema: z.string(), contentType: "text/csv" },
    errors,
  },
});
