"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { LOCALES } from "@/lib/i18n/locales";
import { browserLocale, translator } from "@/lib/i18n/server";
import { setPanelLanguage } from "@/lib/mail/language";

const saveLanguageSchema = z.object({ language: z.enum(["browser", ...LOCALES], { error: "chooseLanguage" }) });

const saveLanguageAction = formAction({
  schema: saveLanguageSchema,
  run: async (context, input) => {
    await setPanelLanguage(context, input.language === "browser" ? null : input.language);
    // Every page's words change, not only this one's.
    revalidatePath("/", "layout");
    // Said in the language the panel speaks from now on (this request still knows the old setting).
    return (await translator("Settings", input.language === "browser" ? await browserLocale() : input.language))("saved");
  },
});

/** Saves the signed-in user's language ("browser" follows Accept-Language). */
export async function saveLanguage(state: ActionState, formData: FormData): Promise<ActionState> {
  return saveLanguageAction(state, formData);
}
