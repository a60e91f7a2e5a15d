import { z } from "zod";
import { defineRoute } from "@/lib/api/route-spec";
import { changePasswordBody, mailboxParams } from "@/lib/api/schemas";

/** /api/v2/shared-hosting/{accountId}/email-accounts/{address}/password (DESIGN §7). */
export const passwordRoute = defineRoute("/api/v2/shared-hosting/{accountId}/email-accounts/{address}/password", {
  PUT: {
    summary: "Set a mailbox's password",
    description:
      "The password is checked against the panel's policy and cPanel's required strength before cPanel is called. The answer never contains the password. Send an Idempotency-Key header to make retries safe.",
    access: "write",
    params: mailboxParams,
    body: changePasswordBody,
    response: { status: 200, description: "The password was changed", schema: z.object({ email: z.string() }) },
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
});
