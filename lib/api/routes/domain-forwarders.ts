import { defineRoute } from "@/lib/api/route-spec";
import { accountParams } from "@/lib/api/schemas";
import { addDomainForwarderBody, domainForwardersSchema } from "@/lib/api/forwarding-schemas";
import { readErrors, writeErrors } from "./forwarding-errors";

/** /api/v2/shared-hosting/{accountId}/domain-forwarders: the account's domain forwarders (issue 5). */
export const domainForwardersRoute = defineRoute("/api/v2/shared-hosting/{accountId}/domain-forwarders", {
  GET: {
    summary: "List the account's domain forwarders",
    access: "read",
    params: accountParams,
    response: { status: 200, description: "The domain forwarders", schema: domainForwardersSchema },
    errors: readErrors,
  },
  POST: {
    summary: "Forward all mail of one of the account's domains to another domain",
    description: "One per domain: remove an existing one first (cPanel would replace it silently). Loops between domains are refused.",
    access: "write",
    params: accountParams,
    body: addDomainForwarderBody,
    response: { status: 201, description: "Added; the domain forwarders as cPanel lists them afterwards", schema: domainForwardersSchema },
    errors: writeErrors,
  },
});
