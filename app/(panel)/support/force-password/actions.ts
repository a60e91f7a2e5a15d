"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { singleLine } from "@/lib/validation/single-line";
import { currentUser } from "@/lib/auth/session";
import { localizedActionErrorState } from "@/lib/actions/action-errors";
import { fieldErrorsFrom } from "@/lib/i18n/field-errors";
import { translator } from "@/lib/i18n/server";
import type { ActionState } from "@/lib/actions/action-state";
import { MAX_BATCH_ACCOUNTS, startForcePasswordChange } from "@/lib/mail/force-password";
import { writeContext } from "@/lib/core/write-context";

const startSchema = z.object({
  account: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.string().min(1).max(64)).max(MAX_BATCH_ACCOUNTS),
  ),
  q: z.string().max(200).optional(),
  mode: z.enum(["continue", "stop"], { error: "Choose what happens when an account fails" }),
  // Checked for length by the domain (requireReason), which answers with the one wording every staff form uses.
  reason: singleLine("The reason").max(500, "Keep the reason under 500 characters").optional(),
});

/** Starts the batch force-password change as a job (the accounts chosen by id, or every match of a search) and opens its page. */
export async function startForcePasswordJob(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const existing = raw[key];
    raw[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const values = typeof raw.reason === "string" ? { reason: raw.reason } : undefined;
  const actor = await currentUser();
  const t = await translator("Form");
  if (!actor) return { status: "error", message: t("sessionEnded"), values, at: Date.now() };
  const parsed = startSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = await fieldErrorsFrom(parsed.error.issues);
    // The one message of this form that no general rule words: which way to go on failure.
    if (fieldErrors.mode) fieldErrors.mode = [(await translator("ForcePassword"))("modeRequired")];
    return { status: "error", message: t("needsAttention"), fieldErrors, values, at: Date.now() };
  }
  const { account, q, mode, reason } = parsed.data;
  const context = writeContext(actor, "web", reason);
  const submissionKey = typeof raw.submissionKey === "string" && /^[0-9a-f-]{36}$/.test(raw.submissionKey) ? raw.submissionKey : undefined;
  let jobId: string;
  try {
    const input = account.length ? { accountIds: account } : { query: q ?? "" };
    jobId = (await startForcePasswordChange(context, input, { stopOnFailure: mode === "stop", submissionKey })).jobId;
  } catch (error) {
    return { ...(await localizedActionErrorState(error, context.requestId)), values };
  }
  redirect(`/jobs/${jobId}`);
}
