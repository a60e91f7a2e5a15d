"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { singleLine } from "@/lib/validation/single-line";
import { currentUser } from "@/lib/auth/session";
import { localizedActionErrorState } from "@/lib/actions/action-errors";
import { fieldErrorsFrom } from "@/lib/i18n/field-errors";
import { translator } from "@/lib/i18n/server";
import { visibleAccount } from "@/lib/mail/accounts";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import {
  accountMailActions,
  openAccountSession,
  parseForwardList,
  runAccountMailAction,
  setSystemForward,
  type AccountMailAction,
} from "@/lib/mail/support";
import { writeContext } from "@/lib/core/write-context";

const mailActionSchema = z.object({
  accountId: z.string().min(1).max(64),
  action: z.enum(Object.keys(accountMailActions) as [AccountMailAction, ...AccountMailAction[]]),
  reason: singleLine("The reason").max(500, "Keep the reason under 500 characters").optional(),
});

const mailAction = formAction({
  schema: mailActionSchema,
  keep: ["reason"],
  run: async (context, input) => {
    await runAccountMailAction(context, input.accountId, input.action);
    const { cpanelUser } = await visibleAccount(context.actor, input.accountId);
    return (await translator("SupportAccount"))(`done.${input.action}`, { user: cpanelUser });
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
  reason: singleLine("The reason").max(500, "Keep the reason under 500 characters").optional(),
});

const systemForwardAction = formAction({
  schema: systemForwardSchema,
  keep: ["reason", "forwardTo"],
  run: async (context, input) => {
    const after = await setSystemForward(context, input.accountId, parseForwardList(input.forwardTo));
    const t = await translator("SupportAccount");
    return after.length ? t("systemForward.now", { addresses: after.join(", ") }) : t("systemForward.off");
  },
});

/** Sets where the cPanel user's own system mail goes (WHM set_user_email_forward_destination). */
export async function saveSystemForward(state: ActionState, formData: FormData): Promise<ActionState> {
  const result = await systemForwardAction(state, formData);
  if (result.status === "success") revalidatePath(`/support/accounts/${String(formData.get("accountId"))}`);
  return result;
}

export type OpenSessionAnswer = { ok: true; url: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

const openSessionSchema = z.object({
  accountId: z.string().min(1).max(64),
  service: z.enum(["cpaneld", "webmaild"]),
  reason: singleLine("The reason").max(500, "Keep the reason under 500 characters"),
});

/**
 * A one-time cPanel/Webmail login link (WHM create_user_session) for the tab the browser has just opened.
 * The link is answered to that browser only: never logged, stored, or put in the audit detail.
 */
export async function openSession(input: z.input<typeof openSessionSchema>): Promise<OpenSessionAnswer> {
  const actor = await currentUser();
  const t = await translator("Form");
  if (!actor) return { ok: false, message: t("sessionEnded") };
  const parsed = openSessionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: t("needsAttention"), fieldErrors: await fieldErrorsFrom(parsed.error.issues) };
  const context = writeContext(actor, "web", parsed.data.reason);
  try {
    return { ok: true, url: (await openAccountSession(context, parsed.data.accountId, parsed.data.service)).url };
  } catch (error) {
    const state = await localizedActionErrorState(error, context.requestId);
    return { ok: false, message: state.message, fieldErrors: state.fieldErrors };
  }
}
