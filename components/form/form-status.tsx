"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";

type Props = {
  state: ActionState;
  /** More for the success banner, e.g. a generated password with Copy (kept until the person dismisses it). */
  children?: ReactNode;
  /** Shows a Dismiss button on the success banner. */
  onDismiss?: () => void;
};

/**
 * The outcome of a form's last submit, in the one style every form uses: a success banner (`role="status"`, always
 * in the page so screen readers hear it appear) that names what changed, or an error alert. After each answer focus
 * moves to it (to the first invalid field when fields were refused), so it is never dropped to the page body.
 */
export function FormStatus({ state, children, onDismiss }: Props) {
  // Common: every client provider carries it (components/intl-provider.tsx), so any form's status can say it.
  const t = useTranslations("Common");
  const statusRef = useRef<HTMLDivElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const answeredAt = state.status === "idle" ? null : state.at;

  useEffect(() => {
    if (answeredAt === null) return;
    if (state.status === "success") {
      statusRef.current?.focus();
      return;
    }
    const form = alertRef.current?.closest("form");
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]:not([disabled])');
    (invalid ?? alertRef.current)?.focus();
    // Only a new answer moves focus, not a re-render of the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answeredAt]);

  const success = state.status === "success";
  return (
    <>
      <div
        ref={statusRef}
        role="status"
        tabIndex={-1}
        className={
          success
            ? "rounded-md border border-emerald-700 bg-emerald-50 px-4 py-3 text-sm text-emerald-950 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
            : "text-sm"
        }
      >
        {success ? (
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0 flex-1">
              <p className="font-semibold">
                <span aria-hidden="true">✓ </span>
                {state.message}
              </p>
              {children}
            </div>
            {onDismiss ? (
              <button
                type="button"
                onClick={onDismiss}
                className="rounded-md border border-emerald-800 px-3 py-1 text-sm font-medium hover:bg-emerald-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
              >
                {t("dismiss")}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {state.status === "error" ? (
        <div
          ref={alertRef}
          role="alert"
          tabIndex={-1}
          className="rounded-md border border-red-700 bg-red-50 px-4 py-3 text-sm font-medium text-red-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
        >
          {state.message}
        </div>
      ) : null}
    </>
  );
}
