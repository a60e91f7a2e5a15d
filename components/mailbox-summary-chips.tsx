"use client";

import { useLocale, useTranslations } from "next-intl";
import { outOfOfficeWhen, type OutOfOfficePeriod } from "@/lib/out-of-office";
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
 * page and for a row of the mailbox list alike; the words are the MailboxChips messages, which the page provides.
 */
export function MailboxSummaryChips(props: MailboxSummaryChipsProps) {
  const t = useTranslations("MailboxChips");
  const locale = useLocale();
  const reader = useReaderDates();
  const { forwardCount, outOfOffice } = props;
  // Days in the panel's language (British English for English) and, once the browser has said it, the reader's time
  // zone; the browser's own locale only when it is a variant of the panel's language (en-US), so a chip never mixes two.
  const dateLocale = reader?.locale.split("-")[0]?.toLowerCase() === locale ? reader.locale : locale === "en" ? "en-GB" : locale;
  const when =
    outOfOffice === null || outOfOffice === "unknown"
      ? null
      : outOfOfficeWhen(outOfOffice, { now: props.now, locale: dateLocale, timeZone: reader?.timeZone ?? "UTC" });
  return (
    <ul aria-label={t("summaryOf", { address: props.address })} className="flex flex-wrap items-center gap-2">
      <li>
        <MailboxBadges {...props} />
      </li>
      <li className={forwardCount ? notable : neutral}>
        {forwardCount === null ? t("forwardingUnknown") : forwardCount === 0 ? t("noForwarding") : t("forwardsTo", { count: forwardCount })}
      </li>
      {outOfOffice === null ? null : (
        <li className={outOfOffice === "unknown" ? neutral : notable}>
          {when ? t(`outOfOffice.${when.kind}`, { days: when.days }) : t("outOfOfficeUnknown")}
        </li>
      )}
    </ul>
  );
}
