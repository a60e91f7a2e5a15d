"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/form/field-error";
import { GeneratedPassword } from "./generated-password";
import { RuleChecklist } from "./rule-checklist";
import { StrengthMeter } from "./strength-meter";
import type { PasswordDraft } from "./use-password-draft";

type Props = {
  /** Field names and ids: the password and its confirmation (errors are `${id}-error`). */
  password: { id: string; name: string; label: string };
  confirm: { id: string; label: string };
  /** The typed password, held by the form (usePasswordDraft) so it survives a refused submit. */
  draft: PasswordDraft;
  fieldErrors?: Record<string, string[]>;
};

const input =
  "mt-1 block w-full max-w-md rounded-md border border-slate-400 px-3 py-2 font-mono focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";
const secondaryButton =
  "rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700";

/**
 * A new mailbox password and its confirmation, with the live strength meter (zxcvbn in a worker), the rule
 * checklist, Show password and Generate password. Used wherever a mailbox password is set: the same policy
 * the server enforces, the same words. The form owns the draft, clears it after a success and keeps it after a refusal.
 */
export function NewPasswordFields({ password: field, confirm: confirmField, draft, fieldErrors }: Props) {
  const t = useTranslations("Password");
  const [visible, setVisible] = useState(false);
  const { password, confirm, estimate, checks, cpanelOk, guessOk, generated } = draft;
  const mismatch = confirm.length > 0 && confirm !== password;
  const passwordErrors = fieldErrors?.[field.name];
  const confirmErrors = fieldErrors?.confirmPassword;
  const rulesId = `${field.id}-rules`;
  const hintId = `${confirmField.id}-hint`;

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={field.id} className="block text-sm font-medium text-slate-800">
          {field.label}
        </label>
        <input
          id={field.id}
          name={field.name}
          type={visible ? "text" : "password"}
          autoComplete="new-password"
          spellCheck={false}
          value={password}
          onChange={(e) => draft.setPassword(e.target.value)}
          aria-invalid={passwordErrors?.length ? true : undefined}
          aria-describedby={`${rulesId}${passwordErrors?.length ? ` ${field.id}-error` : ""}`}
          className={input}
        />
        <FieldError id={`${field.id}-error`} messages={passwordErrors} />
        <StrengthMeter hasPassword={password.length > 0} estimate={estimate} />
        <div id={rulesId}>
          <RuleChecklist
            // Nothing is met before anything is typed (an estimate of the last password may still be around).
            items={[
              ...checks.map((c) => ({ ...c, ok: password ? c.ok : false })),
              { code: "too_guessable", ok: password ? guessOk : false },
              { code: "below_cpanel_strength", ok: password ? cpanelOk : false },
            ]}
          />
        </div>
      </div>
      <div>
        <label htmlFor={confirmField.id} className="block text-sm font-medium text-slate-800">
          {confirmField.label}
        </label>
        <input
          id={confirmField.id}
          name="confirmPassword"
          type={visible ? "text" : "password"}
          autoComplete="new-password"
          spellCheck={false}
          value={confirm}
          onChange={(e) => draft.setConfirm(e.target.value)}
          aria-invalid={confirmErrors?.length || mismatch ? true : undefined}
          aria-describedby={confirmErrors?.length ? `${confirmField.id}-error` : mismatch ? hintId : undefined}
          className={input}
        />
        {mismatch && !confirmErrors?.length ? (
          <p id={hintId} className="mt-1 text-sm text-slate-700">
            {t("notSameYet")}
          </p>
        ) : null}
        <FieldError id={`${confirmField.id}-error`} messages={confirmErrors} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" aria-pressed={visible} onClick={() => setVisible((v) => !v)} className={secondaryButton}>
          {t("show")}
        </button>
        <button type="button" onClick={draft.generate} className={secondaryButton}>
          {t("generate")}
        </button>
      </div>
      {generated && draft.isGenerated ? (
        <div className="max-w-md rounded-md border border-slate-300 bg-slate-50 p-3">
          <GeneratedPassword password={generated} label={t("generatedLabel")} note={t("generatedNote")} />
        </div>
      ) : null}
    </div>
  );
}
