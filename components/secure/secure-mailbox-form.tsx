"use client";

import { LocalTime } from "@/components/local-time";
import { useActionState, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
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

// Each step's outcome is worded by SecureMailbox.outcomes.<outcome>; the mark is for the eye only.
const OUTCOME_MARK: Record<SecureReportView["steps"][number]["outcome"], string> = {
  done: "✓",
  already: "✓",
  failed: "✗",
  unknown: "?",
  skipped: "–",
};

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** "Secure this mailbox": one button, then every step with its outcome, what is in effect, and the forwarding to review. */
export function SecureMailboxForm({ accountId, address, requireReason, action, removeForwarder, turnOffAutoresponder }: Props) {
  const t = useTranslations("SecureMailbox");
  const format = useFormatter();
  const yesNo = (value: boolean | null) => (value === null ? t("unreadable") : value ? t("yes") : t("no"));
  const when = (ms: number | null) => (ms === null ? t("notSeen") : <LocalTime ms={ms} />);
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as SecureState);
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  const report = state.status === "success" ? state.report : undefined;
  // Read here: TypeScript does not carry the check on report.autoresponder into the tag function below.
  const changedAt = report?.autoresponder?.changedAt ?? null;
  return (
    <div className="mt-2 space-y-4 text-sm">
      <form action={formAction} aria-label={t("formLabel")} className="space-y-3">
        <input type="hidden" name="accountId" value={accountId} />
        <input type="hidden" name="address" value={address} />
        <p id="secure-description" className="max-w-2xl">
          {t("description")}
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
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
      {report ? (
        <section aria-labelledby="secure-report-heading" className="space-y-3 rounded-md border border-slate-300 p-3">
          <h3 id="secure-report-heading" className="font-semibold">
            {t("reportHeading", { incident: report.incidentId })}
          </h3>
          <ol className="space-y-2" aria-label={t("steps")}>
            {report.steps.map((step) => (
              <li key={step.id}>
                <span className="font-medium">
                  <span aria-hidden="true">{OUTCOME_MARK[step.outcome]} </span>
                  {step.label}: {t(`outcomes.${step.outcome}`)}
                </span>
                <p className="text-slate-700">{step.detail}</p>
              </li>
            ))}
          </ol>
          <h4 className="font-medium">{t("inEffect")}</h4>
          <dl className="grid grid-cols-[max-content_minmax(0,1fr)] wrap-anywhere gap-x-6 gap-y-1">
            <dt>{t("loginSuspended")}</dt>
            <dd>{yesNo(report.inEffect.loginSuspended)}</dd>
            <dt>{t("outgoingHeld")}</dt>
            <dd>{yesNo(report.inEffect.outgoingHeld)}</dd>
            <dt>{t("heldMessages")}</dt>
            <dd>{report.heldCount === null ? t("unknown") : format.number(report.heldCount)}</dd>
          </dl>
          <h4 className="font-medium">{t("reviewHeading")}</h4>
          {report.reviewError ? <p>{t("reviewError", { error: report.reviewError })}</p> : null}
          {report.forwarders && report.forwarders.length === 0 ? <p>{t("noForwarders", { address: report.email })}</p> : null}
          {report.forwarders && report.forwarders.length > 0 ? (
            <ul className="space-y-2">
              {report.forwarders.map((f) => (
                <li key={f.destination} className="flex flex-wrap items-start gap-3">
                  <span>
                    {t.rich("forwardsTo", { destination: f.destination, strong, when: () => when(f.addedAt) })}
                    {f.recent ? <strong className="ml-2 rounded bg-amber-100 px-1 text-amber-950">{t("addedRecently")}</strong> : null}
                  </span>
                  <OneClickForm
                    fields={{ accountId, address: report.email, destination: f.destination }}
                    idPrefix={`secure-fwd-${f.destination.replace(/[^a-z0-9]/gi, "-")}`}
                    label={t("remove")}
                    ariaLabel={t("removeForwarder", { destination: f.destination })}
                    pendingLabel={t("removing")}
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
                {t.rich("autoresponder", { subject: report.autoresponder.subject, when: () => when(changedAt) })}
                {report.autoresponder.recent ? (
                  <strong className="ml-2 rounded bg-amber-100 px-1 text-amber-950">{t("changedRecently")}</strong>
                ) : null}
              </span>
              <OneClickForm
                fields={{ accountId, address: report.email }}
                idPrefix="secure-autoresponder"
                label={t("turnOff")}
                ariaLabel={t("turnOffLabel")}
                pendingLabel={t("turningOff")}
                requireReason={requireReason}
                action={turnOffAutoresponder}
              />
            </div>
          ) : (
            <p>{t("noAutoresponder")}</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
