"use client";

import { useActionState } from "react";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import type { EnrolmentState } from "./enrolment-state";

type Props = {
  begin: (state: EnrolmentState, formData: FormData) => Promise<EnrolmentState>;
  confirm: (state: EnrolmentState, formData: FormData) => Promise<EnrolmentState>;
};

const input = "mt-1 block w-full max-w-xs rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";
const button =
  "rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60";

/** Setup in three steps: show a QR code (and the secret as text), confirm with a code and the panel password, show recovery codes once. */
export function TwoFactorSetup({ begin, confirm }: Props) {
  // A form, not a click handler: it works before the page has hydrated too.
  const [started, beginAction, starting] = useActionState(begin, { status: "idle" } as EnrolmentState);
  const [state, confirmAction, pending] = useActionState(confirm, { status: "idle" } as EnrolmentState);
  const setup = state.setup ?? started.setup;
  const errors = state.status === "error" ? state.fieldErrors : undefined;

  if (state.status === "success" && state.recoveryCodes) {
    return (
      <div className="space-y-3">
        <FormStatus state={state} />
        <h2 className="text-lg font-semibold">Your recovery codes</h2>
        <p className="text-sm">Each code signs you in once if you lose your phone. Store them somewhere safe now: they are not shown again.</p>
        <ul aria-label="Recovery codes" className="grid max-w-sm grid-cols-2 gap-1 font-mono">
          {state.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <a href="/login" className="inline-block text-blue-800 underline underline-offset-2">
          Sign in again
        </a>
      </div>
    );
  }

  if (!setup) {
    return (
      <div className="space-y-2">
        {started.status === "error" ? <FormStatus state={started} /> : null}
        <form action={beginAction}>
          <button type="submit" className={button} disabled={starting}>
            {starting ? "Preparing…" : "Set up two-factor sign-in"}
          </button>
        </form>
      </div>
    );
  }

  return (
    <form action={confirmAction} className="space-y-4">
      <ol className="list-decimal space-y-2 pl-5 text-sm">
        <li>Open an authenticator app (for example Aegis, Google Authenticator or 1Password) and add an account.</li>
        <li>
          Scan this code, or type the key below.
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing to optimise */}
          <img
            src={setup.qrDataUrl}
            alt="QR code to add Mailroom to your authenticator app"
            width={180}
            height={180}
            className="mt-2 border border-slate-300"
          />
          <p className="mt-2">
            Key: <code className="font-mono break-all">{setup.secret}</code>
          </p>
        </li>
        <li>Enter the 6-digit code the app shows, and your panel password.</li>
      </ol>
      <div>
        <label htmlFor="code" className="block text-sm font-medium">
          Authentication code
        </label>
        <input
          id="code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          className={input}
          aria-invalid={errors?.code ? true : undefined}
          aria-describedby={errors?.code ? "code-error" : undefined}
        />
        <FieldError id="code-error" messages={errors?.code} />
      </div>
      <div>
        <label htmlFor="currentPassword" className="block text-sm font-medium">
          Your panel password
        </label>
        <input
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          className={input}
          aria-invalid={errors?.currentPassword ? true : undefined}
          aria-describedby={errors?.currentPassword ? "currentPassword-error" : undefined}
        />
        <FieldError id="currentPassword-error" messages={errors?.currentPassword} />
      </div>
      <FormStatus state={state} />
      <button type="submit" className={button} disabled={pending}>
        {pending ? "Checking…" : "Turn on two-factor sign-in"}
      </button>
    </form>
  );
}
