"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import type { PasswordContext } from "@/lib/password/rules";
import { PrimaryButton } from "@/components/form/primary-button";
import { ReasonField } from "@/components/form/reason-field";
import { SubmissionKey } from "@/components/form/submission-key";
import { useFieldErrors } from "@/components/form/use-field-errors";
import { useKeptSubmit } from "@/components/form/use-kept-submit";
import { GeneratedPasswordBanner } from "./generated-password-banner";
import { usePasswordHandOff } from "./use-password-hand-off";
import { NewPasswordFields } from "./new-password-fields";
import { usePasswordDraft } from "./use-password-draft";

type Props = {
  accountId: string;
  address: string;
  policy: PasswordContext;
  requireReason: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/**
 * Sets a mailbox's password: live strength meter and checklist, generator, and the server's verdict beside each field.
 * The typed password stays in the browser: kept after a refusal, cleared after a success; a generated one is handed
 * over in the success banner (with Copy) until dismissed. The server never sends a password back.
 */
export function ChangePasswordForm({ accountId, address, policy, requireReason, action }: Props) {
  const t = useTranslations("Password");
  const draft = usePasswordDraft(policy);
  const handOff = usePasswordHandOff(draft, "newPassword");
  const [state, dispatch, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const succeeded = handOff.capture(formData);
    const answer = await action(previous, formData);
    if (answer.status === "success") {
      succeeded();
      draft.clear();
    }
    return answer;
  }, idleState);
  const { errors: fieldErrors, onInput } = useFieldErrors(state);
  const onSubmit = useKeptSubmit(dispatch);
  const blockerId = "password-submit-blocker";

  return (
    <form action={dispatch} onSubmit={onSubmit} onInput={onInput} className="mt-3 space-y-4" aria-describedby="password-form-help">
      <SubmissionKey round={state.status === "idle" ? "idle" : state.at} />
      <p id="password-form-help" className="text-sm text-slate-700">
        {t("changeHelp")}
      </p>
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="address" value={address} />
      <NewPasswordFields
        password={{ id: "newPassword", name: "newPassword", label: t("newPassword") }}
        confirm={{ id: "confirmPassword", label: t("confirmNewPassword") }}
        draft={draft}
        fieldErrors={fieldErrors}
      />
      {requireReason ? (
        <ReasonField
          key={state.status === "success" ? state.at : "kept"}
          idPrefix="password"
          messages={fieldErrors?.reason}
          defaultValue={state.status === "error" ? state.values?.reason : undefined}
        />
      ) : null}
      <GeneratedPasswordBanner
        state={state}
        password={handOff.handOff}
        label={t("handOffLabel")}
        note={t("handOffNote")}
        onDismiss={handOff.dismiss}
      />
      <div className="flex flex-wrap items-center gap-3">
        <PrimaryButton
          label={t("submit")}
          pendingLabel={t("submitting")}
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
