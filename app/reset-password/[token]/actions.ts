"use server";

import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { publicFormAction } from "@/lib/actions/public-form-action";
import { resetPasswordWithLink } from "@/lib/mail/password-reset";

const resetPasswordSchema = z.object({
  token: z.string().min(1).max(100),
  password: z.string().min(1, "Enter a new password").max(1024, "Use at most 1024 characters"),
  confirmPassword: z.string().max(1024),
});

const resetPasswordAction = publicFormAction({
  schema: resetPasswordSchema,
  run: async ({ token, password, confirmPassword }) => {
    await resetPasswordWithLink(token, password, confirmPassword);
    return "Your new password is set, and every session of your login was signed out.";
  },
});

/** Sets a new panel password through a reset link (single use). */
export async function resetPassword(state: ActionState, formData: FormData): Promise<ActionState> {
  return resetPasswordAction(state, formData);
}
