"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { singleLine } from "@/lib/validation/single-line";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { createMailbox } from "@/lib/mail/mailbox-lifecycle";

const createMailboxSchema = z
  .object({
    accountId: z.string().min(1),
    localPart: z.string().trim().min(1, "Enter the part before the @").max(64, "Use at most 64 characters before the @"),
    domain: z.string().min(1, "Choose a domain"),
    password: z.string().min(1, "Enter a password").max(1024, "Use at most 128 characters"),
    confirmPassword: z.string(),
    quota: z.string().trim().optional(),
    unlimited: z.literal("on").optional(),
    reason: singleLine("The reason").max(500, "Keep the reason under 500 characters").optional(),
  })
  .refine((input) => input.password === input.confirmPassword, { path: ["confirmPassword"], message: "The two passwords are not the same" })
  .refine((input) => input.unlimited === "on" || /^\d+$/.test(input.quota ?? ""), {
    path: ["quota"],
    message: "Enter the quota as a whole number of MB, or tick Unlimited",
  });

const createMailboxAction = formAction({
  schema: createMailboxSchema,
  keep: ["localPart", "domain", "quota", "unlimited", "reason"],
  run: async (context, input) => {
    const { email } = await createMailbox(context, input.accountId, {
      localPart: input.localPart,
      domain: input.domain,
      password: input.password,
      quotaMb: input.unlimited === "on" ? null : Number(input.quota),
    });
    revalidatePath(`/accounts/${input.accountId}/email`);
    // The form words the status ("Created …") and links to the new mailbox, so the message is the address.
    return email;
  },
});

/** Creates a mailbox on one of the account's domains (the form under the mailbox list). */
export async function createMailboxForm(state: ActionState, formData: FormData): Promise<ActionState> {
  return createMailboxAction(state, formData);
}
