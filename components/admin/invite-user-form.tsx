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
  const ids = [hint, errors?.length ? `invite-${name}-error` : undefined].filter(Boolean).join(" ");
  return { "aria-invalid": errors?.length ? true : undefined, "aria-describedby": ids || undefined } as const;
}

/** Invites a customer by e-mail and gives them hosting accounts; they choose their own password through the link. */
export function InviteUserForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} noValidate className="mt-3 space-y-3" key={state.status === "success" ? state.at : "form"}>
      <div>
        <label htmlFor="invite-email" className="block text-sm font-medium">
          Customer&apos;s email
        </label>
        <input
          id="invite-email"
          name="email"
          type="email"
          required
          autoComplete="off"
          defaultValue={kept?.email}
          className={input}
          {...described("email", errors?.email)}
        />
        <FieldError id="invite-email-error" messages={errors?.email} />
      </div>
      <div>
        <label htmlFor="invite-name" className="block text-sm font-medium">
          Name (optional)
        </label>
        <input
          id="invite-name"
          name="name"
          type="text"
          autoComplete="off"
          defaultValue={kept?.name}
          className={input}
          {...described("name", errors?.name)}
        />
        <FieldError id="invite-name-error" messages={errors?.name} />
      </div>
      <div>
        <label htmlFor="invite-accounts" className="block text-sm font-medium">
          Hosting accounts they will own
        </label>
        <textarea
          id="invite-accounts"
          name="accounts"
          rows={3}
          defaultValue={kept?.accounts}
          className={input}
          {...described("accounts", errors?.accounts, "invite-accounts-hint")}
        />
        <p id="invite-accounts-hint" className={hintClass}>
          Primary domains, cPanel user names or account ids, separated by spaces, commas or lines. Only accounts without an owner.
        </p>
        <FieldError id="invite-accounts-error" messages={errors?.accounts} />
      </div>
      <ReasonField idPrefix="invite" messages={errors?.reason} defaultValue={kept?.reason} />
      <FormStatus state={state} />
      <PrimaryButton label="Send invitation" pendingLabel="Inviting…" pending={pending} />
    </form>
  );
}
