import { defineRoute } from "@/lib/api/route-spec";
import { addressForwardingSchema, deleteQuery, forwarderParams } from "@/lib/api/forwarding-schemas";
import { writeErrors } from "./forwarding-errors";

/** /api/v2/shared-hosting/{accountId}/email-accounts/{address}/forwarders/{destination}: one destination of an address. */
export const forwarderRoute = defineRoute("/api/v2/shared-hosting/{accountId}/email-accounts/{address}/forwarders/{destination}", {
  DELETE: {
    summary: "Remove one destination of an address",
    description: "Any kind may be removed. Staff give `?reason=`.",
    access: "write",
    params: forwarderParams,
    query: deleteQuery,
    response: { status: 200, description: "Removed; the address's forwarders as cPanel lists them afterwards", schema: addressForwardingSchema },
    errors: writeErrors,
  },
});
