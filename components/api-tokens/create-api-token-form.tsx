"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import type { CreatedTokenState } from "./created-token-state";
import { PrimaryButton } from "@/components/form/primary-button";

type Props = {
  action: (state: CreatedTokenState, formData: FormData) => Promise<CreatedTokenState>;
  scopes: { value: string; label: string; description: string }[];
};

const input = "mt-1 block w-full max-w-md rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";

/** Creates an API token after the person re-enters their panel password; the secret is shown once. Words: ApiTokens.form. */
export function CreateApiTokenForm({ action, scopes }: Props) {
  const t = useTranslations("ApiTokens");
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const [copied, setCopied] = useState<string | null>(null);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;
  const described = (field: string) => (errors?.[field]?.length ? { "aria-invalid": true, "aria-describedby": `${field}-error` } : {});

  return (
    <form action={formAction} className="mt-3 space-y-4">
      <div>
        <label htmlFor="token-name" className="block text-sm font-medium">
          {t("form.name")}
        </label>
        <input id="token-name" name="name" defaultValue={values?.name} maxLength={80} className={input} {...described("name")} />
        <FieldError id="name-error" messages={errors?.name} />
      </div>
      <fieldset {...described("scopes")}>
        <legend className="text-sm font-medium">{t("form.scopes")}</legend>
        {scopes.map((scope) => (
          <div key={scope.value} className="mt-1 flex items-start gap-2">
            <input id={`scope-${scope.value}`} type="checkbox" name="scopes" value={scope.value} className="mt-1 h-4 w-4" />
            <label htmlFor={`scope-${scope.value}`} className="text-sm">
              <span className="font-medium">{scope.label}</span> <span className="text-slate-700">— {scope.description}</span>
            </label>
          </div>
        ))}
        <FieldError id="scopes-error" messages={errors?.scopes} />
      </fieldset>
      <div>
        <label htmlFor="token-expiry" className="block text-sm font-medium">
          {t("form.expires")}
        </label>
        <select id="token-expiry" name="expiresInDays" defaultValue={values?.expiresInDays ?? "90"} className={input}>
          <option value="30">{t("form.in30")}</option>
          <option value="90">{t("form.in90")}</option>
          <option value="365">{t("form.inYear")}</option>
          <option value="never">{t("form.never")}</option>
        </select>
      </div>
      <div>
        <label htmlFor="current-password" className="block text-sm font-medium">
          {t("form.password")}
        </label>
        <input
          id="current-password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          className={input}
          {...described("currentPassword")}
        />
        <FieldError id="currentPassword-error" messages={errors?.currentPassword} />
      </div>
      <FormStatus state={state} />
      {state.status === "success" && state.secret ? (
        <div className="max-w-xl rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm">
          <p>{t.rich("form.newToken", { secret: state.secret, code: (chunks) => <code className="font-mono break-all">{chunks}</code> })}</p>
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard.writeText(state.secret ?? "");
              setCopied(state.secret ?? null);
            }}
            className="mt-2 rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-white focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
          >
            {t("form.copy")}
          </button>
          <span role="status" className="ml-2">
            {copied === state.secret ? t("form.copied") : ""}
          </span>
        </div>
      ) : null}
      <PrimaryButton label={t("form.create")} pendingLabel={t("form.creating")} pending={pending} />
    </form>
  );
}
