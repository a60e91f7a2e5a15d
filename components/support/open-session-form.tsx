"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
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

const hint = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;

/** Signs support in to cPanel or Webmail as the account in a new tab, with a one-time link and a reason. Messages: OpenSession. */
export function OpenSessionForm({ accountId, cpanelUser, action }: Props) {
  const t = useTranslations("OpenSession");
  const link = useOneTimeLinkTab({ requireReason: true });
  const open = (service: Service) =>
    link.open(
      (reason) => action({ accountId, service, reason: reason ?? "" }),
      t("opened", { service: service === "webmaild" ? "Webmail" : "cPanel", user: cpanelUser }),
    );
  return (
    <div className="space-y-3">
      <p className="text-sm">{t.rich("intro", { user: cpanelUser, code: (chunks) => <span className="font-mono">{chunks}</span> })}</p>
      <div onInput={link.onReasonInput}>
        <ReasonField idPrefix="session" messages={link.reasonErrors} />
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={link.pending} onClick={() => open("cpaneld")} className={button}>
          {t.rich("openCpanel", { hint })}
        </button>
        <button type="button" disabled={link.pending} onClick={() => open("webmaild")} className={button}>
          {t.rich("openWebmail", { hint })}
        </button>
      </div>
      <OneTimeLinkStatus status={link.status} error={link.error} />
    </div>
  );
}
