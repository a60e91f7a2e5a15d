"use client";

import { LocalTime } from "@/components/local-time";
import { useActionState } from "react";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { OneClickForm } from "./one-click-form";
import type { FormActionFn, SecureReportView, SecureState } from "./types";

type Props = {
  accountId: string;
  address: string;
  requireReason: boolean;
  action: (state: SecureState, formData: FormData) => Promise<SecureState>;
  removeForwarder: FormActionFn;
  turnOffAutoresponder: FormActionFn;
};

const OUTCOME_WORDS: Record<SecureReportView["steps"][number]["outcome"], string> = {
  done: "Done",
  already: "Already so",
  failed: "Failed: not in effect",
  unknown: "Not confirmed: may or may not be in effect",
  skipped: "Not done",
};
const OUTCOME_MARK: Record<SecureReportView["steps"][number]["outcome"], string> = {
  done: "✓",
  already: "✓",
  failed: "✗",
  unknown: "?",
  skipped: "–",
};

const yesNo = (value: boolean | null) => (value === null ? "Unknown (cPanel could not be read)" : value ? "Yes" : "No");
const when = (ms: number | null) => (ms === null ? "not seen in the panel's log" : <LocalTime ms={ms} />);

/** "Secure this mailbox": one button, then every step with its outcome, what is in effect, and the forwarding to review. */
export function SecureMailboxForm({ accountId, address, requireReason, action, removeForwarder, turnOffAutoresponder }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as SecureState);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  const report = state.status === "success" ? state.report : undefined;
  return (
    <div className="mt-2 space-y-4 text-sm">
      <form action={formAction} aria-label="Secure this mailbox" className="space-y-3">
        <input type="hidden" name="accountId" value={accountId} />
        <input type="hidden" name="address" value={address} />
        <p id="secure-description" className="max-w-2xl">
          If someone else may know this mailbox&apos;s password (it sends spam, or you see logins you did not make): this suspends its login, holds
          its outgoing mail, replaces its password with a long random one that nobody sees, ends open IMAP/POP sessions (support only: cPanel ends
          every mailbox&apos;s sessions on the account), and lists its forwarders and autoresponder so you can remove what you did not set up. Mail
          keeps arriving.
        </p>
        {requireReason ? (
          <ReasonField idPrefix="secure" messages={fieldErrors?.reason} defaultValue={state.status === "error" ? state.values?.reason : undefined} />
        ) : null}
        <FormStatus state={state} />
        <button
          type="submit"
          disabled={pending}
          aria-describedby="secure-description"
          className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 focus:outline-2 focus:outline-offset-2 focus:outline-red-700 disabled:opacity-60"
        >
          {pending ? "Securing the mailbox…" : "Secure this mailbox"}
        </button>
      </form>
      {report ? (
        <section aria-labelledby="secure-report-heading" className="space-y-3 rounded-md border border-slate-300 p-3">
          <h3 id="secure-report-heading" className="font-semibold">
            What was done (incident {report.incidentId})
          </h3>
          <ol className="space-y-2" aria-label="Steps">
            {report.steps.map((step) => (
              <li key={step.id}>
                <span className="font-medium">
                  <span aria-hidden="true">{OUTCOME_MARK[step.outcome]} </span>
                  {step.label}: {OUTCOME_WORDS[step.outcome]}
                </span>
                <p className="text-slate-700">{step.detail}</p>
              </li>
            ))}
          </ol>
          <h4 className="font-medium">In effect now</h4>
          <dl className="grid grid-cols-[max-content_minmax(0,1fr)] wrap-anywhere gap-x-6 gap-y-1">
            <dt>Login suspended</dt>
            <dd>{yesNo(report.inEffect.loginSuspended)}</dd>
            <dt>Outgoing mail held</dt>
            <dd>{yesNo(report.inEffect.outgoingHeld)}</dd>
            <dt>Held messages</dt>
            <dd>{report.heldCount === null ? "Unknown" : report.heldCount.toLocaleString("en-US")}</dd>
          </dl>
          <h4 className="font-medium">Forwarding to review</h4>
          {report.reviewError ? <p>The forwarders could not be listed: {report.reviewError}</p> : null}
          {report.forwarders && report.forwarders.length === 0 ? <p>No forwarders from {report.email}.</p> : null}
          {report.forwarders && report.forwarders.length > 0 ? (
            <ul className="space-y-2">
              {report.forwarders.map((f) => (
                <li key={f.destination} className="flex flex-wrap items-start gap-3">
                  <span>
                    Forwards to <strong>{f.destination}</strong> (added {when(f.addedAt)})
                    {f.recent ? <strong className="ml-2 rounded bg-amber-100 px-1 text-amber-950">Added recently</strong> : null}
                  </span>
                  <OneClickForm
                    fields={{ accountId, address: report.email, destination: f.destination }}
                    idPrefix={`secure-fwd-${f.destination.replace(/[^a-z0-9]/gi, "-")}`}
                    label="Remove"
                    ariaLabel={`Remove forwarder to ${f.destination}`}
                    pendingLabel="Removing…"
                    requireReason={requireReason}
                    action={removeForwarder}
                  />
                </li>
              ))}
            </ul>
          ) : null}
          {report.autoresponder ? (
            <div className="flex flex-wrap items-start gap-3">
              <span>
                Autoresponder “{report.autoresponder.subject}” (changed {when(report.autoresponder.changedAt)})
                {report.autoresponder.recent ? <strong className="ml-2 rounded bg-amber-100 px-1 text-amber-950">Changed recently</strong> : null}
              </span>
              <OneClickForm
                fields={{ accountId, address: report.email }}
                idPrefix="secure-autoresponder"
                label="Turn off"
                ariaLabel="Turn off the autoresponder"
                pendingLabel="Turning off…"
                requireReason={requireReason}
                action={turnOffAutoresponder}
              />
            </div>
          ) : (
            <p>No autoresponder.</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
