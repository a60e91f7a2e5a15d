"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { deleteHeldMail, releaseHeldMail } from "@/lib/mail/outgoing";
import { singleLine } from "@/lib/validation/single-line";
import { refreshMailboxPages } from "../refresh";

const mailboxSchema = z.object({
  accountId: z.string().min(1),
  address: z.string().min(1),
  reason: singleLine("The reason").max(500, "Keep the reason under 500 characters").optional(),
});

const deleteHeldAction = formAction({
  schema: mailboxSchema,
  keep: ["reason"],
  run: async (context, input) => {
    const { email, deleted } = await deleteHeldMail(context, input.accountId, input.address);
    refreshMailboxPages(input.accountId, email);
    if (deleted === 0) return `No held messages to delete for ${email}.`;
    return `${deleted.toLocaleString("en-US")} held ${deleted === 1 ? "message" : "messages"} of ${email} deleted. Outgoing mail stays held until you release it.`;
  },
});

/** Deletes the messages waiting in the mailbox's hold queue (the hold stays on). */
export async function deleteHeldMessagesForm(state: ActionState, formData: FormData): Promise<ActionState> {
  return deleteHeldAction(state, formData);
}

const releaseAction = formAction({
  schema: mailboxSchema,
  keep: ["reason"],
  run: async (context, input) => {
    const { email, changed } = await releaseHeldMail(context, input.accountId, input.address);
    refreshMailboxPages(input.accountId, email);
    return changed
      ? `Outgoing mail of ${email} released: held messages are being sent and new mail leaves normally.`
      : `Outgoing mail of ${email} was not held.`;
  },
});

/** Lifts the hold on the mailbox's outgoing mail: the queue is sent. */
export async function releaseHeldMailForm(state: ActionState, formData: FormData): Promise<ActionState> {
  return releaseAction(state, formData);
}
