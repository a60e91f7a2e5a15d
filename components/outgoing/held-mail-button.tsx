"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { SubmissionKey } from "@/components/form/submission-key";
import { ConfirmActionForm } from "@/components/support/confirm-action-form";

type Props = {
  accountId: string;
  address: string;
  /** Unique on the page: prefixes the reason field's id. */
  idPrefix: string;
  label: string;
  pendingLabel: string;
  /** What the button does, read with it (aria-describedby). */
  description: string;
  danger?: boolean;
  requireReason: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/**
 * One action on a mailbox's held mail (delete the queue, release the hold): a button with its consequence stated. A
 * destructive one (`danger`) asks first, in the panel's one inline confirmation.
 */
export function HeldMailButton(props: Props) {
  if (!props.danger) return <HeldMailForm {...props} />;
  const { accountId, address, label, pendingLabel, description, requireReason, action } = props;
  return (
    <ConfirmActionForm
      triggerLabel={`${label}…`}
      consequence={<p>{description}</p>}
      confirmLabel={label}
      pendingLabel={pendingLabel}
      hidden={{ accountId, address }}
      action={action}
      tone="danger"
      askReason={requireReason}
    />
  );
}

function HeldMailForm({ accountId, address, idPrefix, label, pendingLabel, description, danger, requireReason, action }: Props) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-2">
      <SubmissionKey round={state.status === "idle" ? "idle" : state.at} />
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="address" value={address} />
      <p id={`${idPrefix}-description`} className="text-sm text-slate-700">
        {description}
      </p>
      {requireReason ? (
        <ReasonField idPrefix={idPrefix} messages={fieldErrors?.reason} defaultValue={state.status === "error" ? state.values?.reason : undefined} />
      ) : null}
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending}
        aria-describedby={`${idPrefix}-description`}
        className={
          danger
            ? "rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 focus:outline-2 focus:outline-offset-2 focus:outline-red-700 disabled:opacity-60"
            : "rounded-md border border-slate-500 px-4 py-2 font-semibold hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60"
        }
      >
        {pending ? pendingLabel : label}
      </button>
    </form>
  );
}
