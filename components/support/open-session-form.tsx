"use client";

import { ReasonField } from "@/components/form/reason-field";
import { OneTimeLinkStatus } from "@/components/form/one-time-link-status";
import { useOneTimeLinkTab, type OneTimeLinkAnswer } from "@/components/form/use-one-time-link-tab";

type Service = "cpaneld" | "webmaild";

type Props = {
  accountId: string;
  cpanelUser: string;
  action: (input: { accountId: string; service: Service; reason: string }) => Promise<OneTimeLinkAnswer>;
};

const button =
  "rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60";

/** Signs support in to cPanel or Webmail as the account in a new tab, with a one-time link and a reason. */
export function OpenSessionForm({ accountId, cpanelUser, action }: Props) {
  const link = useOneTimeLinkTab({ requireReason: true });
  const open = (service: Service) =>
    link.open(
      (reason) => action({ accountId, service, reason: reason ?? "" }),
      `${service === "webmaild" ? "Webmail" : "cPanel"} opened as ${cpanelUser} in a new tab. The sign-in is in the audit log.`,
    );
  return (
    <div className="space-y-3">
      <p className="text-sm">
        Opens a new tab signed in as <span className="font-mono">{cpanelUser}</span> with a one-time link. Everything you do there happens as the
        customer; the sign-in (not the link) is recorded in the audit log and shown to the customer.
      </p>
      <div onInput={link.onReasonInput}>
        <ReasonField idPrefix="session" messages={link.reasonErrors} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={link.pending} onClick={() => open("cpaneld")} className={button}>
          Open cPanel <span className="sr-only">(opens in a new tab)</span>
        </button>
        <button type="button" disabled={link.pending} onClick={() => open("webmaild")} className={button}>
          Open Webmail <span className="sr-only">(opens in a new tab)</span>
        </button>
      </div>
      <OneTimeLinkStatus status={link.status} error={link.error} />
    </div>
  );
}
