import "server-only";
import type { Actor } from "@/lib/core/actor";
import { isStaff, type Role } from "@/lib/auth/roles";
import { listAuditEvents, type AuditEvent, type AuditFilter, type AuditOutcome } from "@/lib/audit";
import { accountDomainsByIds, findHostingAccount, searchAccounts } from "@/lib/db/hosting-accounts";
import { findUserByEmail, userEmailsByIds } from "@/lib/db/users";
import { describeAuditEvent, knownAuditActions, matchAuditActions, type AuditWords } from "@/lib/audit/describe";
import { auditWordsForRequest, englishAuditWords } from "@/lib/i18n/audit-words";
import { translator } from "@/lib/i18n/server";
import { visibleAccount } from "@/lib/mail/accounts";
import { requireStaff } from "@/lib/mail/guards";

/** Known audit actions for the Action filter, with their titles in the reader's language (lib/audit/describe words them). */
export async function auditActionChoices(): Promise<{ action: string; label: string }[]> {
  return knownAuditActions(await auditWordsForRequest());
}

/**
 * Who made a change, as the customer may know it: "support" for staff (never the staff member's identity), "you" for
 * the viewer, "owner" for another login of the account, "system" for the panel itself. Pages word it (Activity.by.*).
 */
export type ActivityActor = "support" | "you" | "owner" | "system";

export type ActivityEntry = {
  id: string;
  at: number;
  what: string;
  /** What changed and why it did not work, in the reader's words ("Quota 777 → 1,000 MB."), from allow-listed detail fields only. */
  change: string | null;
  target: string | null;
  outcome: AuditOutcome;
  by: ActivityActor;
  reason: string | null;
};

const PAGE_SIZE = 50;

function inWords(event: AuditEvent, words: AuditWords): { what: string; change: string | null } {
  const { title, detail } = describeAuditEvent(event, words);
  return { what: title, change: detail };
}

export type ActivityPage = { entries: ActivityEntry[]; page: number; hasNext: boolean; account: { id: string; primaryDomain: string } };

function byWhom(event: AuditEvent, viewer: Actor): ActivityActor {
  if (event.actorRole && isStaff(event.actorRole as Role)) return "support";
  if (event.actorUserId && event.actorUserId === viewer.id) return "you";
  return event.actorUserId ? "owner" : "system";
}

