"use server";

import { z } from "zod";
import { actionErrorState } from "@/lib/actions/action-errors";
import { currentUser } from "@/lib/auth/session";
import { writeContext } from "@/lib/core/write-context";
import { openMailboxWebmail } from "@/lib/mail/webmail";
import { singleLine } from "@/lib/validation/single-line";
import type { OpenWebmailAnswer } from "@/components/devices/open-webmail-button";

const schema = z.object({
  accountId: z.string().min(1).max(64),
  address: z.string().min(1).max(320),
  reason: singleLine("The reason").max(500, "Keep the reason under 500 characters").optional(),
});

/**
 * A one-time Webmail login link as the mailbox (WHM create_user_session), for the tab the browser has just
 * opened. The link is answered to that browser only: never logged, stored, or put in the audit detail.
 */
export async function openWebmail(input: z.input<typeof schema>): Promise<OpenWebmailAnswer> {
  const actor = await currentUser();
  if (!actor) return { ok: false, message: "Your session has ended. Sign in again to continue." };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return { ok: false, message: "Some fields need attention.", fieldErrors };
  }
  const context = writeContext(actor, "web", parsed.data.reason || undefined);
  try {
    return { ok: true, url: (await openMailboxWebmail(context, parsed.data.accountId, parsed.data.address)).url };
  } catch (error) {
    const state = actionErrorState(error, context.requestId);
    return { ok: false, message: state.message, fieldErrors: state.fieldErrors };
  }
}
