"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { PrimaryButton } from "@/components/form/primary-button";

/** Asks for a password-reset link; the answer is the same whether or not the address has a login. */
export function ForgotPasswordForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = useTranslations("ForgotPassword");
  const [state, formAction, pending] = useActionState(action, idleState);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          {t("email")}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={kept?.email}
          aria-invalid={errors?.email?.length ? true : undefined}
          aria-describedby={errors?.email?.length ? "email-error" : undefined}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
        />
        <FieldError id="email-error" messages={errors?.email} />
      </div>
      <FormStatus state={state} />
      <PrimaryButton label={t("submit")} pendingLabel={t("submitting")} pending={pending} className="block w-full" />
    </form>
  );
}
