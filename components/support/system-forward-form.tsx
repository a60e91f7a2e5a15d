"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { FieldError } from "@/components/form/field-error";
import { ConfirmActionForm } from "./confirm-action-form";

type Props = { accountId: string; current: string[]; action: (state: ActionState, formData: FormData) => Promise<ActionState> };

/** Shows and changes where the cPanel user's own mail goes; an empty list turns the forward off. Messages: SystemForward. */
export function SystemForwardForm({ accountId, current, action }: Props) {
  const t = useTranslations("SystemForward");
  return (
    <div className="mt-2 space-y-2">
      <p className="text-sm">
        {current.length
          ? t.rich("now", { addresses: current.join(", "), list: (chunks) => <span className="font-mono">{chunks}</span> })
          : t("notForwarded")}
      </p>
      <ConfirmActionForm
        triggerLabel={t("trigger")}
        confirmLabel={t("confirm")}
        consequence={t("consequence")}
        hidden={{ accountId }}
        action={action}
        fields={(fieldErrors) => (
          <div>
            <label htmlFor="forwardTo" className="block text-sm font-medium text-slate-800">
              {t("label")}
            </label>
            <input
              id="forwardTo"
              name="forwardTo"
              type="text"
              defaultValue={current.join(", ")}
              aria-invalid={fieldErrors?.forwardTo?.length ? true : undefined}
              aria-describedby={fieldErrors?.forwardTo?.length ? "forwardTo-error" : undefined}
              className="mt-1 block w-full max-w-lg rounded-md border border-slate-400 px-3 py-1.5 font-mono focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
            />
            <FieldError id="forwardTo-error" messages={fieldErrors?.forwardTo} />
          </div>
        )}
      />
    </div>
  );
}
