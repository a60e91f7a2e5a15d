"use server";

import { z } from "zod";
import { actionErrorState } from "@/lib/actions/action-errors";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { currentUser } from "@/lib/auth/session";
import { writeContext } from "@/lib/core/write-context";
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
  const actor = await currentUser();
  if (!actor) return { status: "error", message: "Your session has ended. Sign in again to continue.", values, at: Date.now() };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return { status: "error", message: "Some fields need attention.", fieldErrors, values, at: Date.now() };
  }
  const context = writeContext(actor, "web", parsed.data.reason);
  try {
    const report = await secureMailbox(context, parsed.data.accountId, parsed.data.address);
    refreshMailboxPages(parsed.data.accountId, report.email);
    const bad = report.steps.filter((s) => s.outcome === "failed" || s.outcome === "unknown");
    const message = bad.length
      ? `${report.email}: ${bad.length} ${bad.length === 1 ? "step" : "steps"} did not complete — see below what is in effect.`
      : `${report.email} is secured. Review its forwarding below, then use the Restore checklist when it is safe.`;
    return { status: "success", message, at: Date.now(), report };
  } catch (error) {
    return { ...actionErrorState(error, context.requestId), values };
  }
}

const unsuspendAction = formAction({
  schema,
  keep: ["reason"],
  run: async (context, input) => {
    const { settings, changed } = await updateMailbox(context, input.accountId, input.address, { suspendLogin: false });
    refreshMailboxPages(input.accountId, settings.email);
    return changed.length ? `Login allowed again for ${settings.email}.` : `Login of ${settings.email} was not suspended.`;
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
    return changed.length ? `Autoresponder of ${settings.email} turned off.` : `${settings.email} has no autoresponder.`;
  },
});

/** From the secure report: turn the autoresponder off in one click. */
export async function turnOffAutoresponderForm(state: ActionState, formData: FormData): Promise<ActionState> {
  return autoresponderOffAction(state, formData);
}
