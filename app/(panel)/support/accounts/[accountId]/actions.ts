"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { accountMailActions, parseForwardList, runAccountMailAction, setSystemForward, type AccountMailAction } from "@/lib/mail/support";

const mailActionSchema = z.object({
  accountId: z.string().min(1).max(64),
  action: z.enum(Object.keys(accountMailActions) as [AccountMailAction, ...AccountMailAction[]]),
  reason: z.string().max(500, "Keep the reason under 500 characters").optional(),
});

const mailAction = formAction({
  schema: mailActionSchema,
  keep: ["reason"],
  run: async (context, input) => {
    const { message } = await runAccountMailAction(context, input.accountId, input.action);
    return message;
  },
});

/** Suspend/unsuspend or hold/release the account's outgoing email, or end its mailbox sessions (WHM). */
export async function runMailAction(state: ActionState, formData: FormData): Promise<ActionState> {
  const result = await mailAction(state, formData);
  if (result.status === "success") revalidatePath(`/support/accounts/${String(formData.get("accountId"))}`);
  return result;
}

const systemForwardSchema = z.object({
  accountId: z.string().min(1).max(64),
  forwardTo: z.string().max(2000, "Keep the list under 2,000 characters"),
  reason: z.string().max(500, "Keep the reason under 500 characters").optional(),
});

const systemForwardAction = formAction({
  schema: systemForwardSchema,
  keep: ["reason", "forwardTo"],
  run: async (context, input) => {
    const after = await setSystemForward(context, input.accountId, parseForwardList(input.forwardTo));
    return after.length ? `The system account's mail now goes to ${after.join(", ")}.` : "The system account's mail is no longer forwarded.";
  },
});

/** Sets where the cPanel user's own system mail goes (WHM set_user_email_forward_destination). */
export async function saveSystemForward(state: ActionState, formData: FormData): Promise<ActionState> {
  const result = await systemForwardAction(state, formData);
  if (result.status === "success") revalidatePath(`/support/accounts/${String(formData.get("accountId"))}`);
  return result;
}
