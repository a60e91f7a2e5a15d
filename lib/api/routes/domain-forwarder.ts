import { defineRoute } from "@/lib/api/route-spec";
import { deleteQuery, domainForwarderParams, domainForwardersSchema } from "@/lib/api/forwarding-schemas";
import { writeErrors } from "./forwarding-errors";

/** /api/v2/shared-hosting/{accountId}/domain-forwarders/{domain}: one forwarded domain. */
export const domainForwarderRoute = defineRoute("/api/v2/shared-hosting/{accountId}/domain-forwarders/{domain}", {
  DELETE: {
    summary: "Stop forwarding a domain",
    description: "Staff give `?reason=`.",
    access: "write",
    params: domainForwarderParams,
    query: deleteQuery,
    response: { status: 200, description: "Removed; the domain forwarders as cPanel lists them afterwards", schema: domainForwardersSchema },
    errors: writeErrors,
  },
});
