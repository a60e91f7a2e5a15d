"use client";

import { ReasonField } from "@/components/form/reason-field";
import { OneTimeLinkStatus } from "@/components/form/one-time-link-status";
import { useOneTimeLinkTab, type OneTimeLinkAnswer } from "@/components/form/use-one-time-link-tab";

export type OpenWebmailAnswer = OneTimeLinkAnswer;

type Props = {
  accountId: string;
  address: string;
  /** Staff give a reason for the audit log. */
  requireReason: boolean;
  action: (input: { accountId: string; address: string; reason?: string }) => Promise<OpenWebmailAnswer>;
};

const button =
  "rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60";

/** Signs in to Webmail as the mailbox in a new tab, with a one-time link. */
export function OpenWebmailButton({ accountId, address, requireReason, action }: Props) {
  const link = useOneTimeLinkTab({ requireReason });
  return (
    <div className="mt-2 space-y-3">
      <p className="text-sm">
        Read and send this mailbox&apos;s mail in the browser: opens Webmail in a new tab, signed in as <span className="font-mono">{address}</span>{" "}
        with a one-time link{requireReason ? ". The sign-in (not the link) is recorded in the audit log" : ""}.
      </p>
      {requireReason ? (
        <div onInput={link.onReasonInput}>
          <ReasonField idPrefix="webmail" messages={link.reasonErrors} />
        </div>
      ) : null}
      <button
        type="button"
        disabled={link.pending}
        onClick={() => link.open((reason) => action({ accountId, address, reason }), `Webmail opened as ${address} in a new tab.`)}
        className={button}
      >
        Open Webmail <span className="sr-only">(opens in a new tab)</span>
      </button>
      <OneTimeLinkStatus status={link.status} error={link.error} />
    </div>
  );
}
