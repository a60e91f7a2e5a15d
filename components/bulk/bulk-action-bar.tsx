"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { PrimaryButton } from "@/components/form/primary-button";
import { ReasonField } from "@/components/form/reason-field";
import { SubmissionKey } from "@/components/form/submission-key";
import { useBulkSelection } from "./bulk-selection";
import { planCounts, PlanTable } from "./plan-table";
import { BULK_KINDS, previewKeyOf, type BulkKind, type BulkPreviewState, type MatchingAnswer } from "./types";

type Props = {
  idPrefix: string;
  /** Staff say why (the run is audited with it). */
  requireReason: boolean;
  /** The dry run (a server action): changes nothing. */
  preview: (previous: BulkPreviewState, data: FormData) => Promise<BulkPreviewState>;
  /** Starts the previewed action as a job and goes to its page (a server action). */
  run: (previous: ActionState, data: FormData) => Promise<ActionState>;
  /** The account's list: offers every mailbox that matches (all pages), answered by `load`. */
  matching?: { total: number; onPage: number; load: () => Promise<MatchingAnswer> };
};

const idle: BulkPreviewState = { status: "idle" };
const secondaryButton =
  "rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60";

/**
 * The bulk action bar under a list with checkboxes: choose an action → Preview (the dry run: every cPanel call per
 * mailbox and what is skipped) → Run (a job; its page shows progress). Run sends exactly what was previewed and is
 * disabled once the selection or the action changes.
 */
