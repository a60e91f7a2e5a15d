import { z } from "zod";
import { defineRoute } from "@/lib/api/route-spec";
import { mailboxParams, reasonSchema } from "@/lib/api/schemas";

const outcome = z.enum(["done", "already", "failed", "unknown", "skipped"]);

/** The report of "Secure this mailbox" (the same the panel shows). */
export const secureReportSchema = z.object({
  incidentId: z.string().describe("Every audit event of this run carries it (detail.incidentId)"),
  accountId: z.string(),
  email: z.string(),
  steps: z
    .array(
      z.object({
        id: z.enum(["suspend_login", "hold_outgoing", "replace_password", "end_sessions", "notify_owner"]),
        label: z.string(),
        outcome,
        detail: z.string(),
      }),
    )
    .describe("In the order they ran; a failed step does not stop the others"),
  inEffect: z
    .object({ loginSuspended: z.boolean().nullable(), outgoingHeld: z.boolean().nullable() })
    .describe("Read back from cPanel after the steps; null = could not be read"),
  heldCount: z.number().int().nullable(),
  forwarders: z
    .array(z.object({ destination: z.string(), kind: z.string(), addedAt: z.number().nullable(), recent: z.boolean() }))
    .nullable()
    .describe("The mailbox's forwarders; addedAt (epoch ms) from the audit log, recent = within 7 days"),
  autoresponder: z.object({ subject: z.string(), changedAt: z.number().nullable(), recent: z.boolean() }).nullable(),
  reviewError: z.string().nullable(),
});

/** /api/v2/shared-hosting/{accountId}/email-accounts/{address}/secure */
export const secureRoute = defineRoute("/api/v2/shared-hosting/{accountId}/email-accounts/{address}/secure", {
  POST: {
    summary: "Secure a compromised mailbox",
    description:
      "Suspends login, holds outgoing mail, replaces the password with a random one that is never returned, ends the account's IMAP/POP sessions (staff only: cPanel can only end every mailbox's sessions of the account), and lists the forwarders and autoresponder. Every step runs even when one fails; the answer says each step's outcome and what is in effect. Staff must give a reason.",
    access: "write",
    params: mailboxParams,
    body: z.object({ reason: reasonSchema }).strict(),
    response: { status: 200, description: "Each step's outcome and what is in effect afterwards", schema: secureReportSchema },
    errors: ["invalid_request", "unauthorized", "forbidden", "not_found", "rate_limited", "upstream_unavailable", "account_not_eligible_cpanel"],
  },
});
