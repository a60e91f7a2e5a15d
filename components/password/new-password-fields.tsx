"use client";

import { useState } from "react";
import { cpanelPasswordStrength } from "@/lib/password/cpanel-strength";
import { generatePassword } from "@/lib/password/generate";
import { checkPasswordRules, mailboxWords, type PasswordContext } from "@/lib/password/rules";
import { FieldError } from "@/components/form/field-error";
import { RuleChecklist } from "./rule-checklist";
import { StrengthMeter } from "./strength-meter";
import { usePasswordEstimate } from "./use-password-verdict";

type Props = {
  /** Field names and ids: the password and its confirmation (errors are `${id}-error`). */
  password: { id: string; name: string; label: string };
  confirm: { id: string; label: string };
  policy: PasswordContext;
  fieldErrors?: Record<string, string[]>;
};

const input =
  "mt-1 block w-full max-w-md rounded-md border border-slate-400 px-3 py-2 font-mono focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";
const secondaryButton =
  "rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700";

/**
 * A new mailbox password and its confirmation, with the live strength meter (zxcvbn in a worker), the rule
 * checklist, Show password and Generate password. Used wherever a mailbox password is set: the same policy
 * the server enforces, the same words. Remount it (key) to clear it after a submit.
 */
export function NewPasswordFields({ password: field, confirm: confirmField, policy, fieldErrors }: Props) {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [visible, setVisible] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const estimate = usePasswordEstimate(password, policy);
  const checks = checkPasswordRules(password, policy);
  const cpanelOk = cpanelPasswordStrength(password) >= (policy.requiredCpanelStrength ?? 0);
  const guessOk = estimate ? !estimate.violations.some((v) => v.code === "too_guessable") : password ? null : false;
  const mismatch = confirm.length > 0 && confirm !== password;
  const passwordErrors = fieldErrors?.[field.name];
  const confirmErrors = fieldErrors?.confirmPassword;
  const rulesId = `${field.id}-rules`;
  const hintId = `${confirmField.id}-hint`;

  function generate() {
    const next = generatePassword(mailboxWords(policy));
    setPassword(next);
    setConfirm(next);
    setGenerated(next);
    setCopied(false);
  }

  async function copy() {
    if (!generated) return;
    await navigator.clipboard.writeText(generated);
    setCopied(true);
  }

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
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={passwordErrors?.length ? true : undefined}
          aria-describedby={`${rulesId}${passwordErrors?.length ? ` ${field.id}-error` : ""}`}
          className={input}
        />
        <FieldError id={`${field.id}-error`} messages={passwordErrors} />
        <StrengthMeter hasPassword={password.length > 0} estimate={estimate} />
        <div id={rulesId}>
          <RuleChecklist
            checks={checks}
            extra={[
              { label: "Hard to guess", ok: guessOk },
              { label: "Strong enough for cPanel", ok: password ? cpanelOk : false },
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
          onChange={(e) => setConfirm(e.target.value)}
          aria-invalid={confirmErrors?.length || mismatch ? true : undefined}
          aria-describedby={confirmErrors?.length ? `${confirmField.id}-error` : mismatch ? hintId : undefined}
          className={input}
        />
        {mismatch && !confirmErrors?.length ? (
          <p id={hintId} className="mt-1 text-sm text-slate-700">
            The two passwords are not the same yet.
          </p>
        ) : null}
        <FieldError id={`${confirmField.id}-error`} messages={confirmErrors} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" aria-pressed={visible} onClick={() => setVisible((v) => !v)} className={secondaryButton}>
          Show password
        </button>
        <button type="button" onClick={generate} className={secondaryButton}>
          Generate password
        </button>
      </div>
      {generated ? (
        <div className="max-w-md rounded-md border border-slate-300 bg-slate-50 p-3 text-sm">
          <p>
            Generated password: <code className="font-mono text-base break-all">{generated}</code>
          </p>
          <p className="mt-1 text-slate-700">Store it now: the panel shows it only until you leave this page.</p>
          <button type="button" onClick={copy} className={`mt-2 ${secondaryButton}`}>
            Copy password
          </button>
          <span role="status" className="ml-2">
            {copied ? "Copied to the clipboard." : ""}
          </span>
        </div>
      ) : null}
    </div>
  );
}
