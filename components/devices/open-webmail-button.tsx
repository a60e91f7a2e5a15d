"use client";

import { useState, useTransition } from "react";
import { ReasonField } from "@/components/form/reason-field";

const MIN_REASON = 10;
export type OpenWebmailAnswer = { ok: true; url: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

type Props = {
  accountId: string;
  address: string;
  /** Staff give a reason for the audit log. */
  requireReason: boolean;
  action: (input: { accountId: string; address: string; reason?: string }) => Promise<OpenWebmailAnswer>;
};

const button =
  "rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60";

/**
 * Signs in to Webmail as the mailbox. The new tab is opened during the click (so no popup blocker stops it),
 * then sent to the one-time link; the link lives only in that navigation, never in state.
 */
export function OpenWebmailButton({ accountId, address, requireReason, action }: Props) {
  const [reason, setReason] = useState("");
  const [reasonErrors, setReasonErrors] = useState<string[] | undefined>();
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();

  function open() {
    setStatus("");
    setError("");
    if (requireReason && reason.trim().length < MIN_REASON) {
      setReasonErrors([`Give a reason of at least ${MIN_REASON} characters (a ticket number helps); it goes to the audit log`]);
      return;
    }
    setReasonErrors(undefined);
    const tab = window.open("about:blank", "_blank");
    if (tab) tab.opener = null; // Webmail must not be able to steer the panel's tab
    startTransition(async () => {
      const answer = await action({ accountId, address, reason: requireReason ? reason.trim() : undefined });
      if (answer.ok) {
        if (tab) tab.location.href = answer.url;
        if (tab) setStatus(`Webmail opened as ${address} in a new tab.`);
        else setError("The browser blocked the new tab. Allow pop-ups for the panel and try again.");
      } else {
        tab?.close();
        setReasonErrors(answer.fieldErrors?.reason);
        setError(answer.message);
      }
    });
  }

  return (
    <div className="mt-2 space-y-3">
      <p className="text-sm">
        Read and send this mailbox&apos;s mail in the browser: opens Webmail in a new tab, signed in as <span className="font-mono">{address}</span>{" "}
        with a one-time link{requireReason ? ". The sign-in (not the link) is recorded in the audit log" : ""}.
      </p>
      {requireReason ? (
        <div
          onChange={(e) =>
            (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) &&
            e.target.name === "reason" &&
            setReason(e.target.value)
          }
        >
          <ReasonField idPrefix="webmail" messages={reasonErrors} />
        </div>
      ) : null}
      <button type="button" disabled={pending} onClick={open} className={button}>
        Open Webmail <span className="sr-only">(opens in a new tab)</span>
      </button>
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
