"use client";

import { useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { normalizeDomain } from "@/lib/forwarding/address";
import { checkWordsFrom } from "@/lib/forwarding/check-words";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { removeButtonClass } from "./styles";
import { TextField } from "@/components/form/text-field";
import { useWithReason } from "./use-staff-reason";
import { PrimaryButton } from "@/components/form/primary-button";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  accountId: string;
  domains: string[];
  domainForwarders: { sourceDomain: string; destinationDomain: string }[];
  isStaff: boolean;
  addAction: Action;
  removeAction: Action;
};

/** Domain forwarders: all mail of one of the account's domains to the same names at another domain. One per domain, as in cPanel. */
export function DomainForwarders({ accountId, domains, domainForwarders, isStaff, addAction, removeAction }: Props) {
  const t = useTranslations("Forwarding");
  const [addState, add, adding] = useActionState(addAction, idleState);
  const [removeState, remove, removing] = useActionState(removeAction, idleState);
  // The reason field stands outside both forms (staff may remove when no domain is left to add): each form copies it in.
  const removeWithReason = useWithReason("domain-forwarders-reason", isStaff, remove);
  const addWithReason = useWithReason("domain-forwarders-reason", isStaff, add);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const values = addState.status === "error" ? addState.values : undefined;
  const free = domains.filter((d) => !domainForwarders.some((f) => f.sourceDomain === d));

  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget);
    const source = String(data.get("sourceDomain") ?? "");
    const destination = normalizeDomain(String(data.get("destinationDomain") ?? ""), checkWordsFrom(t));
    const errors: Record<string, string[]> = {};
    if (!destination.ok) errors.destinationDomain = [destination.message];
    else if (destination.domain === source) errors.destinationDomain = [t("domainToItself", { domain: source })];
    if (Object.keys(errors).length) {
      event.preventDefault();
      setClientErrors(errors);
      document.getElementById("domain-destination")?.focus();
      return;
    }
    setClientErrors(null);
  }

  const errors = clientErrors ?? (addState.status === "error" ? addState.fieldErrors : undefined) ?? {};
  const latest = addState.status !== "idle" && (removeState.status === "idle" || addState.at >= removeState.at) ? addState : removeState;
  const removeErrors = removeState.status === "error" ? removeState.fieldErrors : undefined;

  return (
    <div className="space-y-4">
      {isStaff ? <ReasonField idPrefix="domain-forwarders" messages={errors.reason ?? removeErrors?.reason} defaultValue={values?.reason} /> : null}
      {domainForwarders.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noDomainForwarded")}</p>
      ) : (
        <ul aria-label={t("domainForwarders")} className="divide-y divide-slate-200 rounded-md border border-slate-300">
          {domainForwarders.map((f) => (
            <li key={f.sourceDomain} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <p className="text-sm">
                {t.rich("domainGoesTo", {
                  source: f.sourceDomain,
                  destination: f.destinationDomain,
                  code: (chunks) => <span className="font-mono">{chunks}</span>,
                })}
              </p>
              <form action={removeWithReason}>
                <input type="hidden" name="accountId" value={accountId} />
                <input type="hidden" name="sourceDomain" value={f.sourceDomain} />
                <button type="submit" disabled={removing} className={removeButtonClass}>
                  {t("removeDomain", { domain: f.sourceDomain })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {free.length ? (
        <form
          action={addWithReason}
          onSubmit={checkBeforeSending}
          noValidate
          aria-labelledby="add-domain-forwarder-heading"
          className="space-y-3 rounded-md border border-slate-300 p-4"
        >
          <h3 id="add-domain-forwarder-heading" className="font-semibold">
            {t("domainHeading")}
          </h3>
          <input type="hidden" name="accountId" value={accountId} />
          <div key={`src-${addState.status === "idle" ? "idle" : addState.at}`}>
            <label htmlFor="domain-source" className="block text-sm font-medium text-slate-800">
              {t("domain")}
            </label>
            <select
              id="domain-source"
              name="sourceDomain"
              defaultValue={values?.sourceDomain ?? free[0]}
              aria-invalid={errors.sourceDomain?.length ? true : undefined}
              aria-describedby={errors.sourceDomain?.length ? "domain-source-error" : undefined}
              className="mt-1 block rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
            >
              {free.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
            <FieldError id="domain-source-error" messages={errors.sourceDomain} />
          </div>
          <TextField
            key={`dst-${addState.status === "idle" ? "idle" : addState.at}`}
            id="domain-destination"
            name="destinationDomain"
            label={t("domainTo")}
            kind="code"
            hint={t("domainToHint")}
            messages={errors.destinationDomain}
            defaultValue={values?.destinationDomain}
            onChange={() => setClientErrors(null)}
          />
          <FormStatus state={latest} />
          <PrimaryButton label={t("addDomain")} pendingLabel={t("addingDomain")} pending={adding} />
        </form>
      ) : (
        <FormStatus state={latest} />
      )}
    </div>
  );
}
