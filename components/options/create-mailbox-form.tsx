"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import type { PasswordContext } from "@/lib/password/rules";
import { NewPasswordFields } from "@/components/password/new-password-fields";
import { GeneratedPasswordBanner } from "@/components/password/generated-password-banner";
import { usePasswordHandOff } from "@/components/password/use-password-hand-off";
import { usePasswordDraft } from "@/components/password/use-password-draft";
import { FieldError } from "@/components/form/field-error";
import { PrimaryButton } from "@/components/form/primary-button";
import { ReasonField } from "@/components/form/reason-field";
import { SubmissionKey } from "@/components/form/submission-key";
import { useFieldErrors } from "@/components/form/use-field-errors";
import { useKeptSubmit } from "@/components/form/use-kept-submit";
import { textInput } from "./styles";

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

/**
 * A new mailbox: address on one of the account's domains, password with the same policy and meter as a change, quota.
 * A refused create keeps everything typed (the password only in the browser); after a success the fields are cleared
 * and a generated password stays in the success banner, with Copy, until dismissed: someone must know it.
 */
export function CreateMailboxForm(props: Props) {
  const t = useTranslations("MailboxOptions");
  const { domains, maxQuotaMb, defaultQuotaMb } = props;
  const [localPart, setLocalPart] = useState("");
  const [domain, setDomain] = useState(domains[0] ?? "");
  const [unlimited, setUnlimited] = useState(false);
  const [round, setRound] = useState(0);
  const policy: PasswordContext = {
    email: `${localPart.trim().toLowerCase() || "new"}@${domain}`,
    cpanelUser: props.cpanelUser,
    requiredCpanelStrength: props.requiredCpanelStrength,
  };
  const draft = usePasswordDraft(policy);
  const handOff = usePasswordHandOff(draft, "password");
  const [state, dispatch, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const succeeded = handOff.capture(formData);
    const answer = await props.action(previous, formData);
    if (answer.status === "success") {
      succeeded();
      draft.clear();
      setLocalPart("");
      setUnlimited(false);
      // Remounts the uncontrolled fields (quota, reason) with their first values.
      setRound((n) => n + 1);
    }
    return answer;
  }, idleState);
  const { errors: fieldErrors, onInput } = useFieldErrors(state);
  const onSubmit = useKeptSubmit(dispatch);
  const created = state.status === "success" ? state.message : null;
  const errorsOf = (name: string) => fieldErrors?.[name];
  const invalid = (name: string) => (errorsOf(name)?.length ? true : undefined);
  const describe = (name: string, ...others: string[]) =>
    [...others, errorsOf(name)?.length ? `create-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  const blockerId = "create-submit-blocker";

  return (
    <form action={dispatch} onSubmit={onSubmit} onInput={onInput} className="mt-3 space-y-4">
      <SubmissionKey round={state.status === "idle" ? "idle" : state.at} />
      <input type="hidden" name="accountId" value={props.accountId} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0">
          <label htmlFor="create-localPart" className="block text-sm font-medium text-slate-800">
            {t("create.address")}
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
            className={`${textInput} w-56 max-w-full`}
          />
        </div>
        <span aria-hidden="true" className="pb-2">
          @
        </span>
        <div className="min-w-0">
          <label htmlFor="create-domain" className="block text-sm font-medium text-slate-800">
            {t("create.domain")}
          </label>
          <select
            id="create-domain"
            name="domain"
            value={domain}
            onChange={(e) => setDomain(e.target.value)}
            aria-invalid={invalid("domain")}
            aria-describedby={describe("domain")}
            className={`${textInput} max-w-full`}
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
        password={{ id: "create-password", name: "password", label: t("create.password") }}
        confirm={{ id: "create-confirmPassword", label: t("create.confirmPassword") }}
        draft={draft}
        fieldErrors={fieldErrors}
      />
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="create-quota" className="block text-sm font-medium text-slate-800">
            {t("quota")}
          </label>
          <input
            key={round}
            id="create-quota"
            name="quota"
            type="number"
            min={1}
            step={1}
            max={maxQuotaMb ?? undefined}
            defaultValue={String(maxQuotaMb === null ? defaultQuotaMb : Math.min(defaultQuotaMb, maxQuotaMb))}
            disabled={unlimited}
            aria-invalid={invalid("quota")}
            aria-describedby={describe("quota", "create-quota-help")}
            className={`${textInput} w-40`}
          />
        </div>
        {maxQuotaMb === null ? (
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" name="unlimited" checked={unlimited} onChange={(e) => setUnlimited(e.target.checked)} className="h-4 w-4" />
            {t("unlimited")}
          </label>
        ) : null}
      </div>
      <p id="create-quota-help" className="-mt-2 text-sm text-slate-700">
        {maxQuotaMb === null ? t("create.quotaHelp") : t("maxPerMailbox", { max: maxQuotaMb })}
      </p>
      <FieldError id="create-quota-error" messages={errorsOf("quota")} />
      {props.requireReason ? <ReasonField key={round} idPrefix="create" messages={fieldErrors?.reason} /> : null}
      <GeneratedPasswordBanner
        state={state.status === "success" ? { ...state, message: t("create.created", { address: state.message }) } : state}
        password={handOff.handOff}
        label={t("create.passwordOf", { address: created ?? "" })}
        note={t("create.passwordNote")}
        onDismiss={handOff.dismiss}
      >
        {created ? (
          <p className="mt-2">
            <Link href={`/accounts/${props.accountId}/email/${encodeURIComponent(created)}`} className="text-blue-800 underline underline-offset-2">
              {t("create.open", { address: created })}
            </Link>
          </p>
        ) : null}
      </GeneratedPasswordBanner>
      <div className="flex flex-wrap items-center gap-3">
        <PrimaryButton
          label={t("create.submit")}
          pendingLabel={t("create.submitting")}
          pending={pending}
          disabled={draft.blocker !== null}
          describedBy={draft.blocker ? blockerId : undefined}
        />
        {draft.blocker ? (
          <p id={blockerId} className="text-sm text-slate-700">
            {draft.blocker}
          </p>
        ) : null}
      </div>
    </form>
  );
}
