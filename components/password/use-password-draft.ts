"use client";

import { useState } from "react";
import { cpanelPasswordStrength } from "@/lib/password/cpanel-strength";
import { generatePassword } from "@/lib/password/generate";
import { checkPasswordRules, mailboxWords, type PasswordContext } from "@/lib/password/rules";
import { usePasswordEstimate } from "./use-password-verdict";

/**
 * A new mailbox password being typed, held in the browser only (never echoed by the server), with the policy's
 * verdict as far as the browser knows it. `blocker` says why the server would refuse it, or is null when it may pass
 * (or the answer is not known yet): the form disables its submit and says this sentence.
 */
export function usePasswordDraft(policy: PasswordContext) {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [generated, setGenerated] = useState<string | null>(null);
  const estimate = usePasswordEstimate(password, policy);
  const checks = checkPasswordRules(password, policy);
  const cpanelOk = cpanelPasswordStrength(password) >= (policy.requiredCpanelStrength ?? 0);
  const guessOk = estimate ? !estimate.violations.some((v) => v.code === "too_guessable") : password ? null : false;
  const rulesFail = checks.some((c) => !c.ok) || !cpanelOk || guessOk === false || (estimate?.violations.length ?? 0) > 0;

  let blocker: string | null = null;
  if (password) {
    if (rulesFail) blocker = "The password does not meet every rule yet.";
    else if (!confirm) blocker = "Type the password again to confirm it.";
    else if (confirm !== password) blocker = "The two passwords are not the same yet.";
  }

  return {
    password,
    confirm,
    generated,
    estimate,
    checks,
    cpanelOk,
    guessOk,
    blocker,
    /** Whether the password now in the field is the one the panel generated (it must then be handed over). */
    isGenerated: generated !== null && generated === password,
    setPassword,
    setConfirm,
    generate() {
      const next = generatePassword(mailboxWords(policy));
      setPassword(next);
      setConfirm(next);
      setGenerated(next);
    },
    clear() {
      setPassword("");
      setConfirm("");
      setGenerated(null);
    },
  };
}

export type PasswordDraft = ReturnType<typeof usePasswordDraft>;
