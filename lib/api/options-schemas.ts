import { z } from "zod";
import { AUTORESPONDER_LIMITS } from "@/lib/mail/autoresponders";
import { MAX_QUOTA_MB, type MailboxSettings } from "@/lib/mail/mailbox-options";
import { reasonSchema } from "@/lib/api/schemas";
import { singleLine } from "@/lib/validation/single-line";

/** Body and answer schemas of the mailbox settings endpoints (GET/PATCH/DELETE one mailbox, POST a new one). */

const quotaInput = z
  .union([z.number().int().min(0).max(MAX_QUOTA_MB), z.literal("unlimited"), z.null()])
  .describe("Quota in MB; 0, null or \"unlimited\" = unlimited (cPanel's semantics). Never above the account's maximum.");

const instant = z.iso.datetime({ offset: true, error: "Use an ISO 8601 date-time with a time zone, like 2026-07-01T09:00:00+02:00" });

export const autoresponderPatchSchema = z
  .object({
    enabled: z.boolean().describe("false deletes the reply in cPanel (cPanel has no paused state)"),
    subject: singleLine("The subject").max(AUTORESPONDER_LIMITS.subject).optional(),
    body: z.string().max(AUTORESPONDER_LIMITS.body).optional().describe("Plain text"),
    from: singleLine("The sender name").max(AUTORESPONDER_LIMITS.from).optional().describe("The sender name shown on the reply"),
    intervalHours: z
      .number()
      .int()
      .min(0)
      .max(AUTORESPONDER_LIMITS.intervalHours)
      .optional()
      .describe("Hours between replies to the same sender; 0 = every message"),
    start: instant.nullable().optional().describe("null = from now"),
    end: instant.nullable().optional().describe("null = until turned off; must be after start"),
  })
  .strict()
  .describe("Fields left out keep their current values; subject and body are required once enabled");

export const patchMailboxBody = z
  .object({
    quota: quotaInput.optional(),
    confirmQuotaBelowUsage: z
      .boolean()
      .optional()
      .describe("Required to set a quota below what the mailbox already holds: new mail is then refused until mail is deleted"),
    suspendLogin: z.boolean().optional(),
    suspendIncoming: z.boolean().optional(),
    suspendOutgoing: z.boolean().optional(),
    holdOutgoing: z.boolean().optional(),
    autoresponder: autoresponderPatchSchema.optional(),
    forwards: z.array(z.string().max(320)).max(100).optional().describe("Replaces the addresses this mailbox forwards to (address forwarders only)"),
    newPassword: z.string().min(1).max(1024).optional().describe("The same policy as PUT …/password; applied last"),
    reason: reasonSchema,
  })
  .strict()
  .refine((body) => Object.keys(body).some((key) => key !== "reason" && key !== "confirmQuotaBelowUsage"), {
    message: "Send at least one setting to change",
  });

export const createMailboxBody = z
  .object({
    email: z.string().min(3).max(254).describe("The new address, on one of the account's domains"),
    password: z.string().min(1).max(1024).describe("The same policy as a password change"),
    quota: quotaInput.optional().describe("MB; default 1024 (capped at the account's maximum)"),
    reason: reasonSchema,
  })
  .strict();

export const mailboxSettingsSchema = z.object({
  id: z.string().describe("Public id (mbx_…), usable in place of the address"),
  email: z.string(),
  domain: z.string(),
  quotaMb: z.number().nullable().describe("null = unlimited"),
  diskUsedBytes: z.number(),
  accountMaxQuotaMb: z.number().nullable().describe("The account's largest mailbox quota; null = none or not known"),
  suspendLogin: z.boolean(),
  suspendIncoming: z.boolean(),
  suspendOutgoing: z.boolean(),
  holdOutgoing: z.boolean(),
  autoresponder: z.object({
    enabled: z.boolean(),
    from: z.string().optional(),
    subject: z.string().optional(),
    body: z.string().optional(),
    isHtml: z.boolean().optional(),
    intervalHours: z.number().optional(),
    start: z.string().nullable().optional(),
    end: z.string().nullable().optional(),
  }),
  forwards: z.array(z.string()),
});

/** The settings as the API answers them: instants as ISO 8601 (UTC), "off" as `{ enabled: false }`. */
export function settingsBody(settings: MailboxSettings) {
  const { autoresponder, ...rest } = settings;
  return {
    ...rest,
    autoresponder: autoresponder
      ? { ...autoresponder, start: autoresponder.start?.toISOString() ?? null, end: autoresponder.end?.toISOString() ?? null }
      : { enabled: false },
  };
}
