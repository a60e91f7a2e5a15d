"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { translator } from "@/lib/i18n/server";
import type { ActionState } from "@/lib/actions/action-state";
import { OPTIONAL_NOTIFICATIONS, saveNotificationSettings } from "@/lib/notify/preferences";

// One checkbox per optional kind: present ("on") when ticked, absent when not.
const schema = z.object(
  Object.fromEntries(OPTIONAL_NOTIFICATIONS.map((n) => [n.kind, z.literal("on").optional()])) as Record<string, z.ZodOptional<z.ZodLiteral<"on">>>,
);

const saveAction = formAction({
  schema,
  run: async (context, input) => {
    const enabled = new Set(
      Object.entries(input)
        .filter(([, value]) => value === "on")
        .map(([kind]) => kind),
    );
    await saveNotificationSettings(context.actor, enabled);
    revalidatePath("/settings/notifications");
    return (await translator("Notifications"))("saved");
  },
});

/** Saves which optional e-mails the signed-in user gets. */
export async function saveNotifications(state: ActionState, formData: FormData): Promise<ActionState> {
  return saveAction(state, formData);
}
