"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { safeCallbackPath } from "@/lib/navigation/safe-callback";
import { useSignInErrorText } from "@/components/sign-in-form";
import { PrimaryButton } from "@/components/form/primary-button";
import { signInHere } from "@/components/session-requests";

/** The code step after the portal's sign-in, for a login with two-factor sign-in: no session exists until it passes. */
export function SsoCodeForm({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  const t = useTranslations("SignIn");
  const describeSignInError = useSignInErrorText();
  const [error, setError] = useState<{ code: string; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const code = await signInHere("oidc-code", { code: String(form.get("code") ?? "") });
    if (code === null) {
      window.location.assign(safeCallbackPath(callbackUrl));
      return;
    }
    setPending(false);
    setError({ code, text: describeSignInError(code, label) });
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="code" className="block text-sm font-medium text-slate-800">
          {t("code")}
        </label>
        <input
          id="code"
          name="code"
          type="text"
          inputMode="text"
          autoComplete="one-time-code"
          autoFocus
          required
          aria-describedby={error ? "sign-in-error" : "code-hint"}
          aria-invalid={error ? true : undefined}
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 font-mono tracking-widest focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
        />
        <p id="code-hint" className="mt-1 text-sm text-slate-700">
          {t("codeHint")}
        </p>
      </div>
      <div className="min-h-6">
        {error ? (
          <p id="sign-in-error" role="alert" className="text-sm font-medium text-red-800">
            {error.text}{" "}
            {error.code === "sso_expired" ? (
              <Link href="/login" className="underline">
                {t("backToSignIn")}
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>
      <PrimaryButton label={t("submit")} pendingLabel={t("submitting")} pending={pending} className="w-full" />
    </form>
  );
}
