"use client";

import { useState, useTransition } from "react";
import { ReasonField } from "@/components/form/reason-field";

const MIN_REASON = 10;
type Service = "cpaneld" | "webmaild";
type Answer = { ok: true; url: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

type Props = {
  accountId: string;
  cpanelUser: string;
  action: (input: { accountId: string; service: Service; reason: string }) => Promise<Answer>;
};

const button =
  "rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60";

/**
 * Signs support in to cPanel or Webmail as the account. The new tab is opened during the click (so no popup
 * blocker stops it), then sent to the one-time link; the link lives only in that navigation, never in state.
 */
export function OpenSessionForm({ accountId, cpanelUser, action }: Props) {
  const [reason, setReason] = useState("");
  const [reasonErrors, setReasonErrors] = useState<string[] | undefined>();
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();

  function open(service: Service) {
    setStatus("");
    setError("");
    if (reason.trim().length < MIN_REASON) {
      setReasonErrors([`Give a reason of at least ${MIN_REASON} characters (a ticket number helps); it goes to the audit log`]);
      return;
    }
    setReasonErrors(undefined);
    const tab = window.open("about:blank", "_blank");
    if (tab) tab.opener = null; // the customer's cPanel must not be able to steer this tab
    const name = service === "webmaild" ? "Webmail" : "cPanel";
    startTransition(async () => {
      const answer = await action({ accountId, service, reason: reason.trim() });
      if (answer.ok) {
        if (tab) tab.location.href = answer.url;
        setStatus(tab ? `${name} opened as ${cpanelUser} in a new tab. The sign-in is in the audit log.` : "");
        if (!tab) setError("The browser blocked the new tab. Allow pop-ups for the panel and try again.");
      } else {
        tab?.close();
        setReasonErrors(answer.fieldErrors?.reason);
        setError(answer.message);
      }
    });
  }

  return (
    <div className="space-y-3">
      <p className="text-sm">
        Opens a new tab signed in as <span className="font-mono">{cpanelUser}</span> with a one-time link. Everything you do there happens as the
        customer; the sign-in (not the link) is recorded in the audit log and shown to the customer.
      </p>
      <div
        onChange={(e) =>
          (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) && e.target.name === "reason" && setReason(e.target.value)
        }
      >
        <ReasonField idPrefix="session" messages={reasonErrors} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={pending} onClick={() => open("cpaneld")} className={button}>
          Open cPanel <span className="sr-only">(opens in a new tab)</span>
        </button>
        <button type="button" disabled={pending} onClick={() => open("webmaild")} className={button}>
          Open Webmail <span className="sr-only">(opens in a new tab)</span>
        </button>
      </div>
      <p role="status" className="text-sm text-emerald-800">
        {status}
      </p>
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
