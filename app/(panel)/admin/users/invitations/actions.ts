"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { singleLine } from "@/lib/validation/single-line";
import { formAction } from "@/lib/actions/form-action";
import { translator } from "@/lib/i18n/server";
import type { ActionState } from "@/lib/actions/action-state";
import { cancelInvitation, inviteCustomer, resendInvitation } from "@/lib/mail/invitations";

const reason = singleLine("The reason").max(500, "reasonTooLong").optional();

const inviteUserSchema = z.object({
  email: z.string().trim().min(1, "emailAddressRequired").max(254, "tooLong"),
  name: singleLine("The name").trim().max(100, "tooLong").optional(),
  accounts: z.string().max(10_000, "accountListTooLong").optional(),
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
    const t = await translator("AdminInvitations");
    return accounts.length ? t("done.invitedOwning", { email, accounts: accounts.join(", ") }) : t("done.invited", { email });
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
    const t = await translator("AdminInvitations");
    const message =
      input.operation === "resend"
        ? t("done.resent", { email: (await resendInvitation(context, input.invitationId)).email })
        : t("done.revoked", { email: (await cancelInvitation(context, input.invitationId)).email });
    revalidatePath("/admin/users/invitations");
    return message;
  },
});

/** Resends or revokes an invitation (support and admin). */
export async function manageInvitation(state: ActionState, formData: FormData): Promise<ActionState> {
  return invitationAction(state, formData);
}
