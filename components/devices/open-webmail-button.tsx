"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("Devices.webmail");
  const link = useOneTimeLinkTab({ requireReason });
  return (
    <div className="mt-2 space-y-3">
      <p className="text-sm">
        {t.rich("intro", {
          address,
          audited: requireReason ? "yes" : "no",
          mono: (chunks) => <span className="font-mono">{chunks}</span>,
        })}
      </p>
      {requireReason ? (
        <div onInput={link.onReasonInput}>
          <ReasonField idPrefix="webmail" messages={link.reasonErrors} />
        </div>
      ) : null}
      <button
        type="button"
        disabled={link.pending}
        onClick={() => link.open((reason) => action({ accountId, address, reason }), t("opened", { address }))}
        className={button}
      >
        {t("open")} <span className="sr-only">{t("newTab")}</span>
      </button>
      <OneTimeLinkStatus status={link.status} error={link.error} />
    </div>
  );
}
