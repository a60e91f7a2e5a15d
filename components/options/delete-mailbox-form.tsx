"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { formatMegabytes } from "@/lib/format";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { dangerButton, textInput } from "./styles";
import { SubmissionKey } from "@/components/form/submission-key";

type Props = {
  accountId: string;
  address: string;
  diskUsedBytes: number;
  requireReason: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** Deleting names the address and what is lost, and asks for the address typed out (no accidental clicks). */
export function DeleteMailboxForm({ accountId, address, diskUsedBytes, requireReason, action }: Props) {
  const t = useTranslations("MailboxOptions.delete");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, idleState);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  const errors = fieldErrors?.confirmAddress;
  return (
    <form action={formAction} className="mt-3 space-y-3">
      <SubmissionKey round={state.status === "idle" ? "idle" : state.at} />
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="address" value={address} />
      <div id="delete-consequences" className="max-w-xl space-y-1 text-sm">
        <p>{t.rich("consequences", { address, size: formatMegabytes(diskUsedBytes, locale), strong: (chunks) => <strong>{chunks}</strong> })}</p>
        <p>{t("forwardersStay")}</p>
      </div>
      <div>
        <label htmlFor="confirmAddress" className="block text-sm font-medium text-slate-800">
          {t("confirmLabel", { address })}
        </label>
        <input
          id="confirmAddress"
          name="confirmAddress"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={`delete-consequences${errors?.length ? " confirmAddress-error" : ""}`}
          className={`${textInput} w-full max-w-md`}
        />
        <FieldError id="confirmAddress-error" messages={errors} />
      </div>
      {requireReason ? (
        <ReasonField idPrefix="delete" messages={fieldErrors?.reason} defaultValue={state.status === "error" ? state.values?.reason : undefined} />
      ) : null}
      <FormStatus state={state} />
      <button type="submit" disabled={pending} className={dangerButton}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
