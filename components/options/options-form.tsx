"use client";

import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { formatMegabytes } from "@/lib/format";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { QuotaUsage } from "@/components/quota-usage";
import { textInput } from "./styles";
import { SubmissionKey } from "@/components/form/submission-key";
import { PrimaryButton } from "@/components/form/primary-button";

export type OptionsValues = {
  quotaMb: number | null;
  diskUsedBytes: number;
  maxQuotaMb: number | null;
  suspendLogin: boolean;
  suspendIncoming: boolean;
  suspendOutgoing: boolean;
  holdOutgoing: boolean;
};

type Props = {
  accountId: string;
  address: string;
  values: OptionsValues;
  requireReason: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

// Worded by MailboxOptions.options.restrictions.<name>.label and .help.
const restrictions = ["suspendLogin", "suspendIncoming", "suspendOutgoing", "holdOutgoing"] as const;

/** Quota (with usage and the account's maximum) and the four restrictions, saved together. */
export function OptionsForm({ accountId, address, values, requireReason, action }: Props) {
  const t = useTranslations("MailboxOptions.options");
  const [state, formAction, pending] = useActionState(action, idleState);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="mt-3 space-y-4">
      <SubmissionKey round={state.status === "idle" ? "idle" : state.at} />
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="address" value={address} />
      <input type="hidden" name="wasQuota" value={values.quotaMb === null ? "unlimited" : String(values.quotaMb)} />
      {restrictions.map((name) => (
        <input key={name} type="hidden" name={`was${name[0]!.toUpperCase()}${name.slice(1)}`} value={String(values[name])} />
      ))}
      {/* Remounted after every answer: fresh values from cPanel after a save, what was typed after an error. */}
      <OptionsFields key={state.status === "idle" ? "idle" : state.at} values={values} kept={kept} fieldErrors={fieldErrors} />
      {requireReason ? <ReasonField idPrefix="options" messages={fieldErrors?.reason} defaultValue={kept?.reason} /> : null}
      <FormStatus state={state} />
      <PrimaryButton label={t("save")} pendingLabel={t("saving")} pending={pending} />
    </form>
  );
}

function OptionsFields({
  values,
  kept,
  fieldErrors,
}: {
  values: OptionsValues;
  kept?: Record<string, string>;
  fieldErrors?: Record<string, string[]>;
}) {
  const t = useTranslations("MailboxOptions");
  const locale = useLocale();
  const stored = formatMegabytes(values.diskUsedBytes, locale);
  const [unlimited, setUnlimited] = useState(kept ? kept.unlimited === "on" : values.quotaMb === null);
  const [quota, setQuota] = useState(kept?.quota ?? (values.quotaMb === null ? "" : String(values.quotaMb)));
  const quotaNumber = /^\d+$/.test(quota) ? Number(quota) : null;
  const belowUsage = !unlimited && quotaNumber !== null && quotaNumber * 1024 * 1024 < values.diskUsedBytes;
  const quotaErrors = fieldErrors?.quota;
  const describedBy = ["quota-help", belowUsage ? "quota-warning" : "", quotaErrors?.length ? "quota-error" : ""].filter(Boolean).join(" ");
  return (
    <>
      <fieldset className="space-y-2">
        <legend className="text-base font-semibold">{t("options.storage")}</legend>
        <div className="flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor="quota" className="block text-sm font-medium text-slate-800">
              {t("quota")}
            </label>
            <input
              id="quota"
              name="quota"
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              max={values.maxQuotaMb ?? undefined}
              value={unlimited ? "" : quota}
              disabled={unlimited}
              onChange={(e) => setQuota(e.target.value)}
              aria-invalid={quotaErrors?.length ? true : undefined}
              aria-describedby={describedBy}
              className={`${textInput} w-40`}
            />
          </div>
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" name="unlimited" checked={unlimited} onChange={(e) => setUnlimited(e.target.checked)} className="h-4 w-4" />
            {t("unlimited")}
          </label>
        </div>
        <p id="quota-help" className="text-sm text-slate-700">
          {t("options.inUse", { used: stored })} {values.maxQuotaMb === null ? "" : t("maxPerMailbox", { max: values.maxQuotaMb })}
        </p>
        <QuotaUsage diskUsedBytes={values.diskUsedBytes} quotaMb={values.quotaMb} />
        {belowUsage ? (
          <div id="quota-warning" className="max-w-xl rounded-md border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950">
            <p>{t.rich("options.belowUsage", { used: stored, strong: (chunks) => <strong>{chunks}</strong> })}</p>
            <label className="mt-2 flex items-center gap-2 font-medium">
              <input type="checkbox" name="confirmQuotaBelowUsage" className="h-4 w-4" />
              {t("options.belowUsageConfirm")}
            </label>
          </div>
        ) : null}
        <FieldError id="quota-error" messages={quotaErrors} />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">{t("options.restrictionsLegend")}</legend>
        {restrictions.map((name) => (
          <div key={name} className="flex items-start gap-2">
            <input
              id={name}
              name={name}
              type="checkbox"
              defaultChecked={kept ? kept[name] === "on" : values[name]}
              aria-describedby={`${name}-help`}
              className="mt-1 h-4 w-4"
            />
            <div>
              <label htmlFor={name} className="text-sm font-medium">
                {t(`options.restrictions.${name}.label`)}
              </label>
              <p id={`${name}-help`} className="text-sm text-slate-700">
                {t(`options.restrictions.${name}.help`)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
    </>
  );
}
