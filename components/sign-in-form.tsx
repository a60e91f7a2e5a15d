"use client";

import { useState, type FormEvent, type MouseEvent } from "react";
import { useTranslations } from "next-intl";
import { safeCallbackPath } from "@/lib/navigation/safe-callback";
import { signInErrorMessage } from "@/components/sign-in-messages";
import { FieldError } from "@/components/form/field-error";
import { PrimaryButton } from "@/components/form/primary-button";
import { signInElsewhere, signInHere } from "@/components/session-requests";

type FieldErrors = { email?: string[]; password?: string[]; code?: string[] };
type SignInT = ReturnType<typeof useTranslations<"SignIn">>;

/** What the browser can tell before asking the server: a blank or malformed field never counts as an attempt. */
function checkFields(form: FormData, needCode: boolean, t: SignInT): FieldErrors {
  const errors: FieldErrors = {};
  const email = String(form.get("email") ?? "").trim();
  if (!email) errors.email = [t("emailMissing")];
  else if (!/^[^\s@]+@[^\s@]+$/.test(email)) errors.email = [t("emailInvalid")];
  if (!String(form.get("password") ?? "")) errors.password = [t("passwordMissing")];
  if (needCode && !String(form.get("code") ?? "").trim()) errors.code = [t("codeMissing")];
  return errors;
}

/** The sentence for a sign-in error code, in the page's language. */
export function useSignInErrorText(): (code: string | undefined, portal?: string) => string {
  const t = useTranslations("SignIn");
  return (code, portal) => {
    const message = signInErrorMessage(code, portal ?? t("yourPortal"));
    return t(`errors.${message.key}`, message.values);
  };
}

/**
 * Email + password sign-in through next-auth's credentials provider; errors are announced, never hint whether
 * the email exists. With single sign-on on, a button beside it signs in at the hosting company's portal.
 */
export function SignInForm({ callbackUrl, sso, initialError }: { callbackUrl: string; sso?: { label: string } | null; initialError?: string }) {
  const t = useTranslations("SignIn");
  const describeSignInError = useSignInErrorText();
  const [error, setError] = useState<string | null>(initialError ? describeSignInError(initialError, sso?.label) : null);
  const [leaving, setLeaving] = useState(false);
  const [pending, setPending] = useState(false);
  const [needCode, setNeedCode] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const invalid = checkFields(form, needCode, t);
    setFieldErrors(invalid);
    const first = (["email", "password", "code"] as const).find((name) => invalid[name]);
    if (first) {
      setError(null);
      const element = formElement.elements.namedItem(first);
      if (element instanceof HTMLInputElement) element.focus();
      return;
    }
    setPending(true);
    setError(null);
    const code = await signInHere("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
    });
    if (code === null) {
      // A full navigation, so every server component renders with the new session cookie.
      window.location.assign(safeCallbackPath(callbackUrl));
      return;
    }
    setPending(false);
    // The password was right when a code is asked for: keep it, and ask for the code as the next step, not an error.
    if (code === "totp_required") {
      setNeedCode(true);
      return;
    }
    setError(describeSignInError(code));
    if (code === "totp_invalid") {
      setNeedCode(true);
      return;
    }
    const password = formElement.elements.namedItem("password");
    if (password instanceof HTMLInputElement) password.value = "";
  }

  async function signInAtPortal(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (leaving) return;
    setLeaving(true);
    try {
      await signInElsewhere("oidc", safeCallbackPath(callbackUrl));
    } catch {
      // The panel did not answer: say so, and let the person try again (as a failed password sign-in does).
      setLeaving(false);
      setError(describeSignInError("unreachable", sso?.label));
    }
  }

  // POST even before hydration: a password never lands in a URL, whenever someone submits.
  return (
    <>
      <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate aria-describedby={error ? "sign-in-error" : undefined}>
        <div>
          <label htmlFor="email" className="block text-sm font-medium text-slate-800">
            {t("email")}
          </label>
          <input
            id="email"
            name="email"
            aria-invalid={fieldErrors.email ? true : undefined}
            aria-describedby={fieldErrors.email ? "email-error" : undefined}
            onInput={() => fieldErrors.email && setFieldErrors((e) => ({ ...e, email: undefined }))}
            type="email"
            autoComplete="username"
            required
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
          />
          <FieldError id="email-error" messages={fieldErrors.email} />
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium text-slate-800">
            {t("password")}
          </label>
          <input
            id="password"
            name="password"
            aria-invalid={fieldErrors.password ? true : undefined}
            aria-describedby={fieldErrors.password ? "password-error" : undefined}
            onInput={() => fieldErrors.password && setFieldErrors((e) => ({ ...e, password: undefined }))}
            type="password"
            autoComplete="current-password"
            required
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
          />
          <FieldError id="password-error" messages={fieldErrors.password} />
        </div>
        {needCode ? (
          <div className="rounded-md border border-slate-300 bg-white p-3">
            <h2 className="text-base font-semibold">{t("step2")}</h2>
            <p id="code-help" role="status" className="mt-1 text-sm text-slate-700">
              {t("passwordRight")} {describeSignInError("totp_required")}
            </p>
            <label htmlFor="code" className="mt-3 block text-sm font-medium text-slate-800">
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
              aria-invalid={fieldErrors.code || error ? true : undefined}
              aria-describedby={["code-help", fieldErrors.code ? "code-error" : "", error ? "sign-in-error" : ""].filter(Boolean).join(" ")}
              onInput={() => fieldErrors.code && setFieldErrors((e) => ({ ...e, code: undefined }))}
              className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 font-mono tracking-widest focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
            />
            <FieldError id="code-error" messages={fieldErrors.code} />
          </div>
        ) : null}
        <div className="min-h-6">
          {error ? (
            <p id="sign-in-error" role="alert" className="text-sm font-medium text-red-800">
              {error}
            </p>
          ) : null}
        </div>
        <PrimaryButton label={t("submit")} pendingLabel={t("submitting")} pending={pending} className="w-full" />
      </form>
      {sso ? (
        <div className="mt-6 border-t border-slate-300 pt-6">
          {/* A link, since it leaves for the portal. next-auth starts the flow by POST (CSRF token); without
              JavaScript the href only leads back here. */}
          <a
            href={`/api/auth/signin/oidc?callbackUrl=${encodeURIComponent(safeCallbackPath(callbackUrl))}`}
            onClick={signInAtPortal}
            aria-disabled={leaving || undefined}
            className="block w-full rounded-md border border-blue-700 px-4 py-2 text-center font-semibold text-blue-800 hover:bg-blue-50 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
          >
            {leaving ? t("goingTo", { portal: sso.label }) : t("signInWith", { portal: sso.label })}
          </a>
        </div>
      ) : null}
    </>
  );
}
