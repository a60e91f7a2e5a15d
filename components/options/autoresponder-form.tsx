"use client";

import { useActionState, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { textInput } from "./styles";
import { readableWallTime, toWallTime, useBrowserTimeZone } from "./zoned-time";
import { useReaderDates } from "@/components/use-reader-dates";
import { SubmissionKey } from "@/components/form/submission-key";
import { PrimaryButton } from "@/components/form/primary-button";

export type AutoresponderValues = {
  enabled: boolean;
  from: string;
  subject: string;
  body: string;
  isHtml: boolean;
  intervalHours: number;
  /** Epoch milliseconds; null = from now / no end. */
  start: number | null;
  end: number | null;
};

type Props = {
  accountId: string;
  address: string;
  values: AutoresponderValues;
  limits: { subject: number; body: number; from: number; intervalHours: number };
  requireReason: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** The autoresponder: texts, interval and dates in the person's own time zone, with a live preview of the reply. */
export function AutoresponderForm({ accountId, address, values, limits, requireReason, action }: Props) {
  const t = useTranslations("MailboxOptions");
  const [state, formAction, pending] = useActionState(action, idleState);
  const timeZone = useBrowserTimeZone();
  const fieldErrors = state.status === "error" ? state.fieldErrors : undefined;
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="mt-3 space-y-4">
      <SubmissionKey round={state.status === "idle" ? "idle" : state.at} />
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="address" value={address} />
      <input type="hidden" name="timeZone" value={timeZone ?? "UTC"} />
      {/* Remounted after every answer and once the browser's time zone is known (the server renders without it). */}
      <AutoresponderFields
        key={`${state.status === "idle" ? "idle" : state.at}|${timeZone}`}
        address={address}
        values={values}
        kept={kept}
        limits={limits}
        timeZone={timeZone}
        fieldErrors={fieldErrors}
      />
      {requireReason ? <ReasonField idPrefix="autoresponder" messages={fieldErrors?.reason} defaultValue={kept?.reason} /> : null}
      <FormStatus state={state} />
      <PrimaryButton label={t("autoresponder.save")} pendingLabel={t("autoresponder.saving")} pending={pending} />
    </form>
  );
}

type FieldsProps = {
  address: string;
  values: AutoresponderValues;
  kept?: Record<string, string>;
  limits: Props["limits"];
  timeZone: string | null;
  fieldErrors?: Record<string, string[]>;
};

function AutoresponderFields({ address, values, kept, limits, timeZone, fieldErrors }: FieldsProps) {
  const t = useTranslations("MailboxOptions");
  const wall = (ms: number | null) => (ms === null || !timeZone ? "" : toWallTime(ms, timeZone));
  const reader = useReaderDates();
  const [enabled, setEnabled] = useState(kept ? kept.enabled === "on" : values.enabled);
  const [from, setFrom] = useState(kept?.from ?? values.from);
  const [subject, setSubject] = useState(kept?.subject ?? values.subject);
  const [body, setBody] = useState(kept?.body ?? values.body);
  const [interval, setIntervalText] = useState(kept?.intervalHours ?? String(values.intervalHours));
  const [start, setStart] = useState(kept?.start ?? wall(values.start));
  const [end, setEnd] = useState(kept?.end ?? wall(values.end));

  // Checked as the person types (datetime-local values compare as text), so nobody saves a reply that never goes out.
  const endBeforeStart = start !== "" && end !== "" && end <= start;
  const errorsFor = (name: string): string[] | undefined =>
    name === "end" && endBeforeStart ? [t("autoresponder.endBeforeStart")] : fieldErrors?.[name];
  const field = (name: string, label: string, input: ReactNode, help?: string) => (
    <div>
      <label htmlFor={`ar-${name}`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {input}
      {help ? (
        <p id={`ar-${name}-help`} className="mt-1 text-sm text-slate-700">
          {help}
        </p>
      ) : null}
      <FieldError id={`ar-${name}-error`} messages={errorsFor(name)} />
    </div>
  );
  const aria = (name: string, help?: boolean) => ({
    id: `ar-${name}`,
    name,
    "aria-invalid": errorsFor(name)?.length ? true : undefined,
    "aria-describedby": [help ? `ar-${name}-help` : "", errorsFor(name)?.length ? `ar-${name}-error` : ""].filter(Boolean).join(" ") || undefined,
  });

  const hours = Number(interval);
  const locale = reader?.locale;
  const sent = t("autoresponder.preview.sent", {
    hasStart: start ? "yes" : "no",
    start: start ? readableWallTime(start, locale) : "",
    hasEnd: end ? "yes" : "no",
    end: end ? readableWallTime(end, locale) : "",
    // 0 (or a number that is no interval) answers every message.
    hours: Number.isInteger(hours) && hours > 0 ? hours : 0,
  });
  return (
    <>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="h-4 w-4" />
        {t("autoresponder.enable")}
      </label>
      <p className="text-sm text-slate-700">
        {enabled ? t("autoresponder.state.on") : values.enabled ? t("autoresponder.state.offDeletes") : t("autoresponder.state.off")}
      </p>
      {values.isHtml ? <p className="text-sm text-slate-700">{t("autoresponder.wasHtml")}</p> : null}
      {field(
        "from",
        t("autoresponder.from"),
        <input
          {...aria("from", true)}
          value={from}
          maxLength={limits.from}
          onChange={(e) => setFrom(e.target.value)}
          className={`${textInput} w-full max-w-md`}
        />,
        t("autoresponder.fromHelp", { address }),
      )}
      {field(
        "subject",
        t("autoresponder.subject"),
        <input
          {...aria("subject")}
          value={subject}
          maxLength={limits.subject}
          onChange={(e) => setSubject(e.target.value)}
          className={`${textInput} w-full max-w-md`}
        />,
      )}
      {field(
        "body",
        t("autoresponder.body"),
        <textarea
          {...aria("body", true)}
          value={body}
          maxLength={limits.body}
          rows={5}
          onChange={(e) => setBody(e.target.value)}
          className={`${textInput} w-full max-w-xl`}
        />,
        t("autoresponder.bodyHelp", { max: limits.body, used: body.length }),
      )}
      {field(
        "intervalHours",
        t("autoresponder.interval"),
        <input
          {...aria("intervalHours", true)}
          type="number"
          min={0}
          max={limits.intervalHours}
          step={1}
          value={interval}
          onChange={(e) => setIntervalText(e.target.value)}
          className={`${textInput} w-32`}
        />,
        t("autoresponder.intervalHelp"),
      )}
      <div className="flex flex-wrap gap-4">
        {field(
          "start",
          t("autoresponder.start"),
          <input {...aria("start", true)} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} className={textInput} />,
        )}
        {field(
          "end",
          t("autoresponder.end"),
          <input {...aria("end", true)} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} className={textInput} />,
        )}
      </div>
      <p id="ar-start-help" className="-mt-2 text-sm text-slate-700">
        <span id="ar-end-help">{t("autoresponder.timesHelp", { hasZone: timeZone ? "yes" : "no", zone: timeZone ?? "" })}</span>
      </p>
      <section aria-label={t("autoresponder.preview.label")} className="max-w-xl rounded-md border border-slate-300 bg-slate-50 p-3 text-sm">
        <h3 className="font-semibold">{t("autoresponder.preview.heading")}</h3>
        {enabled ? (
          <>
            <p className="mt-1">
              {t("autoresponder.preview.from", { name: from.trim() || address })}
              {` <${address}>`}
            </p>
            <p>{t("autoresponder.preview.subject", { subject: subject.trim() || t("autoresponder.preview.noSubject") })}</p>
            <p className="mt-2 whitespace-pre-wrap break-words border-t border-slate-300 pt-2">{body || t("autoresponder.preview.noMessage")}</p>
            <p className="mt-2 text-slate-700">{sent}</p>
          </>
        ) : (
          <p className="mt-1 text-slate-700">{t("autoresponder.preview.off")}</p>
        )}
      </section>
    </>
  );
}
