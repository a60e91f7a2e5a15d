"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { FormStatus } from "@/components/form/form-status";
import { PrimaryButton } from "@/components/form/primary-button";
import { ReasonField } from "@/components/form/reason-field";
import { SubmissionKey } from "@/components/form/submission-key";
import { TextField } from "@/components/form/text-field";
import { useFieldErrors } from "@/components/form/use-field-errors";
import { useKeptSubmit } from "@/components/form/use-kept-submit";

type Props = {
  accountId: string;
  address: string;
  /** Staff give a reason for the audit log. */
  requireReason: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** "E-mail these settings": cPanel mails the settings (never a password) to the mailbox itself or another address. */
export function EmailSettingsForm({ accountId, address, requireReason, action }: Props) {
  const t = useTranslations("Devices.emailSettings");
  const [state, dispatch, pending] = useActionState(action, idleState);
  const { errors, onInput } = useFieldErrors(state);
  const onSubmit = useKeptSubmit(dispatch);
  return (
    <form action={dispatch} onSubmit={onSubmit} onInput={onInput} noValidate aria-labelledby="email-settings-heading" className="space-y-3">
      <h3 id="email-settings-heading" className="font-semibold">
        {t("heading")}
      </h3>
      <SubmissionKey round={state.status === "idle" ? "idle" : state.at} />
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="address" value={address} />
      <TextField
        id="email-settings-to"
        name="to"
        label={t("to")}
        kind="address"
        maxLength={320}
        defaultValue={address}
        hint={t("toHint")}
        messages={errors?.to}
      />
      {requireReason ? <ReasonField idPrefix="email-settings" messages={errors?.reason} /> : null}
      <FormStatus state={state} />
      <PrimaryButton label={t("submit")} pendingLabel={t("sending")} pending={pending} />
    </form>
  );
}
