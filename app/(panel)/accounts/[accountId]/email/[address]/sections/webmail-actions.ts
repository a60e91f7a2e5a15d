"use server";

import { z } from "zod";
import { localizedActionErrorState } from "@/lib/actions/action-errors";
import { currentUser } from "@/lib/auth/session";
import { UpstreamError } from "@/lib/core/errors";
import { writeContext } from "@/lib/core/write-context";
import { fieldErrorsFrom } from "@/lib/i18n/field-errors";
import { translator } from "@/lib/i18n/server";
import { upstreamMessage } from "@/lib/i18n/upstream";
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
  const [actor, form] = await Promise.all([currentUser(), translator("Form")]);
  if (!actor) return { ok: false, message: form("sessionEnded") };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, message: form("needsAttention"), fieldErrors: await fieldErrorsFrom(parsed.error.issues) };
  const context = writeContext(actor, "web", parsed.data.reason || undefined);
  try {
    return { ok: true, url: (await openMailboxWebmail(context, parsed.data.accountId, parsed.data.address)).url };
  } catch (error) {
    const state = await localizedActionErrorState(error, context.requestId);
    // A refusal in cPanel's own words is marked as cPanel's in the reader's language (as formAction does).
    const message = error instanceof UpstreamError && error.cpanelSays !== undefined ? await upstreamMessage(error) : state.message;
    return { ok: false, message, fieldErrors: state.fieldErrors };
  }
}
