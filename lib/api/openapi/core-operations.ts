import { z } from "zod";
import { accountParams, changePasswordBody, emailAccountSchema, hostingAccountSchema, mailboxParams } from "@/lib/api/schemas";
import type { ApiOperation } from "./operation";

/** The accounts, mailbox list and password endpoints (DESIGN §7). */
export const coreOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v2/shared-hosting",
    summary: "List the hosting accounts you may manage",
    access: "read",
    response: { status: 200, description: "The accounts", schema: z.object({ data: z.array(hostingAccountSchema) }) },
    errors: ["unauthorized", "forbidden"],
  },
  {
    method: "get",
    path: "/api/v2/shared-hosting/{accountId}/email-accounts",
    summary: "List an account's mailboxes, live from cPanel",
    access: "read",
    params: accountParams,
    response: { status: 200, description: "The mailboxes", schema: z.object({ emailAccounts: z.array(emailAccountSchema) }) },
    errors: ["unauthorized", "forbidden", "not_found", "upstream_unavailable", "account_not_eligible_cpanel"],
  },
  {
    method: "put",
    path: "/api/v2/shared-hosting/{accountId}/email-accounts/{address}/password",
    summary: "Set a mailbox's password",
    description:
      "The password is checked against the panel's policy and cPanel's required strength before cPanel is called. The answer never contains the password. Send an Idempotency-Key header to make retries safe.",
    access: "write",
    params: mailboxParams,
    body: changePasswordBody,
    response: { status: 200, description: "The password was changed", schema: z.object({ email: z.string() }) },
    errors: ["invalid_request", "password_too_weak", "unauthorized", "forbidden", "not_found", "rate_limited", "upstream_unavailable", "account_not_eligible_cpanel"],
  },
];
