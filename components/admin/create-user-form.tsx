"use client";

import { useActionState } from "react";
import { hintClass } from "@/components/form/styles";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { PrimaryButton } from "@/components/form/primary-button";

const input =
  "mt-1 block w-full max-w-md rounded-md border border-slate-400 px-3 py-1.5 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";

function described(name: string, errors?: string[], hint?: string) {
  const ids = [hint, errors?.length ? `${name}-error` : undefined].filter(Boolean).join(" ");
  return { "aria-invalid": errors?.length ? true : undefined, "aria-describedby": ids || undefined } as const;
}

/** Adds a panel user with an initial password (never echoed back after submit). */
export function CreateUserForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} noValidate className="mt-3 space-y-3" key={state.status === "success" ? state.at : "form"}>
      <div>
        <label htmlFor="new-email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="new-email"
          name="email"
          type="email"
          required
          autoComplete="off"
          defaultValue={kept?.email}
          className={input}
          {...described("email", errors?.email)}
        />
        <FieldError id="email-error" messages={errors?.email} />
      </div>
      <div>
        <label htmlFor="new-name" className="block text-sm font-medium">
          Name (optional)
        </label>
        <input
          id="new-name"
          name="name"
          type="text"
          autoComplete="off"
          defaultValue={kept?.name}
          className={input}
          {...described("name", errors?.name)}
        />
        <FieldError id="name-error" messages={errors?.name} />
      </div>
      <div>
        <label htmlFor="new-role" className="block text-sm font-medium">
          Role
        </label>
        <select id="new-role" name="role" defaultValue={kept?.role ?? "customer"} className={input} {...described("role", errors?.role)}>
          <option value="customer">Customer</option>
          <option value="support">Support</option>
          <option value="admin">Admin</option>
        </select>
        <FieldError id="role-error" messages={errors?.role} />
      </div>
      <div>
        <label htmlFor="new-password" className="block text-sm font-medium">
          Initial password
        </label>
        <input
          id="new-password"
          name="password"
          type="password"
          required
          minLength={12}
          autoComplete="new-password"
          className={input}
          {...described("password", errors?.password, "new-password-hint")}
        />
        <p id="new-password-hint" className={hintClass}>
          At least 12 characters. Hand it over through a separate channel.
        </p>
        <FieldError id="password-error" messages={errors?.password} />
      </div>
      <ReasonField idPrefix="create-user" messages={errors?.reason} defaultValue={kept?.reason} />
      <FormStatus state={state} />
      <PrimaryButton label="Add user" pendingLabel="Adding…" pending={pending} />
    </form>
  );
}
