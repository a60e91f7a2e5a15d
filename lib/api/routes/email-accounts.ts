import { z } from "zod";
import { defineRoute } from "@/lib/api/route-spec";
import { accountParams, emailAccountSchema } from "@/lib/api/schemas";
import { createMailboxBody, mailboxSettingsSchema } from "@/lib/api/options-schemas";

/** /api/v2/shared-hosting/{accountId}/email-accounts: the mailbox list (DESIGN §7) and creating a mailbox. */
export const emailAccountsRoute = defineRoute("/api/v2/shared-hosting/{accountId}/email-accounts", {
  GET: {
    summary: "List an account's mailboxes, live from cPanel",
    access: "read",
    params: accountParams,
    response: { status: 200, description: "The mailboxes", schema: z.object({ emailAccounts: z.array(emailAccountSchema) }) },
    errors: ["unauthorized", "forbidden", "not_found", "upstream_unavailable", "account_not_eligible_cpanel"],
  },
  POST: {
    summary: "Create a mailbox",
    description: "The password must meet the same policy as a password change; the quota must be within the account's maximum.",
    access: "write",
    params: accountParams,
    body: createMailboxBody,
    response: { status: 201, description: "Created; its settings read back from cPanel", schema: mailboxSettingsSchema },
    errors: ["invalid_request", "password_too_weak", "unauthorized", "forbidden", "not_found", "upstream_unavailable", "account_not_eligible_cpanel"],
  },
});
