import { accountParams, mailboxParams } from "@/lib/api/schemas";
import {
  addDomainForwarderBody,
  addForwardersBody,
  addressForwardingSchema,
  deleteQuery,
  domainForwarderParams,
  domainForwardersSchema,
  forwarderParams,
} from "@/lib/api/forwarding-schemas";
import type { ApiOperation } from "./operation";

const forwarders = "/api/v2/shared-hosting/{accountId}/email-accounts/{address}/forwarders";
const domainForwarders = "/api/v2/shared-hosting/{accountId}/domain-forwarders";
const readErrors = ["unauthorized", "forbidden", "not_found", "upstream_unavailable", "account_not_eligible_cpanel"] as const;
const writeErrors = ["invalid_request", ...readErrors] as const;

/** Address forwarders and domain forwarders (issue 5). Every write answers what cPanel lists afterwards. */
export const forwardingOperations: ApiOperation[] = [
  {
    method: "get",
    path: forwarders,
    summary: "Where an address's mail goes",
    description:
      "`{address}` is a mailbox (address or mbx_ id) or any address on the account's mail domains, with or without a mailbox. With a mailbox, a copy stays in it and each destination gets one.",
    access: "read",
    params: mailboxParams,
    response: { status: 200, description: "The address's forwarders", schema: addressForwardingSchema },
    errors: [...readErrors],
  },
  {
    method: "post",
    path: forwarders,
    summary: "Add forwarders to an address",
    description:
      "Refused (invalid_request, with pointers): invalid addresses, the address itself, duplicates, more than 20 destinations per address, a loop through the account's forwarders or domain forwarders, a source outside the account's mail domains. kind pipe and system: support and admin only (forbidden). Send an Idempotency-Key header to make retries safe.",
    access: "write",
    params: mailboxParams,
    body: addForwardersBody,
    response: { status: 201, description: "Added; the address's forwarders as cPanel lists them afterwards", schema: addressForwardingSchema },
    errors: [...writeErrors],
  },
  {
    method: "delete",
    path: `${forwarders}/{destination}`,
    summary: "Remove one destination of an address",
    description: "Any kind may be removed. Staff give `?reason=`.",
    access: "write",
    params: forwarderParams,
    query: deleteQuery,
    response: { status: 200, description: "Removed; the address's forwarders as cPanel lists them afterwards", schema: addressForwardingSchema },
    errors: [...writeErrors],
  },
  {
    method: "get",
    path: domainForwarders,
    summary: "List the account's domain forwarders",
    access: "read",
    params: accountParams,
    response: { status: 200, description: "The domain forwarders", schema: domainForwardersSchema },
    errors: [...readErrors],
  },
  {
    method: "post",
    path: domainForwarders,
    summary: "Forward all mail of one of the account's domains to another domain",
    description: "One per domain: remove an existing one first (cPanel would replace it silently). Loops between domains are refused.",
    access: "write",
    params: accountParams,
    body: addDomainForwarderBody,
    response: { status: 201, description: "Added; the domain forwarders as cPanel lists them afterwards", schema: domainForwardersSchema },
    errors: [...writeErrors],
  },
  {
    method: "delete",
    path: `${domainForwarders}/{domain}`,
    summary: "Stop forwarding a domain",
    description: "Staff give `?reason=`.",
    access: "write",
    params: domainForwarderParams,
    query: deleteQuery,
    response: { status: 200, description: "Removed; the domain forwarders as cPanel lists them afterwards", schema: domainForwardersSchema },
    errors: [...writeErrors],
  },
];
