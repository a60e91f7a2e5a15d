"use client";

import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";

type Props = {
  /** The button that opens the confirmation, e.g. "Suspend outgoing email…". */
  triggerLabel: string;
  /** What will happen, in one or two sentences, shown before anything is sent. */
  consequence: ReactNode;
  /** The button that sends it, e.g. "Suspend outgoing email". */
  confirmLabel: string;
  pendingLabel?: string;
  /** Fields the action needs (ids, the action name); never secrets. */
  hidden: Record<string, string>;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Extra inputs shown in the confirmation (e.g. a role), given the current field errors. */
  fields?: (fieldErrors?: Record<string, string[]>) => ReactNode;
  tone?: "danger" | "normal";
  /** Ask for the audit reason (staff writes; the default). A person's own setting (their API token) needs none. */
  askReason?: boolean;
};

const secondaryButton =
  "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700";

/**
 * The one confirmation of the panel (never the browser's confirm()): a button, then an inline panel that says what
 * will happen, asks for the reason when staff write, and sends or cancels. Its own words are the ConfirmAction
 * messages (and ReasonField's when it asks for a reason): the IntlProvider around it must pass those namespaces.
 */
export function ConfirmActionForm({
  triggerLabel,
  consequence,
  confirmLabel,
  pendingLabel,
  hidden,
  action,
  fields,
  tone = "normal",
  askReason = true,
}: Props) {
  const t = useTranslations("ConfirmAction");
  const [state, formAction, pending] = useActionState(action, idleState);
  // Opened while `openedWith` was the last answer; a later success closes it (compared by identity, not by clocks).
  const [openedWith, setOpenedWith] = useState<ActionState | null>(null);
  const open = openedWith !== null && !(state.status === "success" && state !== openedWith);
  const id = useId();
  const panelRef = useRef<HTMLFieldSetElement>(null);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;

  useEffect(() => {
    if (open) panelRef.current?.querySelector<HTMLElement>("textarea, select, input:not([type=hidden])")?.focus();
  }, [open]);

  const confirmClass =
    tone === "danger"
      ? "rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60"
      : "rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60";

  return (
    <div className="space-y-2">
      {!open ? (
        <button type="button" className={secondaryButton} aria-expanded={false} aria-controls={`${id}-confirm`} onClick={() => setOpenedWith(state)}>
          {triggerLabel}
        </button>
      ) : (
        <form action={formAction} id={`${id}-confirm`}>
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <fieldset ref={panelRef} className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-3">
            <legend className="px-1 text-sm font-semibold">{t("question", { action: confirmLabel })}</legend>
            <div className="text-sm">{consequence}</div>
            {fields?.(fieldErrors)}
            {askReason ? (
              <ReasonField
                idPrefix={id.replace(/:/g, "")}
                messages={fieldErrors?.reason}
                defaultValue={state.status === "error" ? state.values?.reason : undefined}
              />
            ) : null}
            <div className="flex flex-wrap gap-2">
              <button type="submit" disabled={pending} className={confirmClass}>
                {pending ? (pendingLabel ?? t("working")) : confirmLabel}
              </button>
              <button type="button" className={secondaryButton} onClick={() => setOpenedWith(null)}>
                {t("cancel")}
              </button>
            </div>
          </fieldset>
        </form>
      )}
      <FormStatus state={state} />
    </div>
  );
}
