"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { FormStatus } from "@/components/form/form-status";
import { PrimaryButton } from "@/components/form/primary-button";

type Props = {
  /** The stored choice: "browser" or a locale code. */
  current: string;
  /** The languages on offer, each named in its own language (a Swede finds "Svenska" in any page language). */
  languages: { code: string; name: string }[];
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** The panel's language: the browser's (the default) or one chosen here, saved for this login on every device. */
export function LanguageForm({ current, languages, action }: Props) {
  const t = useTranslations("Settings");
  const [state, formAction, pending] = useActionState(action, idleState);
  const options = [{ code: "browser", name: t("browserLanguage") }, ...languages];
  return (
    <form action={formAction} className="space-y-4">
      <fieldset>
        <legend className="font-semibold">{t("languageLegend")}</legend>
        <div className="mt-2 space-y-1">
          {options.map((option) => (
            <div key={option.code} className="flex items-center gap-2">
              <input
                id={`language-${option.code}`}
                type="radio"
                name="language"
                value={option.code}
                defaultChecked={option.code === current}
                lang={option.code === "browser" ? undefined : option.code}
                className="size-4"
              />
              <label htmlFor={`language-${option.code}`} lang={option.code === "browser" ? undefined : option.code}>
                {option.name}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <PrimaryButton label={t("save")} pendingLabel={t("saving")} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}
