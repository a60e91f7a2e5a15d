"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import type { PasswordContext } from "@/lib/password/rules";
import { NewPasswordFields } from "@/components/password/new-password-fields";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { primaryButton, textInput } from "./styles";
import { SubmissionKey } from "@/components/form/submission-key";

type Props = {
  accountId: string;
  domains: string[];
  cpanelUser: string;
  requiredCpanelStrength: number;
  maxQuotaMb: number | null;
  defaultQuotaMb: number;
  requireReason: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** A new mailbox: address on one of the account's domains, password with the same policy and meter as a change, quota. */
export function CreateMailboxForm(props: Props) {
  const [state, formAction, pending] = useActionState(props.action, idleState);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  const kept = state.status === "error" ? state.values : undefined;
  const created = state.status === "success" ? state.message : null;
  return (
    <form action={formAction} className="mt-3 space-y-4">
      <SubmissionKey round={state.status === "idle" ? "idle" : state.at} />
      <input type="hidden" name="accountId" value={props.accountId} />
      <CreateFields key={state.status === "idle" ? "idle" : state.at} {...props} kept={kept} fieldErrors={fieldErrors} />
      {props.requireReason ? <ReasonField idPrefix="create" messages={fieldErrors?.reason} defaultValue={kept?.reason} /> : null}
      <FormStatus state={state.status === "success" ? { ...state, message: `Created ${state.message}.` } : state} />
      {created ? (
        <p className="text-sm">
          <Link href={`/accounts/${props.accountId}/email/${encodeURIComponent(created)}`} className="text-blue-800 underline underline-offset-2">
            Open {created}
          </Link>
        </p>
      ) : null}
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? "Creating mailbox…" : "Create mailbox"}
      </button>
    </form>
  );
}

function CreateFields({
  domains,
  cpanelUser,
  requiredCpanelStrength,
  maxQuotaMb,
  defaultQuotaMb,
  kept,
  fieldErrors,
}: Props & { kept?: Record<string, string>; fieldErrors?: Record<string, string[]> }) {
  const [localPart, setLocalPart] = useState(kept?.localPart ?? "");
  const [domain, setDomain] = useState(kept?.domain ?? domains[0] ?? "");
  const [unlimited, setUnlimited] = useState(kept ? kept.unlimited === "on" : false);
  const policy: PasswordContext = { email: `${localPart.trim().toLowerCase() || "new"}@${domain}`, cpanelUser, requiredCpanelStrength };
  const errorsOf = (name: string) => fieldErrors?.[name];
  const invalid = (name: string) => (errorsOf(name)?.length ? true : undefined);
  const describe = (name: string, ...others: string[]) => [...others, errorsOf(name)?.length ? `create-${name}-error` : ""].filter(Boolean).join(" ") || undefined;

  return (
    <>
      <div className="flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="create-localPart" className="block text-sm font-medium text-slate-800">
            Address
          </label>
          <input
            id="create-localPart"
            name="localPart"
            autoComplete="off"
            spellCheck={false}
            value={localPart}
            onChange={(e) => setLocalPart(e.target.value)}
            aria-invalid={invalid("localPart")}
            aria-describedby={describe("localPart")}
            className={`${textInput} w-56`}
          />
        </div>
        <span aria-hidden="true" className="pb-2">
          @
        </span>
        <div>
          <label htmlFor="create-domain" className="block text-sm font-medium text-slate-800">
            Domain
          </label>
          <select
            id="create-domain"
            name="domain"
            value={domain}
            onChange={(e) => setDomain(e.target.value)}
            aria-invalid={invalid("domain")}
            aria-describedby={describe("domain")}
            className={textInput}
          >
            {domains.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FieldError id="create-localPart-error" messages={errorsOf("localPart")} />
      <FieldError id="create-domain-error" messages={errorsOf("domain")} />
      <NewPasswordFields
        password={{ id: "create-password", name: "password", label: "Password" }}
        confirm={{ id: "create-confirmPassword", label: "Confirm password" }}
        policy={policy}
        fieldErrors={fieldErrors}
      />
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="create-quota" className="block text-sm font-medium text-slate-800">
            Quota (MB)
          </label>
          <input
            id="create-quota"
            name="quota"
            type="number"
            min={1}
            step={1}
            max={maxQuotaMb ?? undefined}
            defaultValue={kept?.quota ?? String(maxQuotaMb === null ? defaultQuotaMb : Math.min(defaultQuotaMb, maxQuotaMb))}
            disabled={unlimited}
            aria-invalid={invalid("quota")}
            aria-describedby={describe("quota", "create-quota-help")}
            className={`${textInput} w-40`}
          />
        </div>
        {maxQuotaMb === null ? (
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" name="unlimited" checked={unlimited} onChange={(e) => setUnlimited(e.target.checked)} className="h-4 w-4" />
            Unlimited
          </label>
        ) : null}
      </div>
      <p id="create-quota-help" className="-mt-2 text-sm text-slate-700">
        {maxQuotaMb === null ? "New mail is refused once the mailbox is full." : `This account allows at most ${maxQuotaMb.toLocaleString("en-US")} MB per mailbox.`}
      </p>
      <FieldError id="create-quota-error" messages={errorsOf("quota")} />
    </>
  );
}
