"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { deliveryInRequestLocale } from "@/lib/i18n/delivery";
import { translator } from "@/lib/i18n/server";
import type { ActionState } from "@/lib/actions/action-state";
import { splitDestinations } from "@/lib/forwarding/address";
import { addForwarders, removeForwarder as removeForwarderOf } from "@/lib/mail/forwarders";
import { reasonField as reason, refreshForwardingPages } from "./refresh";

const addMailboxForwarderSchema = z.object({
  accountId: z.string().min(1),
  address: z.string().min(1),
  destinations: z.string().max(10_000, "destinationsTooLong").transform(splitDestinations),
  reason,
});

const addMailboxForwarderAction = formAction({
  schema: addMailboxForwarderSchema,
  keep: ["destinations", "reason"],
  run: async (context, input) => {
    const result = await addForwarders(context, input.accountId, input.address, { kind: "address", destinations: input.destinations });
    refreshForwardingPages();
    return (await translator("Forwarders"))("added", { delivery: await deliveryInRequestLocale(result) });
  },
});

/** Adds one or more destinations to the mailbox's address (the "Forwarding" section of the mailbox page). */
export async function addMailboxForwarder(state: ActionState, formData: FormData): Promise<ActionState> {
  return addMailboxForwarderAction(state, formData);
}

const removeForwarderSchema = z.object({
  accountId: z.string().min(1),
  address: z.string().min(1),
  destination: z.string().min(1).max(1000),
  reason,
});

const removeForwarderAction = formAction({
  schema: removeForwarderSchema,
  keep: ["reason"],
  run: async (context, input) => {
    const result = await removeForwarderOf(context, input.accountId, input.address, input.destination);
    refreshForwardingPages();
    return (await translator("Forwarders"))("removed", { delivery: await deliveryInRequestLocale(result) });
  },
});

/** Removes one destination of an address, of any kind (mailbox page and the account's forwarders page). */
export async function removeForwarder(state: ActionState, formData: FormData): Promise<ActionState> {
  return removeForwarderAction(state, formData);
}
