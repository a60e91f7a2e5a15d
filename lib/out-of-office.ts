/** An autoresponder's schedule (instants in ms since the epoch; null = open). */
export type OutOfOfficePeriod = { start: number | null; end: number | null };

type Options = { now: number; locale?: string; timeZone?: string };

/** Which of the chip's sentences a schedule takes, and its days as the locale writes them ("7–11 Dec", "11 Dec"). */
export type OutOfOfficeWhen = { kind: "ended" | "range" | "from" | "since" | "until" | "open"; days: string };

function yearOf(instant: number, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat("en-US", { year: "numeric", timeZone }).format(instant);
}

/**
 * An autoresponder's schedule for the summary chip, with days in the reader's locale and time zone: a range, from,
 * since, until, ended (cPanel keeps a finished one until it is removed), or open. The year is written only when a
 * date is not in the current year. The words are the caller's (the MailboxChips messages).
 */
export function outOfOfficeWhen({ start, end }: OutOfOfficePeriod, { now, locale, timeZone }: Options): OutOfOfficeWhen {
  const thisYear = yearOf(now, timeZone);
  const otherYear = [start, end].some((instant) => instant !== null && yearOf(instant, timeZone) !== thisYear);
  const days = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", ...(otherYear ? { year: "numeric" } : {}), timeZone });
  if (end !== null && end < now) return { kind: "ended", days: days.format(end) };
  if (start !== null && end !== null) return { kind: "range", days: days.formatRange(start, end) };
  if (start !== null) return { kind: start > now ? "from" : "since", days: days.format(start) };
  if (end !== null) return { kind: "until", days: days.format(end) };
  return { kind: "open", days: "" };
}
