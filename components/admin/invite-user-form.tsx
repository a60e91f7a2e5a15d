"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/form/text-field";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { PersonFields } from "./person-fields";
import { PrimaryButton } from "@/components/form/primary-button";

/**
 * Invites a customer by e-mail and gives them hosting accounts; they choose their own password through the link.
 * Words: AdminInvitations.form.
 */
export function InviteUserForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = useTranslations("AdminInvitations");
  const [state, formAction, pending] = useActionState(action, idleState);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} noValidate className="mt-3 space-y-3" key={state.status === "success" ? state.at : "form"}>
      <PersonFields idPrefix="invite" labels={{ email: t("form.email"), name: t("form.name") }} kept={kept} errors={errors} />
      <TextField
        id="invite-accounts"
        name="accounts"
        label={t("form.accounts")}
        rows={3}
        kind="code"
        hint={t("form.accountsHint")}
        defaultValue={kept?.accounts}
        messages={errors?.accounts}
      />
      <ReasonField idPrefix="invite" messages={errors?.reason} defaultValue={kept?.reason} />
      <FormStatus state={state} />
      <PrimaryButton label={t("form.send")} pendingLabel={t("form.sending")} pending={pending} />
    </form>
  );
}