/** The trail of one account the actor may see: what was done, when, by whom (staff shown as "Support"), why. */
export async function listAccountActivity(actor: Actor, accountId: string, options: { page?: number } = {}): Promise<ActivityPage> {
  const account = await visibleAccount(actor, accountId);
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const events = await listAuditEvents({ accountId: account.id, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  const words = await auditWordsForRequest();
  return {
    account: { id: account.id, primaryDomain: account.primaryDomain },
    page,
    hasNext: events.length > PAGE_SIZE,
    entries: events.slice(0, PAGE_SIZE).map((e) => ({
      id: e.id,
      at: e.at,
      ...inWords(e, words),
      target: e.target,
      outcome: e.outcome,
      by: byWhom(e, actor),
      reason: e.reason,
    })),
  };
}

export type AuditLogQuery = {
  /** Actor's email (exact, any case). */
  actor?: string;
  /** Account id, primary domain or cPanel user (exact). */
  account?: string;
  action?: string;
  outcome?: string;
  /** YYYY-MM-DD, inclusive, UTC. */
  from?: string;
  /** YYYY-MM-DD, inclusive, UTC. */
  to?: string;
  page?: number;
};

export type AuditLogRow = {
  id: string;
  at: number;
  actorEmail: string | null;
  actorRole: string | null;
  account: { id: string; primaryDomain: string } | null;
  action: string;
  what: string;
  /** What changed and why it did not work, in the reader's words (the CSV's before/after, on screen; English in the CSV path). */
  change: string | null;
  target: string | null;
  outcome: AuditOutcome;
  reason: string | null;
  requestId: string | null;
  detail: Record<string, unknown> | null;
};

export type AuditLogPage = { rows: AuditLogRow[]; page: number; hasNext: boolean; filterProblems: string[] };

const OUTCOMES: readonly AuditOutcome[] = ["success", "failure", "denied", "unknown"];
const DAY_MS = 24 * 60 * 60 * 1000;

function parseDay(value: string | undefined): number | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Turns the page's filter into the audit store's; a filter naming nobody/nothing matches nothing (and says so, in the reader's language). */
async function toFilter(query: AuditLogQuery, words: AuditWords): Promise<{ filter: AuditFilter; empty: boolean; problems: string[] }> {
  const t = await translator("ActivityTexts");
  const filter: AuditFilter = {};
  const problems: string[] = [];
  let empty = false;
  if (query.actor?.trim()) {
    const user = await findUserByEmail(query.actor);
    if (user) filter.actorUserId = user.id;
    else {
      empty = true;
      problems.push(t("noUser", { email: query.actor.trim() }));
    }
  }
  if (query.account?.trim()) {
    const text = query.account.trim().toLowerCase();
    const direct = /^acct_[a-z0-9]+$/i.test(query.account.trim()) ? await findHostingAccount(query.account.trim()) : null;
    const match =
      direct ?? (await searchAccounts({ query: text, limit: 50 })).accounts.find((a) => a.primaryDomain === text || a.cpanelUser === text);
    if (match) filter.accountId = match.id;
    else {
      empty = true;
      problems.push(t("noAccount", { account: query.account.trim() }));
    }
  }
  if (query.action?.trim()) {
    // A code (the filter's list sends one) or the words of an action's title ("mailbox settings").
    const actions = matchAuditActions(query.action, words);
    if (actions.length === 1) filter.action = actions[0];
    else {
      empty = true;
      problems.push(t(actions.length ? "severalActions" : "noAction", { action: query.action.trim() }));
    }
  }
  if (query.outcome && OUTCOMES.includes(query.outcome as AuditOutcome)) filter.outcome = query.outcome as AuditOutcome;
  const since = parseDay(query.from);
  const until = parseDay(query.to);
  if (query.from && since === undefined) problems.push(t("badFrom"));
  if (query.to && until === undefined) problems.push(t("badTo"));
  if (since !== undefined) filter.since = since;
  if (until !== undefined) filter.until = until + DAY_MS;
  return { filter, empty, problems };
}

async function toRows(events: AuditEvent[], words: AuditWords): Promise<AuditLogRow[]> {
  // Two queries per page of events, not two per event: a 50,000-row CSV export made 100 lookups per 500 rows.
  const [emails, domains] = await Promise.all([
    userEmailsByIds(events.map((e) => e.actorUserId).filter((id): id is string => Boolean(id))),
    accountDomainsByIds(events.map((e) => e.accountId).filter((id): id is string => Boolean(id))),
  ]);
  return events.map((e) => ({
    id: e.id,
    at: e.at,
    actorEmail: e.actorUserId ? (emails.get(e.actorUserId) ?? null) : null,
    actorRole: e.actorRole,
    account: e.accountId ? { id: e.accountId, primaryDomain: domains.get(e.accountId) ?? e.accountId } : null,
    action: e.action,
    ...inWords(e, words),
    target: e.target,
    outcome: e.outcome,
    reason: e.reason,
    requestId: e.requestId,
    detail: e.detail,
  }));
}

/** Support's audit log: every event, newest first, filtered and paged (50 a page). */
export async function listAuditLog(actor: Actor, query: AuditLogQuery): Promise<AuditLogPage> {
  requireStaff(actor);
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const words = await auditWordsForRequest();
  const { filter, empty, problems } = await toFilter(query, words);
  if (empty) return { rows: [], page, hasNext: false, filterProblems: problems };
  const events = await listAuditEvents({ ...filter, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  return { rows: await toRows(events.slice(0, PAGE_SIZE), words), page, hasNext: events.length > PAGE_SIZE, filterProblems: problems };
}

/** The most rows one CSV export holds. */
export const MAX_EXPORT_ROWS = 50_000;

function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  // A cell starting with = + - @ (or tab/CR) would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The filtered audit log as CSV text (the header line first, then 500 events' lines per chunk), newest first. Pages continue
 * after the last event read (by time, then id), not at an offset: events written meanwhile are newer, so they
 * neither repeat nor push out rows of a live export.
 */
export async function* auditLogCsv(actor: Actor, query: AuditLogQuery): AsyncGenerator<string> {
  requireStaff(actor);
  // The Action filter's words are matched in the reader's language, as on the page that links here; the file itself
  // is machine-read and stays English (its columns hold codes and raw detail, never the sentences).
  const { filter, empty } = await toFilter(query, await auditWordsForRequest());
  yield (
    ["time_utc", "actor_email", "actor_role", "account_id", "account_domain", "action", "target", "outcome", "reason", "request_id", "detail"].join(
      ",",
    ) + "\r\n"
  );
  if (empty) return;
  const batch = 500;
  let before: AuditFilter["before"];
  for (let exported = 0; exported < MAX_EXPORT_ROWS; exported += batch) {
    const events = await listAuditEvents({ ...filter, limit: batch, before });
    // One chunk per batch: a chunk per line made a 50,000-row export 50,000 round trips through the response stream.
    yield (await toRows(events, englishAuditWords))
      .map(
        (r) =>
          [
            new Date(r.at).toISOString(),
            r.actorEmail,
            r.actorRole,
            r.account?.id,
            r.account?.primaryDomain,
            r.action,
            r.target,
            r.outcome,
            r.reason,
            r.requestId,
            r.detail,
          ]
            .map(csvCell)
            .join(",") + "\r\n",
      )
      .join("");
    if (events.length < batch) return;
    const last = events[events.length - 1]!;
    before = { at: last.at, id: last.id };
  }
}
