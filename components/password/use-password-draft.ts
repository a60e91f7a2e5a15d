"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("Password");
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
    if (rulesFail) blocker = t("blockerRules");
    else if (!confirm) blocker = t("blockerConfirm");
    else if (confirm !== password) blocker = t("notSameYet");
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
