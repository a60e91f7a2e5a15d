"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { AUTORESPONDER_LIMITS, isTimeZone, zonedWallTimeToDate } from "@/lib/mail/autoresponders";
import { ValidationError } from "@/lib/core/errors";
import { deleteMailbox } from "@/lib/mail/mailbox-lifecycle";
import { restrictionFlags, updateMailbox, type MailboxChange, type MailboxSettings } from "@/lib/mail/mailbox-options";
import { singleLine } from "@/lib/validation/single-line";
import { refreshMailboxPages } from "./refresh";

const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");
const mailboxFields = {
  accountId: z.string().min(1),
  address: z.string().min(1),
  reason: singleLine("The reason").max(500, "Keep the reason under 500 characters").optional(),
};

/** A domain error's REST pointers (`autoresponder/subject`) as the form's field names (`subject`). */
async function withFormFieldNames<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ValidationError) || error.constructor !== ValidationError) throw error;
    const renamed = Object.fromEntries(Object.entries(error.fieldErrors).map(([key, messages]) => [key.replace(/^autoresponder\//, ""), messages]));
    throw new ValidationError(renamed, error.message);
  }
}

function describeSettings(settings: MailboxSettings, changed: string[]): string {
  const words: string[] = [];
  if (changed.includes("quotaMb")) words.push(`quota ${settings.quotaMb === null ? "unlimited" : `${settings.quotaMb.toLocaleString("en-US")} MB`}`);
  const flag = (key: (typeof restrictionFlags)[number], on: string, off: string) => {
    if (changed.includes(key)) words.push(settings[key] ? on : off);
  };
  flag("suspendLogin", "login suspended", "login allowed");
  flag("suspendIncoming", "incoming mail suspended", "incoming mail allowed");
  flag("suspendOutgoing", "outgoing mail suspended", "outgoing mail allowed");
  flag("holdOutgoing", "outgoing mail held", "held mail released");
  if (changed.includes("autoresponder")) words.push(settings.autoresponder ? "autoresponder on" : "autoresponder off");
  return words.join(", ");
}

const quotaText = z.string().trim().max(20).optional();
const optionsSchema = z.object({
  ...mailboxFields,
  quota: quotaText,
  unlimited: checkbox,
  confirmQuotaBelowUsage: checkbox,
  suspendLogin: checkbox,
  suspendIncoming: checkbox,
  suspendOutgoing: checkbox,
  holdOutgoing: checkbox,
  // What the form showed: only fields the person changed are sent, so a change made elsewhere meanwhile is kept.
  wasQuota: z.string().optional(),
  wasSuspendLogin: z.string().optional(),
  wasSuspendIncoming: z.string().optional(),
  wasSuspendOutgoing: z.string().optional(),
  wasHoldOutgoing: z.string().optional(),
});

const saveOptionsAction = formAction({
  schema: optionsSchema,
  keep: ["quota", "unlimited", "suspendLogin", "suspendIncoming", "suspendOutgoing", "holdOutgoing", "reason"],
  run: async (context, input) => {
    const change: MailboxChange = {};
    const quota = input.unlimited ? "unlimited" : (input.quota ?? "");
    if (quota !== input.wasQuota) {
      if (quota !== "unlimited" && !/^\d+$/.test(quota)) {
        throw new ValidationError({ quota: ["Enter the quota as a whole number of MB, or tick Unlimited"] });
      }
      change.quotaMb = quota === "unlimited" ? null : Number(quota);
      change.confirmQuotaBelowUsage = input.confirmQuotaBelowUsage;
    }
    const was = {
      suspendLogin: input.wasSuspendLogin,
      suspendIncoming: input.wasSuspendIncoming,
      suspendOutgoing: input.wasSuspendOutgoing,
      holdOutgoing: input.wasHoldOutgoing,
    };
    for (const flag of restrictionFlags) {
      if (String(input[flag]) !== was[flag]) change[flag] = input[flag];
    }
    const { settings, changed, notes } = await updateMailbox(context, input.accountId, input.address, change);
    if (changed.length === 0) return `Nothing to save: ${settings.email} already has these options.`;
    refreshMailboxPages(input.accountId, settings.email);
    return [`Options saved for ${settings.email}: ${describeSettings(settings, changed)}.`, ...notes].join(" ");
  },
});

/** Saves quota and restrictions (the "Options" section of the mailbox page). */
export async function saveOptions(state: ActionState, formData: FormData): Promise<ActionState> {
  return saveOptionsAction(state, formData);
}

const autoresponderSchema = z.object({
  ...mailboxFields,
  enabled: checkbox,
  from: singleLine("The sender name")
    .max(AUTORESPONDER_LIMITS.from + 1000)
    .default(""),
  subject: singleLine("The subject")
    .max(AUTORESPONDER_LIMITS.subject + 1000)
    .default(""),
  body: z
    .string()
    .max(AUTORESPONDER_LIMITS.body + 1000)
    .default(""),
  intervalHours: z.string().trim().default("24"),
  start: z.string().default(""),
  end: z.string().default(""),
  timeZone: z.string().max(100).default("UTC"),
});

const saveAutoresponderAction = formAction({
  schema: autoresponderSchema,
  keep: ["enabled", "from", "subject", "body", "intervalHours", "start", "end", "reason"],
  run: async (context, input) => {
    const timeZone = isTimeZone(input.timeZone) ? input.timeZone : "UTC";
    const errors: Record<string, string[]> = {};
    const when = (field: "start" | "end") => {
      if (!input[field]) return null;
      const date = zonedWallTimeToDate(input[field], timeZone);
      if (!date) errors[field] = ["Enter a date and time, like 2026-07-01 09:00"];
      return date;
    };
    const start = when("start");
    const end = when("end");
    const intervalHours = /^\d{1,5}$/.test(input.intervalHours) ? Number(input.intervalHours) : NaN;
    if (Number.isNaN(intervalHours)) errors.intervalHours = ["Enter a whole number of hours (0 replies to every message)"];
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const change: MailboxChange = {
      autoresponder: input.enabled
        ? { enabled: true, from: input.from.trim() || input.address, subject: input.subject.trim(), body: input.body, intervalHours, start, end }
        : { enabled: false },
    };
    const { settings, changed } = await withFormFieldNames(() => updateMailbox(context, input.accountId, input.address, change));
    if (changed.length === 0) return `Nothing to save: the autoresponder of ${settings.email} is already like this.`;
    refreshMailboxPages(input.accountId, settings.email);
    return settings.autoresponder ? `Autoresponder saved for ${settings.email}.` : `Autoresponder turned off for ${settings.email}.`;
  },
});

/** Turns the autoresponder on (with its texts and dates, entered in the person's time zone) or off. */
export async function saveAutoresponder(state: ActionState, formData: FormData): Promise<ActionState> {
  return saveAutoresponderAction(state, formData);
}

const deleteSchema = z
  .object({ ...mailboxFields, confirmAddress: z.string().trim() })
  .refine((input) => input.confirmAddress.toLowerCase() === input.address.toLowerCase(), {
    path: ["confirmAddress"],
    message: "Type the mailbox's address exactly to confirm",
  });

const deleteMailboxAction = formAction({
  schema: deleteSchema,
  keep: ["reason"],
  run: async (context, input) => (await deleteMailbox(context, input.accountId, input.address)).email,
});

/** Deletes the mailbox and its mail after the person typed its address; then back to the list, which says so. */
export async function deleteMailboxForm(state: ActionState, formData: FormData): Promise<ActionState> {
  const result = await deleteMailboxAction(state, formData);
  if (result.status !== "success") return result;
  const accountId = String(formData.get("accountId"));
  revalidatePath(`/accounts/${accountId}/email`);
  redirect(`/accounts/${accountId}/email?deleted=${encodeURIComponent(result.message)}`);
}
