"use client";

import { useState } from "react";
import { ReasonField } from "@/components/form/reason-field";

const MIN_REASON = 10;

/**
 * Signs support in to cPanel or Webmail as the account: the form posts to a route that creates a one-time
 * session and redirects the new tab to it, so the link never reaches this page, its state or any log.
 */
export function OpenSessionForm({ accountId, cpanelUser }: { accountId: string; cpanelUser: string }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string[] | undefined>();
  const [opened, setOpened] = useState("");
  return (
    <form
      method="post"
      action={`/support/accounts/${accountId}/session`}
      target="_blank"
      className="space-y-3"
      onSubmit={(event) => {
        if (reason.trim().length < MIN_REASON) {
          event.preventDefault();
          setError([`Give a reason of at least ${MIN_REASON} characters (a ticket number helps); it goes to the audit log`]);
          return;
        }
        const service = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value");
        setError(undefined);
        setOpened(`Opening ${service === "webmaild" ? "Webmail" : "cPanel"} as ${cpanelUser} in a new tab. The sign-in is in the audit log.`);
      }}
    >
      <p className="text-sm">
        Opens a new tab signed in as <span className="font-mono">{cpanelUser}</span> with a one-time link. Everything you do there happens as the customer;
        the sign-in (not the link) is recorded in the audit log and shown to the customer.
      </p>
      <div onChange={(e) => e.target instanceof HTMLTextAreaElement && setReason(e.target.value)}>
        <ReasonField idPrefix="session" messages={error} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="service" value="cpaneld" className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700">
          Open cPanel <span className="sr-only">(opens in a new tab)</span>
        </button>
        <button type="submit" name="service" value="webmaild" className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700">
          Open Webmail <span className="sr-only">(opens in a new tab)</span>
        </button>
      </div>
      <p role="status" className="text-sm text-emerald-800">{opened}</p>
    </form>
  );
}
