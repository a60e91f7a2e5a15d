"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { FormStatus } from "@/components/form/form-status";

type Props = {
  job: { id: string; title: string; canRetry: boolean; canCancel: boolean };
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** What an admin can do to a job, in the order the buttons show. */
const operations = ["retry", "cancel"] as const;

const buttonClass =
  "rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-50 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60";

/** Retry (failed, cancelled) and Cancel (queued, running) for one job. Words: AdminJobs.actions. */
export function JobActions({ job, action }: Props) {
  const t = useTranslations("AdminJobs");
  const [state, formAction, pending] = useActionState(action, idleState);
  if (!job.canRetry && !job.canCancel) return <span className="text-slate-700">—</span>;
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="jobId" value={job.id} />
      <div className="flex gap-2">
        {operations
          .filter((operation) => (operation === "retry" ? job.canRetry : job.canCancel))
          .map((operation) => (
            <button
              key={operation}
              type="submit"
              name="operation"
              value={operation}
              disabled={pending}
              aria-label={t(`actions.${operation}Job`, { job: job.title })}
              className={buttonClass}
            >
              {t(`actions.${operation}`)}
            </button>
          ))}
      </div>
      <FormStatus state={state} />
    </form>
  );
}
