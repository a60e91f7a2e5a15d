"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { singleLine } from "@/lib/validation/single-line";
import { formAction } from "@/lib/actions/form-action";
import { translator } from "@/lib/i18n/server";
import type { ActionState } from "@/lib/actions/action-state";
import { changePanelUserRole, createPanelUser, setPanelUserLocked, signOutPanelUser } from "@/lib/mail/panel-users";

const role = z.enum(["customer", "support", "admin"], { message: "chooseRole" });
const reason = singleLine("The reason").max(500, "reasonTooLong").optional();

const createUserSchema = z.object({
  email: z.string().trim().min(1, "emailAddressRequired").max(254, "tooLong"),
  name: singleLine("The name").trim().max(100, "tooLong").optional(),
  role,
  password: z.string().min(1, "initialPasswordRequired").max(1024, "initialPasswordTooLong"),
  reason,
});

const createUserAction = formAction({
  schema: createUserSchema,
  keep: ["email", "name", "role", "reason"],
  run: async (context, input) => {
    const { email } = await createPanelUser(context, input);
    revalidatePath("/admin/users");
    return (await translator("AdminUsers"))("done.created", { email });
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
    const t = await translator("AdminUsers");
    let message: string;
    if (input.operation === "role") {
      const { email, role: after } = await changePanelUserRole(context, input.userId, input.role);
      message = t("done.roleChanged", { email, role: t(`roles.${after}`) });
    } else if (input.operation === "sign-out") {
      message = t("done.signedOut", { email: (await signOutPanelUser(context, input.userId)).email });
    } else {
      const { email } = await setPanelUserLocked(context, input.userId, input.operation === "lock");
      message = input.operation === "lock" ? t("done.locked", { email }) : t("done.unlocked", { email });
    }
    revalidatePath("/admin/users");
    return message;
  },
});

/** Changes a panel user's role, locks or unlocks them, or signs them out everywhere (admins only). */
export async function manageUser(state: ActionState, formData: FormData): Promise<ActionState> {
  return userAction(state, formData);
}
