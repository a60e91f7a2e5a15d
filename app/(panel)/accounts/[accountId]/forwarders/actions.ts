"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { deliveryInRequestLocale } from "@/lib/i18n/delivery";
import { translator } from "@/lib/i18n/server";
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
  source: z.string().trim().min(1, "sourceRequired").max(320),
  kind: z.enum(["address", "fail", "blackhole", "pipe", "system"], { error: "kindRequired" }),
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
    return (await translator("Forwarders"))("addedFor", { address: result.address, delivery: await deliveryInRequestLocale(result) });
  },
});

/** Adds a forwarder of any kind for an address of the account (the account's "Forwarders" page). */
export async function addForwarder(state: ActionState, formData: FormData): Promise<ActionState> {
  return addForwarderAction(state, formData);
}

const addDomainForwarderSchema = z.object({
  accountId: z.string().min(1),
  sourceDomain: z.string().trim().min(1, "sourceDomainRequired").max(253),
  destinationDomain: z.string().trim().min(1, "destinationDomainRequired").max(253),
  reason,
});

const addDomainForwarderAction = formAction({
  schema: addDomainForwarderSchema,
  keep: ["sourceDomain", "destinationDomain", "reason"],
  run: async (context, input) => {
    const after = await addDomainForwarderTo(context, input.accountId, input.sourceDomain, input.destinationDomain);
    refreshForwardingPages();
    const added = after.find((f) => f.sourceDomain === input.sourceDomain.toLowerCase());
    const t = await translator("Forwarders");
    return added ? t("domainAdded", { source: added.sourceDomain, destination: added.destinationDomain }) : t("domainAddedPlain");
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
    return (await translator("Forwarders"))("domainRemoved", { domain: input.sourceDomain });
  },
});

/** Stops forwarding a domain's mail. */
export async function removeDomainForwarder(state: ActionState, formData: FormData): Promise<ActionState> {
  return removeDomainForwarderAction(state, formData);
}
