import { z } from "zod";
import { defineRoute } from "@/lib/api/route-spec";
import { mailboxParams } from "@/lib/api/schemas";
import { deleteQuery } from "@/lib/api/forwarding-schemas";
import { mailboxSettingsSchema, patchMailboxBody } from "@/lib/api/options-schemas";

/** /api/v2/shared-hosting/{accountId}/email-accounts/{address}: one mailbox's settings, read, changed all-or-nothing, deleted. */
export const emailAccountRoute = defineRoute("/api/v2/shared-hosting/{accountId}/email-accounts/{address}", {
  GET: {
    summary: "Read a mailbox's settings and usage",
    description: "Quota, usage, the account's maximum quota, restrictions, autoresponder and forward addresses, live from cPanel.",
    access: "read",
    params: mailboxParams,
    response: { status: 200, description: "The mailbox's settings", schema: mailboxSettingsSchema },
    errors: ["unauthorized", "forbidden", "not_found", "upstream_unavailable", "account_not_eligible_cpanel"],
  },
  PATCH: {
    summary: "Change a mailbox's settings, all or nothing",
    description:
      "Send any of the fields. The whole body is validated before anything is sent to cPanel (`invalid_request` with a pointer per bad field; a weak password alone is `password_too_weak`). Only what differs from cPanel's current values is sent, the password last. cPanel has no transactions: if a later call fails, the earlier ones are undone (restoring the values read before) and the answer is the failure; if an undo fails too, `detail` says exactly which changes are still in effect (`upstream` = `unknown_outcome`). Send an Idempotency-Key header to make retries safe.",
    access: "write",
    params: mailboxParams,
    body: patchMailboxBody,
    response: { status: 200, description: "Applied; the settings read back from cPanel", schema: mailboxSettingsSchema },
    errors: [
      "invalid_request",
      "password_too_weak",
      "unauthorized",
      "forbidden",
      "not_found",
      "rate_limited",
      "upstream_unavailable",
      "account_not_eligible_cpanel",
    ],
  },
  DELETE: {
    summary: "Delete a mailbox and the mail in it",
    description:
      "cPanel removes the mailbox, its mail and its autoresponder, and keeps forwarders from the address. Cannot be undone. Staff give `?reason=`.",
    access: "write",
    params: mailboxParams,
    query: deleteQuery,
    response: { status: 200, description: "Deleted", schema: z.object({ email: z.string(), deleted: z.literal(true) }) },
    errors: ["unauthorized", "forbidden", "not_found", "upstream_unavailable", "account_not_eligible_cpanel"],
  },
});
