"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { singleLine } from "@/lib/validation/single-line";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { changePanelUserRole, createPanelUser, setPanelUserLocked, signOutPanelUser } from "@/lib/mail/panel-users";
import { cancelInvitation, inviteCustomer, resendInvitation } from "@/lib/mail/invitations";

const role = z.enum(["customer", "support", "admin"], { message: "Choose a role" });
const reason = singleLine("The reason").max(500, "Keep the reason under 500 characters").optional();

const createUserSchema = z.object({
  email: z.string().trim().min(1, "Enter an email address").max(254, "Use at most 254 characters"),
  name: singleLine("The name").trim().max(100, "Use at most 100 characters").optional(),
  role,
  password: z.string().min(1, "Enter an initial password").max(1024, "Use at most 128 characters"),
  reason,
});

const createUserAction = formAction({
  schema: createUserSchema,
  keep: ["email", "name", "role", "reason"],
  run: async (context, input) => {
    const { email } = await createPanelUser(context, input);
    revalidatePath("/admin/users");
    return `Created ${email}. Hand over the initial password through a separate channel.`;
  },
});

/** Creates a panel user (admins only). */
export async function createUser(state: ActionState, formData: FormData): Promise<ActionState> {
  return createUserAction(state, formData);
}

const userActionSchema = z.discriminatedUnion("operation", [
  z.object({ operation: z.literal("role"), userId: z.string().min(1).max(64), role, reason }),
  z.object({ operation: z.literal("lock"), userId: z.string().min(1).max(64), reason }),
  z.object({ operation: z.literal("unlock"), userId: z.string().min(1).max(64), reason }),
  z.object({ operation: z.literal("sign-out"), userId: z.string().min(1).max(64), reason }),
]);

const userAction = formAction({
  schema: userActionSchema,
  keep: ["reason"],
  run: async (context, input) => {
    let message: string;
    if (input.operation === "role") {
      const { email, role: after } = await changePanelUserRole(context, input.userId, input.role);
      message = `${email} is now ${after}; they were signed out everywhere.`;
    } else if (input.operation === "sign-out") {
      message = `${(await signOutPanelUser(context, input.userId)).email} was signed out everywhere.`;
    } else {
      const { email } = await setPanelUserLocked(context, input.userId, input.operation === "lock");
      message = input.operation === "lock" ? `${email} is locked and signed out everywhere.` : `${email} can sign in again.`;
    }
    revalidatePath("/admin/users");
    return message;
  },
});

/** Changes a panel user's role, locks or unlocks them, or signs them out everywhere (admins only). */
export async function manageUser(state: ActionState, formData: FormData): Promise<ActionState> {
  return userAction(state, formData);
}

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
    const { email, accounts } = await inviteCustomer(context, { email: input.email, name: input.name, accounts: (input.accounts ?? "").split(/[\s,;]+/) });
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
    let message: string;
    if (input.operation === "resend") {
      message = `Sent a new link to ${(await resendInvitation(context, input.invitationId)).email}; the earlier one no longer works.`;
    } else {
      message = `The invitation to ${(await cancelInvitation(context, input.invitationId)).email} is revoked.`;
    }
    revalidatePath("/admin/users");
    return message;
  },
});

/** Resends or revokes an invitation (support and admin). */
export async function manageInvitation(state: ActionState, formData: FormData): Promise<ActionState> {
  return invitationAction(state, formData);
}
