"use server";

import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { publicFormAction } from "@/lib/actions/public-form-action";
import { translator } from "@/lib/i18n/server";
import { acceptInvitationLink } from "@/lib/mail/invitations";

const acceptInvitationSchema = z.object({
  token: z.string().min(1).max(100),
  password: z.string().min(1, "passwordRequired").max(1024),
  confirmPassword: z.string().max(1024),
});

const acceptInvitationAction = publicFormAction({
  schema: acceptInvitationSchema,
  run: async ({ token, password, confirmPassword }) => {
    const { email } = await acceptInvitationLink(token, password, confirmPassword);
    return (await translator("Invite"))("done", { email });
  },
});

/** Accepts an invitation by setting the panel password (the link works once). */
export async function acceptInvitation(state: ActionState, formData: FormData): Promise<ActionState> {
  return acceptInvitationAction(state, formData);
}
