"use client";

import { outOfOfficeLabel, type OutOfOfficePeriod } from "@/lib/out-of-office";
import { MailboxBadges } from "./mailbox-badges";
import { useReaderDates } from "./use-reader-dates";

export type MailboxSummaryChipsProps = {
  /** The mailbox's address, for the list's accessible name. */
  address: string;
  suspendLogin: boolean;
  suspendIncoming: boolean;
  suspendOutgoing: boolean;
  holdOutgoing: boolean;
  /** How many destinations its mail is forwarded to; null when cPanel did not say. */
  forwardCount: number | null;
  /** Its autoresponder's schedule (ms since the epoch); null: none; "unknown": cPanel did not say. */
  outOfOffice: OutOfOfficePeriod | null | "unknown";
  /** When the data was read (ms), so "ended" and "since" are said the same on the server and in the browser. */
  now: number;
};

const chip = "rounded border px-1.5 py-0.5 text-xs font-semibold";
const neutral = `${chip} border-slate-300 bg-slate-50 text-slate-800`;
const notable = `${chip} border-blue-300 bg-blue-50 text-blue-900`;

/**
 * A mailbox's state in a few words: restrictions (or Active), "Forwards to 2" or "No forwarding", and "Out of office
 * 7–11 Dec" when it has an autoresponder (days in the reader's locale and time zone). Plain props: for the mailbox's
 * page and for a row of the mailbox list alike.
 */
export function MailboxSummaryChips(props: MailboxSummaryChipsProps) {
  const reader = useReaderDates();
  const { forwardCount, outOfOffice } = props;
  return (
    <ul aria-label={`Summary of ${props.address}`} className="flex flex-wrap items-center gap-2">
      <li>
        <MailboxBadges {...props} />
      </li>
      <li className={forwardCount ? notable : neutral}>
        {forwardCount === null ? "Forwarding unknown" : forwardCount === 0 ? "No forwarding" : `Forwards to ${forwardCount.toLocaleString("en-US")}`}
      </li>
      {outOfOffice === null ? null : (
        <li className={outOfOffice === "unknown" ? neutral : notable}>
          {outOfOffice === "unknown"
            ? "Out of office unknown"
            : // Until the browser's locale is known (server render, hydration), UTC in English; then the reader's own.
              outOfOfficeLabel(outOfOffice, { now: props.now, locale: reader?.locale ?? "en-GB", timeZone: reader?.timeZone ?? "UTC" })}
        </li>
      )}
    </ul>
  );
}
