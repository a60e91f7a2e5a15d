"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import type { PasswordContext } from "@/lib/password/rules";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { NewPasswordFields } from "./new-password-fields";
import { SubmissionKey } from "@/components/form/submission-key";

type Props = {
  accountId: string;
  address: string;
  policy: PasswordContext;
  requireReason: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};


/** Sets a mailbox's password: live strength meter and checklist, generator, and the server's verdict beside each field. */
export function ChangePasswordForm({ accountId, address, policy, requireReason, action }: Props) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="mt-3 space-y-4" aria-describedby="password-form-help">
      <SubmissionKey round={state.status === "idle" ? "idle" : state.at} />
      <p id="password-form-help" className="text-sm text-slate-700">
        The new password works at once for webmail and mail apps; devices with the old password will ask for the new one.
      </p>
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="address" value={address} />
      {/* Remounted after every answer: the passwords are cleared whatever happened, never echoed back. */}
      <NewPasswordFields
        key={state.status === "idle" ? "idle" : state.at}
        password={{ id: "newPassword", name: "newPassword", label: "New password" }}
        confirm={{ id: "confirmPassword", label: "Confirm new password" }}
        policy={policy}
        fieldErrors={fieldErrors}
      />
      {requireReason ? (
        <ReasonField idPrefix="password" messages={fieldErrors?.reason} defaultValue={state.status === "error" ? state.values?.reason : undefined} />
      ) : null}
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60"
      >
        {pending ? "Changing password…" : "Change password"}
      </button>
    </form>
  );
}
