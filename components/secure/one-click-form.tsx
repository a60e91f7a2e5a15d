"use client";

import { useActionState } from "react";
import { idleState } from "@/lib/actions/action-state";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { SubmissionKey } from "@/components/form/submission-key";
import type { FormActionFn } from "./types";

type Props = {
  /** Hidden fields the action reads (accountId, address, destination…). */
  fields: Record<string, string>;
  idPrefix: string;
  label: string;
  /** The accessible name when the visible label alone is ambiguous ("Remove" → "Remove forwarder to x"). */
  ariaLabel?: string;
  pendingLabel: string;
  requireReason: boolean;
  action: FormActionFn;
};

/** A one-button form (remove a forwarder, turn off an autoresponder, unsuspend login), with the reason for staff. */
export function OneClickForm({ fields, idPrefix, label, ariaLabel, pendingLabel, requireReason, action }: Props) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-2">
      <SubmissionKey round={state.status === "idle" ? "idle" : state.at} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {requireReason ? (
        <ReasonField idPrefix={idPrefix} messages={fieldErrors?.reason} defaultValue={state.status === "error" ? state.values?.reason : undefined} />
      ) : null}
      <FormStatus state={state} />
      <button
        type="submit"
        disabled={pending || state.status === "success"}
        aria-label={ariaLabel}
        className="rounded-md border border-slate-500 px-3 py-1.5 text-sm font-semibold hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60"
      >
        {pending ? pendingLabel : label}
      </button>
    </form>
  );
}
