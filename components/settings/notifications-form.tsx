"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { FormStatus } from "@/components/form/form-status";
import { PrimaryButton } from "@/components/form/primary-button";

type Props = {
  options: { kind: string; label: string; description: string; enabled: boolean }[];
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** The optional e-mails, each a checkbox, saved together. */
export function NotificationsForm({ options, action }: Props) {
  const t = useTranslations("Notifications");
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-4">
      <fieldset>
        <legend className="font-semibold">{t("optionalLegend")}</legend>
        {options.map((option) => (
          <div key={option.kind} className="mt-2 flex items-start gap-2">
            <input
              id={`notify-${option.kind}`}
              type="checkbox"
              name={option.kind}
              defaultChecked={option.enabled}
              aria-describedby={`notify-${option.kind}-help`}
              className="mt-1 size-4"
            />
            <div>
              <label htmlFor={`notify-${option.kind}`} className="font-medium">
                {option.label}
              </label>
              <p id={`notify-${option.kind}-help`} className="text-sm text-slate-700">
                {option.description}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <PrimaryButton label={t("save")} pendingLabel={t("saving")} pending={pending} />
      <FormStatus state={state} />
    </form>
  );
}
