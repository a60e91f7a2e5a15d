"use server";

import { z } from "zod";
import { localizedActionErrorState } from "@/lib/actions/action-errors";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { currentUser } from "@/lib/auth/session";
import { UpstreamError } from "@/lib/core/errors";
import { writeContext } from "@/lib/core/write-context";
import { fieldErrorsFrom } from "@/lib/i18n/field-errors";
import { translator } from "@/lib/i18n/server";
import { upstreamMessage } from "@/lib/i18n/upstream";
import { updateMailbox } from "@/lib/mail/mailbox-options";
import { secureMailbox } from "@/lib/mail/secure-mailbox";
import { singleLine } from "@/lib/validation/single-line";
import type { SecureState } from "@/components/secure/types";
import { refreshMailboxPages } from "../refresh";

const schema = z.object({
  accountId: z.string().min(1),
  address: z.string().min(1),
  reason: singleLine("The reason").max(500, "Keep the reason under 500 characters").optional(),
});

/** "Secure this mailbox": every step runs, and the answer carries the report (steps, what is in effect, forwarding). */
export async function secureMailboxForm(_previous: SecureState, formData: FormData): Promise<SecureState> {
  const raw = Object.fromEntries([...formData.entries()].filter(([k, v]) => !k.startsWith("$ACTION") && typeof v === "string")) as Record<
    string,
    string
  >;
  const values = raw.reason === undefined ? undefined : { reason: raw.reason };
  const [actor, form] = await Promise.all([currentUser(), translator("Form")]);
  if (!actor) return { status: "error", message: form("sessionEnded"), values, at: Date.now() };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { status: "error", message: form("needsAttention"), fieldErrors: await fieldErrorsFrom(parsed.error.issues), values, at: Date.now() };
  }
  const context = writeContext(actor, "web", parsed.data.reason);
  try {
    const report = await secureMailbox(context, parsed.data.accountId, parsed.data.address);
    refreshMailboxPages(parsed.data.accountId, report.email);
    const bad = report.steps.filter((s) => s.outcome === "failed" || s.outcome === "unknown");
    const t = await translator("MailboxSections");
    const message = bad.length ? t("secure.stepsFailed", { email: report.email, count: bad.length }) : t("secure.secured", { email: report.email });
    return { status: "success", message, at: Date.now(), report };
  } catch (error) {
    const state = { ...(await localizedActionErrorState(error, context.requestId)), values };
    // A refusal in cPanel's own words is marked as cPanel's in the reader's language (as formAction does).
    return error instanceof UpstreamError && error.cpanelSays !== undefined ? { ...state, message: await upstreamMessage(error) } : state;
  }
}

const unsuspendAction = formAction({
  schema,
  keep: ["reason"],
  run: async (context, input) => {
    const { settings, changed } = await updateMailbox(context, input.accountId, input.address, { suspendLogin: false });
    refreshMailboxPages(input.accountId, settings.email);
    const t = await translator("MailboxSections");
    return changed.length ? t("secure.loginAllowedAgain", { email: settings.email }) : t("secure.loginNotSuspended", { email: settings.email });
  },
});

/** Restore checklist: allow logins again. */
export async function unsuspendLoginForm(state: ActionState, formData: FormData): Promise<ActionState> {
  return unsuspendAction(state, formData);
}

const autoresponderOffAction = formAction({
  schema,
  keep: ["reason"],
  run: async (context, input) => {
    const { settings, changed } = await updateMailbox(context, input.accountId, input.address, { autoresponder: { enabled: false } });
    refreshMailboxPages(input.accountId, settings.email);
    const t = await translator("MailboxSections");
    return changed.length ? t("secure.autoresponderOff", { email: settings.email }) : t("secure.noAutoresponder", { email: settings.email });
  },
});

/** From the secure report: turn the autoresponder off in one click. */
export async function turnOffAutoresponderForm(state: ActionState, formData: FormData): Promise<ActionState> {
  return autoresponderOffAction(state, formData);
}
