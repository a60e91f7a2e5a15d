"use client";

import { useActionState, useState, type ReactNode } from "react";
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
      <PrimaryButton label="Save autoresponder" pendingLabel="Saving autoresponder…" pending={pending} />
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
    name === "end" && endBeforeStart
      ? ["The end must be after the start: as it is, no reply would ever be sent. Choose a later end, or leave it empty."]
      : fieldErrors?.[name];
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
  const schedule = [
    start ? `from ${readableWallTime(start, locale)}` : "from now",
    end ? `until ${readableWallTime(end, locale)}` : "until you turn it off",
  ].join(" ");
  return (
    <>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="enabled" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="h-4 w-4" />
        Enable autoresponder
      </label>
      <p className="text-sm text-slate-700">
        {enabled
          ? "Each sender gets this reply automatically."
          : values.enabled
            ? "Saving with this unticked deletes the reply in cPanel (cPanel has no paused state)."
            : "No automatic replies are sent."}
      </p>
      {values.isHtml ? (
        <p className="text-sm text-slate-700">This reply was written as HTML elsewhere; saving it here stores it as plain text.</p>
      ) : null}
      {field(
        "from",
        "Sender name",
        <input
          {...aria("from", true)}
          value={from}
          maxLength={limits.from}
          onChange={(e) => setFrom(e.target.value)}
          className={`${textInput} w-full max-w-md`}
        />,
        `Shown as the reply's sender, with the address ${address}.`,
      )}
      {field(
        "subject",
        "Subject",
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
        "Message",
        <textarea
          {...aria("body", true)}
          value={body}
          maxLength={limits.body}
          rows={5}
          onChange={(e) => setBody(e.target.value)}
          className={`${textInput} w-full max-w-xl`}
        />,
        `Plain text, up to ${limits.body.toLocaleString("en-US")} characters (${body.length.toLocaleString("en-US")} used).`,
      )}
      {field(
        "intervalHours",
        "Hours between replies to the same sender",
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
        "0 answers every message, even several from the same sender.",
      )}
      <div className="flex flex-wrap gap-4">
        {field(
          "start",
          "Start",
          <input {...aria("start", true)} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} className={textInput} />,
        )}
        {field(
          "end",
          "End",
          <input {...aria("end", true)} type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} className={textInput} />,
        )}
      </div>
      <p id="ar-start-help" className="-mt-2 text-sm text-slate-700">
        <span id="ar-end-help">
          Times are in your time zone{timeZone ? ` (${timeZone})` : ""}. Leave Start empty to begin now, and End empty to reply until you turn it off.
        </span>
      </p>
      <section aria-label="Preview of the reply" className="max-w-xl rounded-md border border-slate-300 bg-slate-50 p-3 text-sm">
        <h3 className="font-semibold">Preview</h3>
        {enabled ? (
          <>
            <p className="mt-1">
              From: {from.trim() || address} &lt;{address}&gt;
            </p>
            <p>Subject: {subject.trim() || "(no subject yet)"}</p>
            <p className="mt-2 whitespace-pre-wrap break-words border-t border-slate-300 pt-2">{body || "(no message yet)"}</p>
            <p className="mt-2 text-slate-700">
              Sent {schedule}
              {Number.isInteger(hours) && hours > 0
                ? `, at most once every ${hours} hour${hours === 1 ? "" : "s"} to the same sender.`
                : ", to every message."}
            </p>
          </>
        ) : (
          <p className="mt-1 text-slate-700">The autoresponder is off: no reply is sent.</p>
        )}
      </section>
    </>
  );
}
