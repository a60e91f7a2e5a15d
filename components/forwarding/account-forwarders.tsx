"use client";

import { useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import {
  checkDestinations,
  domainOf,
  MAX_DESTINATIONS_PER_ADDRESS,
  MAX_FAIL_MESSAGE_LENGTH,
  normalizeAddress,
  splitDestinations,
} from "@/lib/forwarding/address";
import { checkWordsFrom } from "@/lib/forwarding/check-words";
import type { AddressForwarding } from "@/lib/forwarding/describe";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { DestinationList } from "./destination-list";
import { TextField } from "@/components/form/text-field";
import { useWithReason } from "./use-staff-reason";
import { PrimaryButton } from "@/components/form/primary-button";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Kind = "address" | "fail" | "blackhole" | "pipe" | "system";

type Props = {
  accountId: string;
  domains: string[];
  addresses: AddressForwarding[];
  isStaff: boolean;
  addAction: Action;
  removeAction: Action;
};

// Worded by Forwarding.kinds.<kind>.label and .hint.
const kinds: { kind: Kind; staffOnly?: boolean }[] = [
  { kind: "address" },
  { kind: "fail" },
  { kind: "blackhole" },
  { kind: "pipe", staffOnly: true },
  { kind: "system", staffOnly: true },
];

/** Every forwarded address of the account (mailbox or not), each with its sentence and destinations, and a form for any kind. */
export function AccountForwarders({ accountId, domains, addresses, isStaff, addAction, removeAction }: Props) {
  const t = useTranslations("Forwarding");
  const [addState, add, adding] = useActionState(addAction, idleState);
  const [removeState, remove, removing] = useActionState(removeAction, idleState);
  const removeWithReason = useWithReason("forwarders-reason", isStaff, remove);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);
  const values = addState.status === "error" ? addState.values : undefined;
  const [kind, setKind] = useState<Kind>("address");

  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget);
    const errors: Record<string, string[]> = {};
    const words = checkWordsFrom(t);
    const source = normalizeAddress(String(data.get("source") ?? ""), words);
    if (!source.ok) errors.source = [source.message];
    else if (!domains.includes(domainOf(source.address))) {
      errors.source = [t("notOnDomains", { address: source.address, domains: domains.join(", ") })];
    }
    if (kind === "address" && source.ok) {
      const existing = addresses.find((a) => a.address === source.address)?.destinations.map((d) => d.destination) ?? [];
      const checked = checkDestinations(splitDestinations(String(data.get("destinations") ?? "")), { source: source.address, existing }, words);
      if (!checked.ok) errors.destinations = checked.messages;
    }
    if (kind === "fail" && String(data.get("failMessage") ?? "").length > MAX_FAIL_MESSAGE_LENGTH) {
      errors.failMessage = [t("failMessageTooLong", { max: MAX_FAIL_MESSAGE_LENGTH })];
    }
    if (Object.keys(errors).length) {
      event.preventDefault();
      setClientErrors(errors);
      const first = Object.keys(errors)[0] === "source" ? "fwd-source" : `fwd-${Object.keys(errors)[0]}`;
      document.getElementById(first)?.focus();
      return;
    }
    setClientErrors(null);
  }

  const serverErrors = addState.status === "error" ? addState.fieldErrors : undefined;
  const errors = clientErrors ?? serverErrors ?? {};
  const latest = addState.status !== "idle" && (removeState.status === "idle" || addState.at >= removeState.at) ? addState : removeState;
  const removeErrors = removeState.status === "error" ? removeState.fieldErrors : undefined;

  return (
    <div className="space-y-6">
      {addresses.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noneForwarded")}</p>
      ) : (
        <ul aria-label={t("forwardedAddresses")} className="space-y-4">
          {addresses.map((a) => (
            <li key={a.address}>
              <h3 className="font-mono text-sm font-semibold break-all">
                {a.address}
                <span className="ml-2 font-sans text-xs font-normal text-slate-700">{a.hasMailbox ? t("alsoMailbox") : t("noMailbox")}</span>
              </h3>
              <p className="mt-1 mb-2 text-sm">{a.delivery}</p>
              <DestinationList
                accountId={accountId}
                source={a.address}
                destinations={a.destinations}
                label={t("destinationsOf", { address: a.address })}
                nameSource
                isStaff={isStaff}
                pending={removing}
                remove={removeWithReason}
              />
            </li>
          ))}
        </ul>
      )}

      <form
        action={add}
        onSubmit={checkBeforeSending}
        noValidate
        aria-labelledby="add-forwarder-heading"
        className="space-y-3 rounded-md border border-slate-300 p-4"
      >
        <h3 id="add-forwarder-heading" className="font-semibold">
          {t("addHeading")}
        </h3>
        <input type="hidden" name="accountId" value={accountId} />
        <TextField
          key={`source-${addState.status === "idle" ? "idle" : addState.at}`}
          id="fwd-source"
          name="source"
          label={t("address")}
          kind="address"
          hint={t("addressHint", { domains: domains.join(", ") })}
          messages={errors.source}
          defaultValue={values?.source}
          onChange={() => setClientErrors(null)}
        />

        <fieldset aria-describedby={errors.kind?.length ? "fwd-kind-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t("whatHappens")}</legend>
          <div className="mt-1 space-y-1">
            {kinds
              .filter((k) => isStaff || !k.staffOnly)
              .map((k) => (
                <div key={k.kind} className="flex items-start gap-2">
                  <input
                    id={`fwd-kind-${k.kind}`}
                    type="radio"
                    name="kind"
                    value={k.kind}
                    checked={kind === k.kind}
                    onChange={() => setKind(k.kind)}
                    aria-describedby={`fwd-kind-${k.kind}-hint`}
                    className="mt-1"
                  />
                  <label htmlFor={`fwd-kind-${k.kind}`} className="text-sm">
                    {t(`kinds.${k.kind}.label`)}{" "}
                    <span id={`fwd-kind-${k.kind}-hint`} className="text-slate-700">
                      — {t(`kinds.${k.kind}.hint`)}
                    </span>
                  </label>
                </div>
              ))}
          </div>
          {!isStaff ? <p className="mt-1 text-xs text-slate-700">{t("staffOnlyKinds")}</p> : null}
          <FieldError id="fwd-kind-error" messages={errors.kind} />
        </fieldset>

        {kind === "address" ? (
          <TextField
            key={`dest-${addState.status === "idle" ? "idle" : addState.at}`}
            id="fwd-destinations"
            name="destinations"
            label={t("forwardTo")}
            kind="address"
            hint={t("forwardToHint", { max: MAX_DESTINATIONS_PER_ADDRESS })}
            messages={errors.destinations}
            defaultValue={values?.destinations}
            onChange={() => setClientErrors(null)}
          />
        ) : null}
        {kind === "fail" ? (
          <TextField
            key={`fail-${addState.status === "idle" ? "idle" : addState.at}`}
            id="fwd-failMessage"
            name="failMessage"
            label={t("failMessage")}
            maxLength={MAX_FAIL_MESSAGE_LENGTH}
            placeholder={t("failMessageDefault")}
            hint={t("failMessageHint", { default: t("failMessageDefault") })}
            messages={errors.failMessage}
            defaultValue={values?.failMessage}
          />
        ) : null}
        {kind === "pipe" ? (
          <TextField
            key={`pipe-${addState.status === "idle" ? "idle" : addState.at}`}
            id="fwd-command"
            name="command"
            label={t("program")}
            kind="code"
            hint={t("programHint")}
            messages={errors.command}
            defaultValue={values?.command}
          />
        ) : null}

        {isStaff ? <ReasonField idPrefix="forwarders" messages={errors.reason ?? removeErrors?.reason} defaultValue={values?.reason} /> : null}
        <FormStatus state={latest} />
        <PrimaryButton label={t("add")} pendingLabel={t("adding")} pending={adding} />
      </form>
    </div>
  );
}