export function BulkActionBar({ idPrefix, requireReason, preview, run, matching }: Props) {
  const t = useTranslations("Bulk");
  const { selected, setMany, clear } = useBulkSelection();
  const [action, setAction] = useState<BulkKind>("set_quota");
  const [quota, setQuota] = useState("");
  const [unlimited, setUnlimited] = useState(false);
  const [previewState, previewAction, previewPending] = useActionState(preview, idle);
  const [runState, runAction, runPending] = useActionState(run, idleState);
  const [loadingAll, startLoadingAll] = useTransition();
  const [, startPreview] = useTransition();
  const [matchingError, setMatchingError] = useState<string | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const previewForm = useRef<HTMLFormElement>(null);
  const previewAlert = useRef<HTMLParagraphElement>(null);
  const count = selected.length;
  const currentKey = previewKeyOf(selected, action, quota, unlimited);
  const fieldErrors = previewState.status === "error" ? previewState.fieldErrors : undefined;
  const shown = previewState.status === "preview" ? previewState : null;
  const stale = shown !== null && shown.input.previewKey !== currentKey;
  const counts = shown ? planCounts(shown.plans) : null;

  // A new dry run takes the reader to it; a refused one to the first field to fix (or the message).
  const previewAt = shown?.at;
  useEffect(() => {
    if (previewAt) previewHeading.current?.focus();
  }, [previewAt]);
  const refusedAt = previewState.status === "error" ? previewState.at : undefined;
  useEffect(() => {
    if (!refusedAt) return;
    (previewForm.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? previewAlert.current)?.focus();
  }, [refusedAt]);

  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <section aria-labelledby={id("heading")} className="mt-4 space-y-3 rounded-md bg-white p-4 shadow-sm">
      <h2 id={id("heading")} className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <div className="flex flex-wrap items-center gap-2">
        <p role="status" className="text-sm">
          {count === 0 ? t("noneSelected") : t("selected", { count })}
        </p>
        {matching && matching.total > matching.onPage && count < matching.total ? (
          <button
            type="button"
            className={secondaryButton}
            disabled={loadingAll}
            onClick={() =>
              startLoadingAll(async () => {
                const answer = await matching.load();
                setMatchingError(answer.ok ? null : answer.message);
                if (answer.ok) setMany(answer.values, true);
              })
            }
          >
            {loadingAll ? t("selecting") : t("selectAllMatching", { count: matching.total })}
          </button>
        ) : null}
        {count ? (
          <button type="button" className={secondaryButton} onClick={clear}>
            {t("clear")}
          </button>
        ) : null}
      </div>

      {matchingError ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {matchingError}
        </p>
      ) : null}

      {/* noValidate: a missing reason or quota gets the panel's own message beside the field, not the browser's bubble.
          Submitted by hand, not through the form's action prop: React would reset the form after the answer, and the
          controlled action and quota would then show other values than the ones the next Preview sends. */}
      <form
        ref={previewForm}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startPreview(() => previewAction(data));
        }}
        className="space-y-3"
      >
        {selected.map((value) => (
          <input key={value} type="hidden" name="mailboxes" value={value} />
        ))}
        <input type="hidden" name="previewKey" value={currentKey} />
        <FieldError id={id("mailboxes-error")} messages={fieldErrors?.mailboxes} />
        <div>
          <label htmlFor={id("action")} className="block text-sm font-medium text-slate-800">
            {t("action")}
          </label>
          <select
            id={id("action")}
            name="action"
            value={action}
            onChange={(e) => setAction(e.target.value as BulkKind)}
            aria-describedby={fieldErrors?.action ? id("action-error") : undefined}
            className="mt-1 block w-full max-w-md rounded-md border border-slate-400 bg-white px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700"
          >
            {BULK_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
          <FieldError id={id("action-error")} messages={fieldErrors?.action} />
        </div>
        {action === "set_quota" ? (
          <div>
            <div className="flex flex-wrap items-end gap-4">
              <div>
                <label htmlFor={id("quota")} className="block text-sm font-medium text-slate-800">
                  {t("quota")}
                </label>
                <input
                  id={id("quota")}
                  name="quota"
                  type="number"
                  min={1}
                  inputMode="numeric"
                  value={quota}
                  disabled={unlimited}
                  onChange={(e) => setQuota(e.target.value)}
                  aria-invalid={fieldErrors?.quota ? true : undefined}
                  aria-describedby={fieldErrors?.quota ? id("quota-error") : undefined}
                  className="mt-1 block w-40 rounded-md border border-slate-400 px-3 py-2 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 disabled:bg-slate-100"
                />
              </div>
              <label className="flex items-center gap-2 pb-2 text-sm">
                <input type="checkbox" name="unlimited" checked={unlimited} onChange={(e) => setUnlimited(e.target.checked)} className="h-4 w-4" />
                {t("unlimited")}
              </label>
            </div>
            <FieldError id={id("quota-error")} messages={fieldErrors?.quota} />
          </div>
        ) : null}
        {requireReason ? (
          <ReasonField
            idPrefix={id("bulk")}
            messages={fieldErrors?.reason}
            defaultValue={shown ? shown.input.reason : previewState.status === "error" ? previewState.values?.reason : undefined}
          />
        ) : null}
        {previewState.status === "error" ? (
          <p ref={previewAlert} role="alert" tabIndex={-1} className="text-sm font-medium text-red-800">
            {previewState.message}
          </p>
        ) : null}
        <PrimaryButton label={t("preview")} pendingLabel={t("previewing")} pending={previewPending} disabled={count === 0} />
      </form>

      {shown && counts ? (
        <section aria-labelledby={id("preview-heading")} className="space-y-3 border-t border-slate-200 pt-3">
          <h3 id={id("preview-heading")} ref={previewHeading} tabIndex={-1} className="font-semibold">
            {t("dryRunHeading", { calls: counts.calls, count: counts.mailboxes, skipped: counts.skipped })}
          </h3>
          <p className="text-sm text-slate-700">{t("dryRunNote")}</p>
          <PlanTable plans={shown.plans} />
          <form action={runAction} className="space-y-2">
            <SubmissionKey round={runState.status === "idle" ? "idle" : runState.at} />
            {shown.input.mailboxes.map((value) => (
              <input key={value} type="hidden" name="mailboxes" value={value} />
            ))}
            <input type="hidden" name="action" value={shown.input.action} />
            <input type="hidden" name="quota" value={shown.input.quota} />
            {shown.input.unlimited ? <input type="hidden" name="unlimited" value="on" /> : null}
            {requireReason ? <input type="hidden" name="reason" value={shown.input.reason} /> : null}
            <FormStatus state={runState} />
            {stale ? (
              <p id={id("stale")} className="text-sm font-medium text-amber-900">
                {t("stale")}
              </p>
            ) : null}
            <PrimaryButton
              label={t("run", { count: counts.mailboxes })}
              pendingLabel={t("starting")}
              pending={runPending}
              disabled={stale}
              describedBy={stale ? id("stale") : undefined}
            />
          </form>
        </section>
      ) : null}
    </section>
  );
}
