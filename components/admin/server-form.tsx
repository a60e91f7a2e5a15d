"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/form/text-field";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { PrimaryButton } from "@/components/form/primary-button";

/** The shape of a WHM address, the same in every language. */
const EXAMPLE_URL = "https://host.example.com:2087";

/** Adds a server: the token is sent once and never echoed back (React clears it after submit). Words: AdminServers.form. */
export function ServerForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = useTranslations("AdminServers");
  const [state, formAction, pending] = useActionState(action, idleState);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} noValidate className="mt-3 space-y-3" key={state.status === "success" ? state.at : "form"}>
      <TextField id="server-name" name="name" label={t("form.name")} required defaultValue={kept?.name} messages={errors?.name} />
      <TextField
        id="server-url"
        name="baseUrl"
        label={t("form.url")}
        type="url"
        kind="address"
        required
        placeholder={EXAMPLE_URL}
        hint={t("form.urlHint")}
        defaultValue={kept?.baseUrl}
        messages={errors?.baseUrl}
      />
      <fieldset>
        <legend className="text-sm font-medium">{t("form.tokenKind")}</legend>
        <div className="mt-1 flex gap-4 text-sm">
          <label className="flex items-center gap-1">
            <input type="radio" name="authMode" value="whm" defaultChecked={(kept?.authMode ?? "whm") === "whm"} /> {t("form.whmToken")}
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="authMode" value="cpanel" defaultChecked={kept?.authMode === "cpanel"} /> {t("form.cpanelToken")}
          </label>
        </div>
        <FieldError id="authMode-error" messages={errors?.authMode} />
      </fieldset>
      <TextField
        id="server-username"
        name="username"
        label={t("form.username")}
        kind="code"
        required
        hint={t("form.usernameHint")}
        defaultValue={kept?.username ?? "root"}
        messages={errors?.username}
      />
      <TextField
        id="server-token"
        name="token"
        label={t("form.token")}
        type="password"
        kind="code"
        required
        hint={t("form.tokenHint")}
        messages={errors?.token}
      />
      <TextField
        id="server-ca"
        name="caPem"
        label={t("form.ca")}
        rows={3}
        kind="code"
        hint={t("form.caHint")}
        defaultValue={kept?.caPem}
        messages={errors?.caPem}
      />
      <ReasonField idPrefix="add-server" messages={errors?.reason} defaultValue={kept?.reason} />
      <FormStatus state={state} />
      <PrimaryButton label={t("form.add")} pendingLabel={t("form.adding")} pending={pending} />
    </form>
  );
}
