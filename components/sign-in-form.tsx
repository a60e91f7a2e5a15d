"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { safeCallbackPath } from "@/lib/navigation/safe-callback";

function describeSignInError(code: string | undefined): string {
  if (code?.startsWith("rate_limited")) {
    const seconds = Number(code.split(":")[1]) || 0;
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    return `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
  }
  if (code === "locked") return "This panel login is locked. Contact your hosting provider's support.";
  if (code === "totp_required") return "Enter the 6-digit code from your authenticator app, or one of your recovery codes.";
  if (code === "totp_invalid") return "That code is not right. Use the current code from your authenticator app, or a recovery code.";
  return "The email or password is not correct.";
}

/** Email + password sign-in through next-auth's credentials provider; errors are announced, never hint whether the email exists. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [needCode, setNeedCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation, so every server component renders with the new session cookie.
      window.location.assign(safeCallbackPath(callbackUrl));
      return;
    }
    setPending(false);
    const code = result?.error ?? undefined;
    setError(describeSignInError(code));
    // The password was right when a code is asked for: keep it, and ask for the code.
    if (code === "totp_required" || code === "totp_invalid") {
      setNeedCode(true);
      return;
    }
    const password = formElement.elements.namedItem("password");
    if (password instanceof HTMLInputElement) password.value = "";
  }

  // POST even before hydration: a password never lands in a URL, whenever someone submits.
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate aria-describedby={error ? "sign-in-error" : undefined}>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
        />
      </div>
      {needCode ? (
        <div>
          <label htmlFor="code" className="block text-sm font-medium text-slate-800">
            Authentication code
          </label>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            autoFocus
            required
            aria-describedby={error ? "sign-in-error" : undefined}
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 font-mono tracking-widest focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
          />
        </div>
      ) : null}
      <div className="min-h-6">
        {error ? (
          <p id="sign-in-error" role="alert" className="text-sm font-medium text-red-800">
            {error}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
