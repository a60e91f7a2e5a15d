"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { translator } from "@/lib/i18n/server";
import type { ActionState } from "@/lib/actions/action-state";
import { emailClientSettings } from "@/lib/mail/device-setup";
import { singleLine } from "@/lib/validation/single-line";

const schema = z.object({
  accountId: z.string().min(1).max(64),
  address: z.string().min(1).max(320),
  // Checked as an address by lib/mail (one place, for the REST API too); empty means the mailbox itself.
  to: z.string().max(320, "Keep the address under 320 characters").optional(),
  reason: singleLine("The reason").max(500, "Keep the reason under 500 characters").optional(),
});

const sendAction = formAction({
  schema,
  keep: ["to", "reason"],
  run: async (context, input) => {
    const { to } = await emailClientSettings(context, input.accountId, input.address, input.to);
    return (await translator("MailboxSections"))("devices.sending", { address: input.address, to });
  },
});

/** "E-mail these settings": cPanel mails the mailbox's client settings (UAPI Email::dispatch_client_settings). */
export async function emailSettingsForm(state: ActionState, formData: FormData): Promise<ActionState> {
  return sendAction(state, formData);
}
