"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import type { EnrolmentState } from "./enrolment-state";

/** Turns two-factor sign-in off after the panel password (customers only; the page hides it from staff). Words: TwoFactor. */
export function TurnOffTwoFactorForm({ action }: { action: (state: EnrolmentState, formData: FormData) => Promise<EnrolmentState> }) {
  const t = useTranslations("TwoFactor");
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as EnrolmentState);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="mt-3 space-y-3">
      <div>
        <label htmlFor="off-password" className="block text-sm font-medium">
          {t("password")}
        </label>
        <input
          id="off-password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors?.currentPassword ? true : undefined}
          aria-describedby={errors?.currentPassword ? "off-password-error" : undefined}
          className="mt-1 block w-full max-w-xs rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
        />
        <FieldError id="off-password-error" messages={errors?.currentPassword} />
      </div>
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
      >
        {t("turnOff")}
      </button>
    </form>
  );
}
