"use client";

import { useActionState, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { StrengthMeter } from "@/components/password/strength-meter";
import { usePasswordEstimate } from "@/components/password/use-password-verdict";
import { PrimaryButton } from "@/components/form/primary-button";

const input = "mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** The link's token, posted in the form body (never in a URL). */
  token: string;
  /** The login's address: the meter counts it as a word an attacker knows. */
  email: string;
  minLength: number;
  submitLabel: string;
  /** Shown instead of the form once the password is set. */
  done: ReactNode;
};

/**
 * A new panel password and its confirmation, with the strength meter, for a one-time link (an invitation, a reset).
 * The password is never echoed back; after success the form gives way to `done`.
 */
export function SetPasswordForm({ action, token, email, minLength, submitLabel, done }: Props) {
  const t = useTranslations("SetPassword");
  const [state, formAction, pending] = useActionState(action, idleState);
  const [password, setPassword] = useState("");
  const [visible, setVisible] = useState(false);
  const estimate = usePasswordEstimate(password, { email });
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  if (state.status === "success") {
    return (
      <div className="space-y-3">
        <FormStatus state={state} />
        {done}
      </div>
    );
  }
  const long = [...password].length >= minLength;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="email" value={email} autoComplete="username" />
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          {t("newPassword")}
        </label>
        <input
          id="password"
          name="password"
          type={visible ? "text" : "password"}
          autoComplete="new-password"
          spellCheck={false}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={errors?.password?.length ? true : undefined}
          aria-describedby={`password-rule${errors?.password?.length ? " password-error" : ""}`}
          className={input}
        />
        <p id="password-rule" className="mt-1 text-sm text-slate-700">
          {password
            ? long
              ? t("ruleDone", { minLength })
              : t("ruleToGo", { minLength, left: minLength - [...password].length })
            : t("rule", { minLength })}{" "}
          {t("advice")}
        </p>
        <FieldError id="password-error" messages={errors?.password} />
        <StrengthMeter hasPassword={password.length > 0} estimate={estimate} />
      </div>
      <div>
        <label htmlFor="confirmPassword" className="block text-sm font-medium text-slate-800">
          {t("confirm")}
        </label>
        <input
          id="confirmPassword"
          name="confirmPassword"
          type={visible ? "text" : "password"}
          autoComplete="new-password"
          spellCheck={false}
          aria-invalid={errors?.confirmPassword?.length ? true : undefined}
          aria-describedby={errors?.confirmPassword?.length ? "confirmPassword-error" : undefined}
          className={input}
        />
        <FieldError id="confirmPassword-error" messages={errors?.confirmPassword} />
      </div>
      <button
        type="button"
        aria-pressed={visible}
        onClick={() => setVisible((v) => !v)}
        className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
      >
        {t("show")}
      </button>
      <FormStatus state={state} />
      <PrimaryButton label={submitLabel} pendingLabel={t("saving")} pending={pending} className="block w-full" />
    </form>
  );
}
