"use server";

import { z } from "zod";
import { singleLine } from "@/lib/validation/single-line";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { changeMailboxPassword } from "@/lib/mail/passwords";

const changePasswordSchema = z
  .object({
    accountId: z.string().min(1),
    address: z.string().min(1),
    newPassword: z.string().min(1, "Enter a new password").max(1024, "Use at most 128 characters"),
    confirmPassword: z.string(),
    reason: singleLine("The reason").max(500, "Keep the reason under 500 characters").optional(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords are not the same",
  });

const changePasswordAction = formAction({
  schema: changePasswordSchema,
  keep: ["reason"],
  run: async (context, input) => {
    const { email } = await changeMailboxPassword(context, input.accountId, input.address, input.newPassword);
    return `Password changed for ${email}`;
  },
});

/** Sets a mailbox's password (the "Password" section of the mailbox page). */
export async function changePassword(state: ActionState, formData: FormData): Promise<ActionState> {
  return changePasswordAction(state, formData);
}
