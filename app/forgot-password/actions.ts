"use server";

import { headers } from "next/headers";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { publicFormAction } from "@/lib/actions/public-form-action";
import { clientAddressFrom } from "@/lib/http/client-address";
import { translator } from "@/lib/i18n/server";
import { requestPasswordReset } from "@/lib/mail/password-reset";

const forgotPasswordSchema = z.object({
  email: z.string().trim().min(1, "emailRequired").max(254),
});

const forgotPasswordAction = publicFormAction({
  schema: forgotPasswordSchema,
  keep: ["email"],
  run: async ({ email }) => {
    await requestPasswordReset({ email, ip: clientAddressFrom(await headers()) });
    // The one answer to every accepted request, known address or not.
    return (await translator("ForgotPassword"))("sent");
  },
});

/** Mails a reset link if the address has a login; answers the same either way. */
export async function requestReset(state: ActionState, formData: FormData): Promise<ActionState> {
  return forgotPasswordAction(state, formData);
}
