"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { splitDestinations } from "@/lib/forwarding/address";
import { singleLine } from "@/lib/validation/single-line";
import {
  addDomainForwarder as addDomainForwarderTo,
  addForwarders,
  removeDomainForwarder as removeDomainForwarderOf,
  type NewForwarding,
} from "@/lib/mail/forwarders";
import { reasonField as reason, refreshForwardingPages } from "./refresh";

const addForwarderSchema = z.object({
  accountId: z.string().min(1),
  source: z.string().trim().min(1, "Enter the address to forward, like name@example.com").max(320),
  kind: z.enum(["address", "fail", "blackhole", "pipe", "system"], { error: "Choose what happens to the mail" }),
  destinations: z.string().max(10_000).optional().default(""),
  failMessage: singleLine("The bounce message").max(1000).optional(),
  command: singleLine("The program").max(1000).optional().default(""),
  reason,
});

function newForwarding(input: z.output<typeof addForwarderSchema>): NewForwarding {
  switch (input.kind) {
    case "address":
      return { kind: "address", destinations: splitDestinations(input.destinations) };
    case "fail":
      return { kind: "fail", failMessage: input.failMessage };
    case "pipe":
      return { kind: "pipe", command: input.command };
    default:
      return { kind: input.kind };
  }
}

const addForwarderAction = formAction({
  schema: addForwarderSchema,
  keep: ["source", "kind", "destinations", "failMessage", "command", "reason"],
  run: async (context, input) => {
    const result = await addForwarders(context, input.accountId, input.source, newForwarding(input));
    refreshForwardingPages();
    return `Forwarder added for ${result.address}. ${result.delivery}`;
  },
});

/** Adds a forwarder of any kind for an address of the account (the account's "Forwarders" page). */
export async function addForwarder(state: ActionState, formData: FormData): Promise<ActionState> {
  return addForwarderAction(state, formData);
}

const addDomainForwarderSchema = z.object({
  accountId: z.string().min(1),
  sourceDomain: z.string().trim().min(1, "Choose the domain to forward").max(253),
  destinationDomain: z.string().trim().min(1, "Enter the domain to forward to, like example.com").max(253),
  reason,
});

const addDomainForwarderAction = formAction({
  schema: addDomainForwarderSchema,
  keep: ["sourceDomain", "destinationDomain", "reason"],
  run: async (context, input) => {
    const after = await addDomainForwarderTo(context, input.accountId, input.sourceDomain, input.destinationDomain);
    refreshForwardingPages();
    const added = after.find((f) => f.sourceDomain === input.sourceDomain.toLowerCase());
    return added ? `All mail for ${added.sourceDomain} now goes to the same names at ${added.destinationDomain}.` : "Domain forwarder added.";
  },
});

/** Forwards all mail of one of the account's domains to another domain. */
export async function addDomainForwarder(state: ActionState, formData: FormData): Promise<ActionState> {
  return addDomainForwarderAction(state, formData);
}

const removeDomainForwarderSchema = z.object({ accountId: z.string().min(1), sourceDomain: z.string().min(1).max(253), reason });

const removeDomainForwarderAction = formAction({
  schema: removeDomainForwarderSchema,
  keep: ["reason"],
  run: async (context, input) => {
    await removeDomainForwarderOf(context, input.accountId, input.sourceDomain);
    refreshForwardingPages();
    return `Mail for ${input.sourceDomain} is no longer forwarded to another domain.`;
  },
});

/** Stops forwarding a domain's mail. */
export async function removeDomainForwarder(state: ActionState, formData: FormData): Promise<ActionState> {
  return removeDomainForwarderAction(state, formData);
}
