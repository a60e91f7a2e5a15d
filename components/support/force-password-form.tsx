"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { SubmissionKey } from "@/components/form/submission-key";

type Props = {
  /** The accounts as chosen (ids), or none when the batch is every match of `query`. */
  accountIds: string[];
  query: string;
  total: number;
  servers: number;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/**
 * Confirms and starts the batch force-password change: it runs as a job (its page shows progress and every account's
 * result). The button names the same accounts as the list above it, and stays disabled once a run has started.
 */
export function ForcePasswordForm({ accountIds, query, total, servers, action }: Props) {
  const t = useTranslations("ForcePasswordForm");
  const [state, formAction, pending] = useActionState(action, idleState);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    // noValidate: a missing reason gets the panel's own message beside the field, not the browser's bubble.
    <form
      action={formAction}
      noValidate
      className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-4"
      aria-labelledby="batch-confirm-heading"
    >
      <h2 id="batch-confirm-heading" className="font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm">{t("consequence", { accounts: total, servers })}</p>
      <SubmissionKey round={state.status === "idle" ? "idle" : state.at} />
      {accountIds.map((id) => (
        <input key={id} type="hidden" name="account" value={id} />
      ))}
      {accountIds.length === 0 ? <input type="hidden" name="q" value={query} /> : null}
      <fieldset>
        <legend className="text-sm font-medium">{t("ifFails")}</legend>
        <div className="mt-1 space-y-1 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="continue" defaultChecked />
            {t("continue")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="stop" />
            {t("stop")}
          </label>
        </div>
        <FieldError id="batch-mode-error" messages={fieldErrors?.mode} />
      </fieldset>
      <ReasonField idPrefix="batch" messages={fieldErrors?.reason} defaultValue={state.status === "error" ? state.values?.reason : undefined} />
      <FieldError id="batch-accounts-error" messages={fieldErrors?.accounts} />
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending || total === 0}
        className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60"
      >
        {pending ? t("starting") : t("submit", { count: total })}
      </button>
    </form>
  );
}
