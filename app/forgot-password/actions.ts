"use server";

import { headers } from "next/headers";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { publicFormAction } from "@/lib/actions/public-form-action";
import { clientAddressFrom } from "@/lib/http/client-address";
import { RESET_REQUESTED_MESSAGE, requestPasswordReset } from "@/lib/mail/password-reset";

const forgotPasswordSchema = z.object({
  email: z.string().trim().min(1, "Enter the email address you sign in with").max(254, "Use at most 254 characters"),
});

const forgotPasswordAction = publicFormAction({
  schema: forgotPasswordSchema,
  keep: ["email"],
  run: async ({ email }) => {
    await requestPasswordReset({ email, ip: clientAddressFrom(await headers()) });
    return RESET_REQUESTED_MESSAGE;
  },
});

/** Mails a reset link if the address has a login; answers the same either way. */
export async function requestReset(state: ActionState, formData: FormData): Promise<ActionState> {
  return forgotPasswordAction(state, formData);
}
