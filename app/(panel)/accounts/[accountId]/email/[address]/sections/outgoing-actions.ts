"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { translator } from "@/lib/i18n/server";
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
    const t = await translator("MailboxSections");
    return deleted === 0 ? t("outgoing.noneHeld", { email }) : t("outgoing.deleted", { count: deleted, email });
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
    const t = await translator("MailboxSections");
    return changed ? t("outgoing.released", { email }) : t("outgoing.notHeld", { email });
  },
});

/** Lifts the hold on the mailbox's outgoing mail: the queue is sent. */
export async function releaseHeldMailForm(state: ActionState, formData: FormData): Promise<ActionState> {
  return releaseAction(state, formData);
}
