import { z } from "zod";
import { defineRoute } from "@/lib/api/route-spec";
import { accountParams, reasonSchema } from "@/lib/api/schemas";

/** The body of a bulk action: which mailboxes, what to do, and whether only to preview it. */
export const bulkActionBody = z
  .object({
    addresses: z
      .array(z.string().min(3).max(254))
      .min(1, "Give at least one address")
      .max(1000, "At most 1000 mailboxes at a time")
      .describe("The mailboxes' addresses, on this account"),
    action: z
      .enum(["set_quota", "suspend_login", "unsuspend_login", "hold_outgoing", "release_outgoing", "secure"])
      .describe(
        "secure = suspend login, hold outgoing mail and replace the password with a random one nobody sees; for staff also end the account's IMAP/POP sessions once",
      ),
    quotaMb: z.number().int().positive().max(4_194_304).nullable().optional().describe("set_quota only: the quota in MB; null = unlimited"),
    dryRun: z.boolean().optional().describe("true: answer the plan (every cPanel call, and what is skipped) and change nothing"),
    reason: reasonSchema,
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.action === "set_quota" && body.quotaMb === undefined) {
      ctx.addIssue({ code: "custom", path: ["quotaMb"], message: "Give the quota in MB (or null for unlimited) for set_quota" });
    }
  });

export const bulkPlanSchema = z.object({
  accountId: z.string(),
  dryRun: z.literal(true),
  items: z
    .array(
      z.object({
        email: z.string(),
        call: z.string().nullable().describe("The cPanel call(s) that would be made; null when skipped"),
        skip: z.string().nullable().describe("Why nothing is sent: it is already so, or no such mailbox"),
        note: z.string().optional().describe("Parts of the action left out because they are already so"),
      }),
    )
    .describe("One per selected mailbox, in the order given"),
  accountCalls: z.array(z.string()).describe("Calls made once for the whole account after the mailboxes"),
});

export const jobStartedSchema = z.object({
  jobId: z.string(),
  href: z.string().describe("The job's URL (also in the Location header): GET it for progress and results"),
});

/** /api/v2/shared-hosting/{accountId}/bulk-actions */
export const bulkActionsRoute = defineRoute("/api/v2/shared-hosting/{accountId}/bulk-actions", {
  POST: {
    summary: "Run an action on many mailboxes, or preview it",
    description:
      "With dryRun: the plan, changing nothing. Otherwise the action is queued as a job (202 with Location): it re-plans when it runs, skips what is already so, makes at most a few calls at a time per cPanel server, survives a panel restart doing each mailbox once, and audits every mailbox under the job. Staff must give a reason for a run.",
    access: "write",
    params: accountParams,
    body: bulkActionBody,
    response: { status: 202, description: "The job is queued; follow Location (or href)", schema: jobStartedSchema },
    otherResponses: [{ status: 200, description: "dryRun: what would happen", schema: bulkPlanSchema }],
    errors: ["invalid_request", "unauthorized", "forbidden", "not_found", "rate_limited", "upstream_unavailable", "account_not_eligible_cpanel"],
  },
});
