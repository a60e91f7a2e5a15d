"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { inputClass } from "@/components/form/styles";
import { TextField } from "@/components/form/text-field";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { PersonFields } from "./person-fields";
import { PrimaryButton } from "@/components/form/primary-button";

const ROLES = ["customer", "support", "admin"] as const;

function described(name: string, errors?: string[], hint?: string) {
  const ids = [hint, errors?.length ? `${name}-error` : undefined].filter(Boolean).join(" ");
  return { "aria-invalid": errors?.length ? true : undefined, "aria-describedby": ids || undefined } as const;
}

/** Adds a panel user with an initial password (never echoed back after submit). Words: AdminUsers.form. */
export function CreateUserForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = useTranslations("AdminUsers");
  const [state, formAction, pending] = useActionState(action, idleState);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} noValidate className="mt-3 space-y-3" key={state.status === "success" ? state.at : "form"}>
      <PersonFields idPrefix="new" labels={{ email: t("form.email"), name: t("form.name") }} kept={kept} errors={errors} />
      <div>
        <label htmlFor="new-role" className="block text-sm font-medium">
          {t("form.role")}
        </label>
        <select id="new-role" name="role" defaultValue={kept?.role ?? "customer"} className={inputClass} {...described("role", errors?.role)}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roleOptions.${role}`)}
            </option>
          ))}
        </select>
        <FieldError id="role-error" messages={errors?.role} />
      </div>
      <TextField
        id="new-password"
        name="password"
        label={t("form.initialPassword")}
        type="password"
        kind="code"
        required
        autoComplete="new-password"
        hint={t("form.passwordHint")}
        messages={errors?.password}
      />
      <ReasonField idPrefix="create-user" messages={errors?.reason} defaultValue={kept?.reason} />
      <FormStatus state={state} />
      <PrimaryButton label={t("form.add")} pendingLabel={t("form.adding")} pending={pending} />
    </form>
  );
}
