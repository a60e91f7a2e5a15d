"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { singleLine } from "@/lib/validation/single-line";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { changePanelUserRole, createPanelUser, setPanelUserLocked, signOutPanelUser } from "@/lib/mail/panel-users";

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
