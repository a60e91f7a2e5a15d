"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { singleLine } from "@/lib/validation/single-line";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { cancelInvitation, inviteCustomer, resendInvitation } from "@/lib/mail/invitations";

const reason = singleLine("The reason").max(500, "Keep the reason under 500 characters").optional();

const inviteUserSchema = z.object({
  email: z.string().trim().min(1, "Enter an email address").max(254, "Use at most 254 characters"),
  name: singleLine("The name").trim().max(100, "Use at most 100 characters").optional(),
  accounts: z.string().max(10_000, "List fewer accounts at once").optional(),
  reason,
});

const inviteUserAction = formAction({
  schema: inviteUserSchema,
  keep: ["email", "name", "accounts", "reason"],
  run: async (context, input) => {
    const { email, accounts } = await inviteCustomer(context, {
      email: input.email,
      name: input.name,
      accounts: (input.accounts ?? "").split(/[\s,;]+/),
    });
    revalidatePath("/admin/users/invitations");
    revalidatePath("/admin/users");
    const owns = accounts.length ? ` They will own ${accounts.join(", ")}.` : "";
    return `Invited ${email}: the link works once, for 7 days.${owns}`;
  },
});

/** Invites a customer by e-mail with the accounts they will own (support and admin). */
export async function inviteUser(state: ActionState, formData: FormData): Promise<ActionState> {
  return inviteUserAction(state, formData);
}

const invitationActionSchema = z.object({
  operation: z.enum(["resend", "revoke"]),
  invitationId: z.string().min(1).max(64),
  reason,
});

const invitationAction = formAction({
  schema: invitationActionSchema,
  keep: ["reason"],
  run: async (context, input) => {
    const message =
      input.operation === "resend"
        ? `Sent a new link to ${(await resendInvitation(context, input.invitationId)).email}; the earlier one no longer works.`
        : `The invitation to ${(await cancelInvitation(context, input.invitationId)).email} is revoked.`;
    revalidatePath("/admin/users/invitations");
    return message;
  },
});

/** Resends or revokes an invitation (support and admin). */
export async function manageInvitation(state: ActionState, formData: FormData): Promise<ActionState> {
  return invitationAction(state, formData);
}
