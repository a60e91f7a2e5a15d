"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("TwoFactor");
  // A form, not a click handler: it works before the page has hydrated too.
  const [started, beginAction, starting] = useActionState(begin, { status: "idle" } as EnrolmentState);
  const [state, confirmAction, pending] = useActionState(confirm, { status: "idle" } as EnrolmentState);
  const setup = state.setup ?? started.setup;
  const errors = state.status === "error" ? state.fieldErrors : undefined;

  if (state.status === "success" && state.recoveryCodes) {
    return (
      <div className="space-y-3">
        <FormStatus state={state} />
        <h2 className="text-lg font-semibold">{t("recoveryHeading")}</h2>
        <p className="text-sm">{t("recoveryIntro")}</p>
        <ul aria-label={t("recoveryCodes")} className="grid max-w-sm grid-cols-2 gap-1 font-mono">
          {state.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <a href="/login" className="inline-block text-blue-800 underline underline-offset-2">
          {t("signInAgain")}
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
            {starting ? t("preparing") : t("start")}
          </button>
        </form>
      </div>
    );
  }

  return (
    <form action={confirmAction} className="space-y-4">
      <ol className="list-decimal space-y-2 pl-5 text-sm">
        <li>{t("stepApp")}</li>
        <li>
          {t("stepScan")}
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing to optimise */}
          <img src={setup.qrDataUrl} alt={t("qrAlt")} width={180} height={180} className="mt-2 border border-slate-300" />
          <p className="mt-2">{t.rich("key", { secret: setup.secret, code: (chunks) => <code className="font-mono break-all">{chunks}</code> })}</p>
        </li>
        <li>{t("stepCode")}</li>
      </ol>
      <div>
        <label htmlFor="code" className="block text-sm font-medium">
          {t("code")}
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
          {t("password")}
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
        {pending ? t("checking") : t("turnOn")}
      </button>
    </form>
  );
}
