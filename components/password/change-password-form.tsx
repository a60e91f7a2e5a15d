"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { cpanelPasswordStrength } from "@/lib/password/cpanel-strength";
import { generatePassword } from "@/lib/password/generate";
import { checkPasswordRules, mailboxWords, type PasswordContext } from "@/lib/password/rules";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { RuleChecklist } from "./rule-checklist";
import { StrengthMeter } from "./strength-meter";
import { usePasswordEstimate } from "./use-password-verdict";

type Props = {
  accountId: string;
  address: string;
  policy: PasswordContext;
  requireReason: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

const input =
  "mt-1 block w-full max-w-md rounded-md border border-slate-400 px-3 py-2 font-mono focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";
const secondaryButton =
  "rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700";

/** Sets a mailbox's password: live strength meter and checklist, generator, and the server's verdict beside each field. */
export function ChangePasswordForm({ accountId, address, policy, requireReason, action }: Props) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="mt-3 space-y-4" aria-describedby="password-form-help">
      <p id="password-form-help" className="text-sm text-slate-700">
        The new password works at once for webmail and mail apps; devices with the old password will ask for the new one.
      </p>
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="address" value={address} />
      {/* Remounted after every answer: the passwords are cleared whatever happened, never echoed back. */}
      <PasswordFields key={state.status === "idle" ? "idle" : state.at} policy={policy} fieldErrors={fieldErrors} />
      {requireReason ? (
        <ReasonField idPrefix="password" messages={fieldErrors?.reason} defaultValue={state.status === "error" ? state.values?.reason : undefined} />
      ) : null}
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60"
      >
        {pending ? "Changing password…" : "Change password"}
      </button>
    </form>
  );
}

function PasswordFields({ policy, fieldErrors }: { policy: PasswordContext; fieldErrors?: Record<string, string[]> }) {
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

  const newErrors = fieldErrors?.newPassword;
  const confirmErrors = fieldErrors?.confirmPassword;
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="newPassword" className="block text-sm font-medium text-slate-800">
          New password
        </label>
        <input
          id="newPassword"
          name="newPassword"
          type={visible ? "text" : "password"}
          autoComplete="new-password"
          spellCheck={false}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={newErrors?.length ? true : undefined}
          aria-describedby={`password-rules${newErrors?.length ? " newPassword-error" : ""}`}
          className={input}
        />
        <FieldError id="newPassword-error" messages={newErrors} />
        <StrengthMeter hasPassword={password.length > 0} estimate={estimate} />
        <div id="password-rules">
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
        <label htmlFor="confirmPassword" className="block text-sm font-medium text-slate-800">
          Confirm new password
        </label>
        <input
          id="confirmPassword"
          name="confirmPassword"
          type={visible ? "text" : "password"}
          autoComplete="new-password"
          spellCheck={false}
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          aria-invalid={confirmErrors?.length || mismatch ? true : undefined}
          aria-describedby={confirmErrors?.length ? "confirmPassword-error" : mismatch ? "confirm-hint" : undefined}
          className={input}
        />
        {mismatch && !confirmErrors?.length ? (
          <p id="confirm-hint" className="mt-1 text-sm text-slate-700">
            The two passwords are not the same yet.
          </p>
        ) : null}
        <FieldError id="confirmPassword-error" messages={confirmErrors} />
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
