"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { localizedActionErrorState } from "@/lib/actions/action-errors";
import type { ActionState } from "@/lib/actions/action-state";
import { formAction, formValues } from "@/lib/actions/form-action";
import { currentUser } from "@/lib/auth/session";
import { translator } from "@/lib/i18n/server";
import { requireReason, writeContext } from "@/lib/core/write-context";
import { cancelBulkJob, previewAcrossAccounts, startAcrossAccounts, type SelectedMailbox } from "@/lib/mail/bulk-jobs";
import { matchingMailboxAddresses, MAX_BULK_MAILBOXES, type BulkAction } from "@/lib/mail/bulk-mailboxes";
import { singleLine } from "@/lib/validation/single-line";
import { BULK_KINDS, previewKeyOf, selectionValue, type BulkPreviewState, type MatchingAnswer } from "@/components/bulk/types";

const SELECTED = /^(acct_[A-Za-z0-9]{1,64}):([^\s:@]{1,64}@[^\s:@]{1,253})$/;
const SESSION_ENDED = "Your session has ended. Sign in again to continue.";

const bulkFormSchema = z
  .object({
    mailboxes: z.preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z
        .array(z.string().regex(SELECTED, "The selection is not valid; reload the page"))
        .min(1, "Select at least one mailbox")
        .max(MAX_BULK_MAILBOXES, `Select at most ${MAX_BULK_MAILBOXES} mailboxes`),
    ),
    action: z.enum(BULK_KINDS, { error: "Choose an action" }),
    quota: z.string().max(20).optional(),
    unlimited: z.string().optional(),
    reason: singleLine("The reason").max(500, "Keep the reason under 500 characters").optional(),
  })
  .superRefine((input, ctx) => {
    if (input.action !== "set_quota" || input.unlimited) return;
    const quota = Number(input.quota?.trim());
    if (!input.quota?.trim() || !Number.isInteger(quota) || quota < 1) {
      ctx.addIssue({ code: "custom", path: ["quota"], message: "Give the quota as a whole number of MB (1 or more), or tick Unlimited" });
    }
  });
type BulkForm = z.output<typeof bulkFormSchema>;

function parseBulkForm(formData: FormData) {
  const raw = formValues(formData);
  const parsed = bulkFormSchema.safeParse(raw);
  const reason = typeof raw.reason === "string" ? raw.reason : undefined;
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return {
      ok: false as const,
      state: { status: "error" as const, message: "Some fields need attention.", fieldErrors, values: { reason }, at: Date.now() },
    };
  }
  return { ok: true as const, input: parsed.data, raw };
}

function selectionOf(input: BulkForm): SelectedMailbox[] {
  return input.mailboxes.map((value) => {
    const [, accountId, email] = SELECTED.exec(value)!;
    return { accountId: accountId!, email: email! };
  });
}

function actionOf(input: BulkForm): BulkAction {
  return input.action === "set_quota" ? { kind: "set_quota", quotaMb: input.unlimited ? null : Number(input.quota) } : { kind: input.action };
}

/** The dry run of a bulk action on the selected mailboxes (one plan per account); changes nothing. */
export async function previewBulkForm(_previous: BulkPreviewState, formData: FormData): Promise<BulkPreviewState> {
  const actor = await currentUser();
  if (!actor) return { status: "error", message: SESSION_ENDED, at: Date.now() };
  const parsed = parseBulkForm(formData);
  if (!parsed.ok) return parsed.state;
  const { input } = parsed;
  const context = writeContext(actor, "web", input.reason);
  try {
    // Run sends the reason given here, so staff give it before the dry run (it changes nothing itself).
    requireReason(context);
    const plans = await previewAcrossAccounts(actor, selectionOf(input), actionOf(input));
    const quota = input.quota ?? "";
    const unlimited = Boolean(input.unlimited);
    return {
      status: "preview",
      plans: plans.map((p) => ({ accountId: p.accountId, label: p.primaryDomain, items: p.items, accountCalls: p.accountCalls })),
      input: {
        mailboxes: input.mailboxes,
        action: input.action,
        quota,
        unlimited,
        reason: input.reason ?? "",
        previewKey: previewKeyOf(input.mailboxes, input.action, quota, unlimited),
      },
      at: Date.now(),
    };
  } catch (error) {
    return { ...(await localizedActionErrorState(error, context.requestId)), values: { reason: input.reason } };
  }
}

/** Starts the previewed action: one job per account, then the job's page (or the list of them). */
export async function runBulkForm(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await currentUser();
  if (!actor) return { status: "error", message: SESSION_ENDED, at: Date.now() };
  const parsed = parseBulkForm(formData);
  if (!parsed.ok) {
    const { values, ...state } = parsed.state;
    return values.reason ? { ...state, values: { reason: values.reason } } : state;
  }
  const { input, raw } = parsed;
  const context = writeContext(actor, "web", input.reason);
  const submissionKey = typeof raw.submissionKey === "string" && /^[0-9a-f-]{36}$/.test(raw.submissionKey) ? raw.submissionKey : undefined;
  let jobIds: string[];
  try {
    jobIds = await startAcrossAccounts(context, selectionOf(input), actionOf(input), { submissionKey });
  } catch (error) {
    return { ...(await localizedActionErrorState(error, context.requestId)), values: input.reason ? { reason: input.reason } : undefined };
  }
  redirect(jobIds.length === 1 ? `/jobs/${jobIds[0]}` : `/jobs?${new URLSearchParams(jobIds.map((id) => ["id", id])).toString()}`);
}

/** Every mailbox of the account that matches the list's search, as selection values ("select all that match"). */
export async function selectMatchingMailboxes(input: { accountId: string; query: string }): Promise<MatchingAnswer> {
  const actor = await currentUser();
  if (!actor) return { ok: false, message: SESSION_ENDED };
  const parsed = z.object({ accountId: z.string().min(1).max(80), query: z.string().max(320) }).safeParse(input);
  if (!parsed.success) return { ok: false, message: "The list's search is not valid; reload the page." };
  try {
    const emails = await matchingMailboxAddresses(actor, parsed.data.accountId, parsed.data.query);
    return { ok: true, values: emails.map((email) => selectionValue(parsed.data.accountId, email)) };
  } catch (error) {
    const state = await localizedActionErrorState(error, writeContext(actor, "web").requestId);
    return { ok: false, message: state.fieldErrors ? Object.values(state.fieldErrors).flat().join(" ") : state.message };
  }
}

/** Cancels a bulk job (a queued one does not start; a running one stops after the mailboxes it is doing). */
export const cancelJobForm = formAction({
  schema: z.object({ jobId: z.string().min(1).max(80) }),
  run: async (context, input) => {
    const job = await cancelBulkJob(context, input.jobId);
    revalidatePath(`/jobs/${job.id}`);
    return (await translator("Jobs"))(job.state === "cancelled" ? "cancelled" : "stopping");
  },
});
