"use server";

import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { publicFormAction } from "@/lib/actions/public-form-action";
import { translator } from "@/lib/i18n/server";
import { resetPasswordWithLink } from "@/lib/mail/password-reset";

const resetPasswordSchema = z.object({
  token: z.string().min(1).max(100),
  password: z.string().min(1, "newPasswordRequired").max(1024),
  confirmPassword: z.string().max(1024),
});

const resetPasswordAction = publicFormAction({
  schema: resetPasswordSchema,
  run: async ({ token, password, confirmPassword }) => {
    await resetPasswordWithLink(token, password, confirmPassword);
    return (await translator("ResetPassword"))("done");
  },
});

/** Sets a new panel password through a reset link (single use). */
export async function resetPassword(state: ActionState, formData: FormData): Promise<ActionState> {
  return resetPasswordAction(state, formData);
}
