import "server-only";
import { splitAddress, type AccountClient, type Autoresponder } from "@/lib/cpanel";
import { isSingleLine } from "@/lib/validation/single-line";
import { requestLocale, translator } from "@/lib/i18n/server";

/** Limits of the autoresponder form and API (cPanel has none it documents; these keep replies sane). */
export const AUTORESPONDER_LIMITS = { subject: 200, body: 10_000, from: 100, intervalHours: 8760 } as const;

/** The client stores "no end" as this stop time (2100-01-01), because cPanel requires one. */
const NO_END_SECONDS = 4102444800;

/** An autoresponder as the panel shows it; times are instants (cPanel stores Unix seconds). */
export type AutoresponderSettings = {
  enabled: boolean;
  from: string;
  subject: string;
  body: string;
  isHtml: boolean;
  intervalHours: number;
  start: Date | null;
  end: Date | null;
};

/** What a save asks for: off, or on with its texts and schedule. */
export type AutoresponderChange =
  { enabled: false } | { enabled: true; from: string; subject: string; body: string; intervalHours: number; start: Date | null; end: Date | null };

/** A change where an "on" may leave fields out (the REST PATCH): they keep the current values. */
export type AutoresponderPatch = { enabled: false } | ({ enabled: true } & Partial<Omit<Extract<AutoresponderChange, { enabled: true }>, "enabled">>);

/** The full change a patch means: omitted fields keep what cPanel has now (or the defaults for a new reply). */
export function completeAutoresponder(patch: AutoresponderPatch, current: AutoresponderSettings | null, email: string): AutoresponderChange {
  if (!patch.enabled) return patch;
  return {
    enabled: true,
    from: patch.from ?? current?.from ?? email,
    subject: patch.subject ?? current?.subject ?? "",
    body: patch.body ?? current?.body ?? "",
    intervalHours: patch.intervalHours ?? current?.intervalHours ?? 24,
    start: patch.start !== undefined ? patch.start : (current?.start ?? null),
    end: patch.end !== undefined ? patch.end : (current?.end ?? null),
  };
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall-clock time (`2026-07-01T09:00`, as a datetime-local field sends it) in an IANA zone;
 * null when the text is not such a time. In a DST gap the later offset wins (09:30 that does not exist → 10:30).
 */
export function zonedWallTimeToDate(wallTime: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wallTime.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0);
  const check = new Date(guess);
  if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d! || h! > 23 || mi! > 59) return null;
  const first = guess - offsetMs(guess, timeZone);
  const second = guess - offsetMs(first, timeZone);
  return new Date(second);
}

/** The mailbox's autoresponder live from cPanel, or null (UAPI Email::list_auto_responders, then get_auto_responder). */
export async function readAutoresponder(api: AccountClient, email: string, domain: string): Promise<AutoresponderSettings | null> {
  const list = await api.listAutoresponders({ domain });
  if (!list.some((row) => row.email.toLowerCase() === email.toLowerCase())) return null;
  return toSettings(await api.getAutoresponder(email));
}

function toSettings(raw: Autoresponder): AutoresponderSettings {
  const end = raw.stop && raw.stop.getTime() / 1000 < NO_END_SECONDS ? raw.stop : null;
  return {
    enabled: true,
    from: raw.from,
    subject: raw.subject,
    body: raw.body,
    isHtml: raw.isHtml,
    intervalHours: raw.intervalHours,
    start: raw.start,
    end,
  };
}

const sameInstant = (a: Date | null, b: Date | null) => Math.floor((a?.getTime() ?? 0) / 1000) === Math.floor((b?.getTime() ?? 0) / 1000);

/** True when saving `change` over `current` would change nothing in cPanel. */
export function autoresponderUnchanged(current: AutoresponderSettings | null, change: AutoresponderChange): boolean {
  if (!change.enabled) return current === null;
  if (!current || current.isHtml) return false;
  return (
    current.from === change.from &&
    current.subject === change.subject &&
    current.body === change.body &&
    current.intervalHours === change.intervalHours &&
    (change.start === null || sameInstant(current.start, change.start)) &&
    sameInstant(current.end, change.end)
  );
}

/** Writes `target` (null = none) to cPanel: UAPI Email::add_auto_responder (replaces) or Email::delete_auto_responder. */
export async function writeAutoresponder(api: AccountClient, email: string, target: AutoresponderSettings | null): Promise<void> {
  if (target === null) {
    // An undo may run when the add never landed: delete only what is there.
    const list = await api.listAutoresponders({ domain: splitAddress(email).domain });
    if (list.some((row) => row.email.toLowerCase() === email.toLowerCase())) await api.deleteAutoresponder(email);
    return;
  }
  await api.addAutoresponder({
    email,
    from: target.from,
    subject: target.subject,
    body: target.body,
    isHtml: target.isHtml,
    intervalHours: target.intervalHours,
    start: target.start,
    stop: target.end,
  });
}

/** The settings a change leads to (start defaults to now: cPanel needs one). */
export function settingsFrom(change: AutoresponderChange, now: Date = new Date()): AutoresponderSettings | null {
  if (!change.enabled) return null;
  return { ...change, isHtml: false, start: change.start ?? new Date(Math.floor(now.getTime() / 1000) * 1000) };
}

/** Field errors of an enabled autoresponder (keys are the REST body's pointers below `autoresponder/`), in the request's language. */
export async function autoresponderProblems(change: AutoresponderChange, now: Date = new Date()): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  if (!change.enabled) return errors;
  const locale = await requestLocale();
  const t = await translator("Fields", locale);
  const number = (value: number) => value.toLocaleString(locale);
  const add = (field: string, message: string) => (errors[`autoresponder/${field}`] ??= []).push(message);
  if (!change.subject.trim()) add("subject", t("autoresponderSubjectRequired"));
  if (!change.body.trim()) add("body", t("autoresponderBodyRequired"));
  if (change.subject.length > AUTORESPONDER_LIMITS.subject)
    add("subject", t("autoresponderSubjectTooLong", { max: number(AUTORESPONDER_LIMITS.subject) }));
  if (!isSingleLine(change.subject)) add("subject", t("autoresponderSubjectOneLine"));
  if (change.body.length > AUTORESPONDER_LIMITS.body) add("body", t("autoresponderBodyTooLong", { max: number(AUTORESPONDER_LIMITS.body) }));
  if (change.from.length > AUTORESPONDER_LIMITS.from) add("from", t("autoresponderFromTooLong", { max: number(AUTORESPONDER_LIMITS.from) }));
  if (!isSingleLine(change.from)) add("from", t("autoresponderFromOneLine"));
  else if (/[<>]/.test(change.from)) add("from", t("autoresponderFromBrackets"));
  if (!Number.isInteger(change.intervalHours) || change.intervalHours < 0 || change.intervalHours > AUTORESPONDER_LIMITS.intervalHours) {
    add("intervalHours", t("autoresponderInterval", { max: number(AUTORESPONDER_LIMITS.intervalHours) }));
  }
  if (change.end && change.start && change.end.getTime() <= change.start.getTime()) add("end", t("autoresponderEndBeforeStart"));
  else if (change.end && change.end.getTime() <= now.getTime()) add("end", t("autoresponderEndInPast"));
  return errors;
}
