/** An autoresponder's schedule (instants in ms since the epoch; null = open). */
export type OutOfOfficePeriod = { start: number | null; end: number | null };

type Options = { now: number; locale?: string; timeZone?: string };

function yearOf(instant: number, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat("en-US", { year: "numeric", timeZone }).format(instant);
}

/**
 * The summary chip's words for an autoresponder, with days in the reader's locale and time zone: "Out of office
 * 7–11 Dec", "… from 7 Dec", "… until 11 Dec", "… ended 11 Dec" (cPanel keeps a finished one until it is removed).
 * The year is written only when a date is not in the current year.
 */
export function outOfOfficeLabel({ start, end }: OutOfOfficePeriod, { now, locale, timeZone }: Options): string {
  const thisYear = yearOf(now, timeZone);
  const otherYear = [start, end].some((instant) => instant !== null && yearOf(instant, timeZone) !== thisYear);
  const days = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", ...(otherYear ? { year: "numeric" } : {}), timeZone });
  if (end !== null && end < now) return `Out of office ended ${days.format(end)}`;
  if (start !== null && end !== null) return `Out of office ${days.formatRange(start, end)}`;
  if (start !== null) return start > now ? `Out of office from ${days.format(start)}` : `Out of office since ${days.format(start)}`;
  if (end !== null) return `Out of office until ${days.format(end)}`;
  return "Out of office";
}
