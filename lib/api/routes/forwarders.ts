import { defineRoute } from "@/lib/api/route-spec";
import { mailboxParams } from "@/lib/api/schemas";
import { addForwardersBody, addressForwardingSchema } from "@/lib/api/forwarding-schemas";
import { readErrors, writeErrors } from "./forwarding-errors";

/** /api/v2/shared-hosting/{accountId}/email-accounts/{address}/forwarders: address forwarders (issue 5). */
export const forwardersRoute = defineRoute("/api/v2/shared-hosting/{accountId}/email-accounts/{address}/forwarders", {
  GET: {
    summary: "Where an address's mail goes",
    description:
      "`{address}` is a mailbox (address or mbx_ id) or any address on the account's mail domains, with or without a mailbox. With a mailbox, a copy stays in it and each destination gets one.",
    access: "read",
    params: mailboxParams,
    response: { status: 200, description: "The address's forwarders", schema: addressForwardingSchema },
    errors: readErrors,
  },
  POST: {
    summary: "Add forwarders to an address",
    description:
      "Refused (invalid_request, with pointers): invalid addresses, the address itself, duplicates, more than 20 destinations per address, a loop through the account's forwarders or domain forwarders, a source outside the account's mail domains. kind pipe and system: support and admin only (forbidden). Send an Idempotency-Key header to make retries safe.",
    access: "write",
    params: mailboxParams,
    body: addForwardersBody,
    response: { status: 201, description: "Added; the address's forwarders as cPanel lists them afterwards", schema: addressForwardingSchema },
    errors: writeErrors,
  },
});
