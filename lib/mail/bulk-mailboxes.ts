import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import type { AccountClient, Mailbox } from "@/lib/cpanel";
import type { HostingAccount } from "@/lib/db/hosting-accounts";
import type { Actor } from "@/lib/core/actor";
import { auditWrite } from "@/lib/audit/write";
import { csvDocument } from "@/lib/core/csv";
import { NotFoundError, UpstreamError, ValidationError } from "@/lib/core/errors";
import { isStaff } from "@/lib/auth/roles";
import { requireReason, type WriteContext } from "@/lib/core/write-context";
import { jobWriteContext } from "@/lib/mail/job-context";
import { enqueueJob } from "@/lib/jobs/queue";
import type { JobContext, JobHandler, JobHandlers } from "@/lib/jobs/types";
import { visibleAccount } from "@/lib/mail/accounts";
import { auditedCpanelWrite } from "@/lib/mail/audited-write";
import { accountApi } from "@/lib/mail/cpanel-access";
import { forcePasswordJobHandlers } from "@/lib/mail/force-password";
import { endAccountSessions, secureMailbox } from "@/lib/mail/secure-mailbox";
import { bulkConcurrencyPerServer, withServerSlot } from "@/lib/mail/server-slots";
import { fromCpanel } from "@/lib/mail/upstream";
import { runAuditEvents } from "@/lib/mail/run-events";
import { translator } from "@/lib/i18n/server";

/** What a bulk action does to each selected mailbox of one hosting account. */
export type BulkAction =
  | { kind: "set_quota"; quotaMb: number | null }
  | { kind: "suspend_login" }
  | { kind: "unsuspend_login" }
  | { kind: "hold_outgoing" }
  | { kind: "release_outgoing" }
  | { kind: "secure" };

export type BulkActionKind = BulkAction["kind"];
export const BULK_ACTION_KINDS = ["set_quota", "suspend_login", "unsuspend_login", "hold_outgoing", "release_outgoing", "secure"] as const;

/** What each kind does, for job titles and result pages. */
export const BULK_ACTION_TITLES: Record<BulkActionKind, string> = {
  set_quota: "Set quota",
  suspend_login: "Suspend login",
  unsuspend_login: "Unsuspend login",
  hold_outgoing: "Hold outgoing mail",
  release_outgoing: "Release outgoing mail",
  secure: "Secure",
};

/**
 * One line of a dry run: the cPanel call(s) that would be made for a mailbox, or why it is skipped; `note` names the part
 * of a several-call action (secure) that is left out because it is already so.
 */
export type BulkPlanItem = { email: string; call: string | null; skip: string | null; note?: string };

/** A dry run on one account: each mailbox's line, and the calls made once for the whole account (secure, staff). */
export type BulkPlan = { accountId: string; cpanelUser: string; primaryDomain: string; items: BulkPlanItem[]; accountCalls: string[] };

export const MAX_BULK_MAILBOXES = 1000;
export const BULK_JOB = "mailbox.bulk";

export const bulkActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("set_quota"), quotaMb: z.number().int().positive().max(4_194_304).nullable() }),
  z.object({ kind: z.enum(["suspend_login", "unsuspend_login", "hold_outgoing", "release_outgoing", "secure"]) }),
]);
const actionSchema = bulkActionSchema;

const SESSIONS_LATER = "Ended once for the whole hosting account at the end of this bulk run (cPanel cannot end one mailbox's sessions).";

/** The call for one mailbox, or why none is needed (it is already so), from the mailbox as cPanel lists it. */
function planFor(mailbox: Mailbox, action: BulkAction): BulkPlanItem {
  const email = mailbox.email;
  const flag = (already: boolean, fn: string, alreadyText: string): BulkPlanItem =>
    already ? { email, call: null, skip: alreadyText } : { email, call: `UAPI Email::${fn} email=${email}`, skip: null };
  switch (action.kind) {
    case "set_quota":
      return mailbox.quotaMb === action.quotaMb
        ? { email, call: null, skip: "the quota is already so" }
        : { email, call: `UAPI Email::edit_pop_quota email=${email} quota=${action.quotaMb ?? "unlimited"}`, skip: null };
    case "suspend_login":
      return flag(mailbox.suspendLogin, "suspend_login", "login is already suspended");
    case "unsuspend_login":
      return flag(!mailbox.suspendLogin, "unsuspend_login", "login is not suspended");
    case "hold_outgoing":
      return flag(mailbox.holdOutgoing, "hold_outgoing", "outgoing mail is already held");
    case "release_outgoing":
      return flag(!mailbox.holdOutgoing, "release_outgoing", "outgoing mail is not held");
    case "secure": {
      // The steps of lib/mail/secure-mailbox.ts: a restriction that is already so is not sent; the password always is.
      const calls: string[] = [];
      const already: string[] = [];
      if (mailbox.suspendLogin) already.push("login is already suspended");
      else calls.push(`UAPI Email::suspend_login email=${email}`);
      if (mailbox.holdOutgoing) already.push("outgoing mail is already held");
      else calls.push(`UAPI Email::hold_outgoing email=${email}`);
      calls.push(`UAPI Email::passwd_pop email=${email} password=(random, never shown)`);
      return { email, call: calls.join("; "), skip: null, ...(already.length ? { note: already.join("; ") } : {}) };
    }
  }
}

/** The calls made once per account, after every mailbox: ending the IMAP/POP sessions of a secure run (staff only). */
function accountCallsFor(actor: Actor, cpanelUser: string, action: BulkAction): string[] {
  if (action.kind !== "secure" || !isStaff(actor.role)) return [];
  return [`UAPI Email::terminate_mailbox_sessions (once: every mailbox of ${cpanelUser})`];
}

async function planOn(actor: Actor, accountId: string, addresses: string[], action: BulkAction) {
  const parsed = actionSchema.safeParse(action);
  const t = await translator("Fields");
  if (!parsed.success) throw new ValidationError({ action: [t("chooseBulkAction")] });
  const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) throw new ValidationError({ mailboxes: [t("selectMailbox")] });
  if (wanted.length > MAX_BULK_MAILBOXES) throw new ValidationError({ mailboxes: [t("selectAtMostMailboxes", { max: MAX_BULK_MAILBOXES })] });
  const account = await visibleAccount(actor, accountId);
  const api = await accountApi(account);
  const mailboxes = await fromCpanel(account.serverName, () => api.listMailboxes());
  const byEmail = new Map(mailboxes.map((m) => [m.email.toLowerCase(), m]));
  const items = wanted.map((email): BulkPlanItem => {
    const mailbox = byEmail.get(email);
    return mailbox ? planFor(mailbox, action) : { email, call: null, skip: "no such mailbox on this account" };
  });
  return { account, items };
}

/** The dry run: every cPanel call the action would make, for which mailbox, and what is skipped because it is already so. Changes nothing. */
export async function planBulkAction(actor: Actor, accountId: string, addresses: string[], action: BulkAction): Promise<BulkPlanItem[]> {
  return (await planOn(actor, accountId, addresses, action)).items;
}

/** The dry run with the account it is on and the calls made once for the whole account. Changes nothing. */
export async function previewBulkAction(actor: Actor, accountId: string, addresses: string[], action: BulkAction): Promise<BulkPlan> {
  const { account, items } = await planOn(actor, accountId, addresses, action);
  return {
    accountId: account.id,
    cpanelUser: account.cpanelUser,
    primaryDomain: account.primaryDomain,
    items,
    accountCalls: accountCallsFor(actor, account.cpanelUser, action),
  };
}

const payloadSchema = z.object({
  bulkId: z.string(),
  accountId: z.string(),
  actorId: z.string(),
  reason: z.string().optional(),
  via: z.enum(["web", "api", "cli"]),
  action: actionSchema,
  emails: z.array(z.string()),
  /** When the run was started (epoch ms): its audit events are newer, so reading them back starts there. */
  since: z.number().optional(),
});
export type BulkPayload = z.infer<typeof payloadSchema>;

/** The payload of a bulk job, or undefined when it is not one (the job page and REST decide visibility from it). */
export function parseBulkPayload(raw: unknown): BulkPayload | undefined {
  const parsed = payloadSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The run's id: from the form's submission key when there is one (a double submit finds the same job instead of
 * making a second), else random.
 */
function bulkIdOf(actorId: string, submissionKey: string | undefined): string {
  if (!submissionKey) return `bulk_${randomUUID()}`;
  return `bulk_${createHash("sha256").update(`${actorId}:${submissionKey}`).digest("hex").slice(0, 32)}`;
}

/** Every mailbox of the account whose address contains `query` (the list's search), for "select all that match". */
export async function matchingMailboxAddresses(actor: Actor, accountId: string, query: string): Promise<string[]> {
  const account = await visibleAccount(actor, accountId);
  const api = await accountApi(account);
  const wanted = query.trim().toLowerCase();
  const emails = (await fromCpanel(account.serverName, () => api.listMailboxes()))
    .map((m) => m.email.toLowerCase())
    .filter((email) => email.includes(wanted))
    .sort();
  if (emails.length > MAX_BULK_MAILBOXES) {
    throw new ValidationError({
      mailboxes: [`${emails.length} mailboxes match; a bulk action takes at most ${MAX_BULK_MAILBOXES}: narrow the search`],
    });
  }
  return emails;
}

/** Queues the action as one job (its id in every item's audit event); the plan is made again when it runs. */
export async function startBulkAction(
  context: WriteContext,
  accountId: string,
  addresses: string[],
  action: BulkAction,
  options: { submissionKey?: string } = {},
): Promise<{ jobId: string; bulkId: string; planned: BulkPlanItem[] }> {
  const { account, items } = await planOn(context.actor, accountId, addresses, action);
  requireReason(context);
  const bulkId = bulkIdOf(context.actor.id, options.submissionKey);
  const payload: BulkPayload = {
    bulkId,
    accountId: account.id,
    actorId: context.actor.id,
    reason: context.reason,
    via: context.via,
    action,
    emails: items.map((i) => i.email),
    since: Date.now(),
  };
  const quota = action.kind === "set_quota" ? ` to ${action.quotaMb === null ? "unlimited" : `${action.quotaMb} MB`}` : "";
  const { id } = await enqueueJob({
    kind: BULK_JOB,
    key: bulkId,
    title: `${BULK_ACTION_TITLES[action.kind]}${quota}: ${items.length} mailbox${items.length === 1 ? "" : "es"} of ${account.primaryDomain}`,
    payload,
    retry: { attempts: 3, backoffMs: 30_000 },
  });
  return { jobId: id, bulkId, planned: items };
}

/** The items this bulk run finished already (its audit events, success or failure), so a resumed job does each once. */
async function finishedItems(accountId: string, bulkId: string, action: string, since: number | undefined): Promise<Set<string>> {
  const events = await runAuditEvents({ accountId, action, since }, "bulkId", bulkId);
  return new Set(events.filter((e) => e.outcome !== "unknown" && e.target).map((e) => e.target!.toLowerCase()));
}

async function readMailbox(api: AccountClient, email: string): Promise<Mailbox | undefined> {
  const domain = email.slice(email.lastIndexOf("@") + 1);
  return (await api.listMailboxes({ domain })).find((m) => m.email.toLowerCase() === email.toLowerCase());
}

function writeFor(api: AccountClient, email: string, action: Exclude<BulkAction, { kind: "secure" }>): () => Promise<void> {
  switch (action.kind) {
    case "set_quota":
      return () => api.setMailboxQuota(email, action.quotaMb);
    case "suspend_login":
      return () => api.suspendLogin(email);
    case "unsuspend_login":
      return () => api.unsuspendLogin(email);
    case "hold_outgoing":
      return () => api.holdOutgoing(email);
    case "release_outgoing":
      return () => api.releaseOutgoing(email);
  }
}

type ItemRun = { context: WriteContext; account: HostingAccount; api: AccountClient; detail: Record<string, unknown>; auditAction: string };

/** One mailbox of a secure run: every step of "Secure this mailbox" under the run's id, then the item's own audit event. */
async function secureItem(run: ItemRun, item: BulkPlanItem): Promise<void> {
  const { context, account, detail, auditAction } = run;
  const base = { accountId: account.id, action: auditAction, target: item.email };
  try {
    const report = await secureMailbox(context, account.id, item.email, {
      incidentId: String(detail.bulkId),
      ...(isStaff(context.actor.role) ? { sessionsLater: SESSIONS_LATER } : {}),
    });
    const bad = report.steps.filter((s) => s.outcome === "failed" || s.outcome === "unknown");
    await auditWrite(context, {
      ...base,
      outcome: bad.length ? (bad.some((s) => s.outcome === "failed") ? "failure" : "unknown") : "success",
      detail: {
        ...detail,
        call: item.call,
        ...(item.note ? { note: item.note } : {}),
        steps: Object.fromEntries(report.steps.map((s) => [s.id, s.outcome])),
        ...(bad.length ? { error: bad.map((s) => `${s.label}: ${s.detail}`).join(" ") } : {}),
      },
    });
  } catch (error) {
    const message =
      error instanceof UpstreamError || error instanceof NotFoundError ? error.message : "An unexpected error; it is in the server log.";
    await auditWrite(context, { ...base, outcome: "failure", detail: { ...detail, call: item.call, error: message } });
  }
}

async function plainItem(run: ItemRun, item: BulkPlanItem, action: Exclude<BulkAction, { kind: "secure" }>): Promise<void> {
  const { context, account, api, detail, auditAction } = run;
  if (item.call === null) {
    // Nothing sent; audited too, so the results list every item and a resumed job skips it.
    await auditWrite(context, {
      accountId: account.id,
      action: auditAction,
      target: item.email,
      outcome: "success",
      detail: { ...detail, skipped: item.skip },
    });
    return;
  }
  await auditedCpanelWrite({
    context,
    audit: { accountId: account.id, action: auditAction, target: item.email, detail: { ...detail, call: item.call } },
    serverName: account.serverName,
    write: writeFor(api, item.email, action),
    // A lost answer is settled by reading the mailbox back, never by sending again.
    readBack: { read: () => readMailbox(api, item.email), landed: (m) => m !== undefined && planFor(m, action).call === null },
    unknownOutcome: () => `cPanel did not confirm in time whether ${item.email} was changed.`,
  }).catch(() => undefined); // the failure is on the item's audit row; the other items go on
}

/** A secure run by staff ends the account's IMAP/POP sessions once, after the mailboxes (unless an earlier run did). */
async function endSessionsOnce(run: ItemRun, bulkId: string, since: number | undefined): Promise<void> {
  const done = await runAuditEvents({ accountId: run.account.id, action: "mailbox.secure.end_sessions", since }, "incidentId", bulkId);
  if (done.some((e) => e.outcome !== "unknown")) return;
  await endAccountSessions(run.context, run.account.id, bulkId);
}

/**
 * Runs a bulk action: re-plans against cPanel (what is already so is skipped and audited as skipped), skips what an
 * earlier run of this job finished, makes at most BULK_CONCURRENCY_PER_SERVER calls at a time to the account's server
 * (shared with every other bulk job of this process), stops at the next item when the job is cancelled, reports
 * progress, and audits every item under the job's bulk id.
 */
export const runBulkJob: JobHandler = async (raw, job: JobContext) => {
  const payload = payloadSchema.parse(raw);
  const context = await jobWriteContext(payload, job, "bulk action");
  const action = payload.action as BulkAction;
  const auditAction = `mailbox.bulk.${action.kind}`;
  const since = payload.since;
  const { account, items } = await planOn(context.actor, payload.accountId, payload.emails, action);
  const done = await finishedItems(account.id, payload.bulkId, auditAction, since);
  const api = await accountApi(account);
  const run: ItemRun = { context, account, api, detail: { bulkId: payload.bulkId, jobId: job.jobId }, auditAction };
  const todo = items.filter((i) => !done.has(i.email));
  let finished = items.length - todo.length;
  const report = async () => job.progress(Math.floor((finished / Math.max(1, items.length)) * 100), `${finished} of ${items.length} mailboxes`);
  let next = 0;
  const worker = async () => {
    while (next < todo.length && !job.signal.aborted) {
      const item = todo[next++]!;
      await withServerSlot(account.serverName, () => (action.kind === "secure" ? secureItem(run, item) : plainItem(run, item, action)));
      finished += 1;
      await report();
    }
  };
  await Promise.all(Array.from({ length: bulkConcurrencyPerServer() }, worker));
  if (job.signal.aborted) throw new Error("cancelled");
  if (action.kind === "secure" && isStaff(context.actor.role)) {
    await withServerSlot(account.serverName, () => endSessionsOnce(run, payload.bulkId, since));
  }
};

/** How one item of a bulk run ended: `pending` while the job may still reach it, `not_done` once it cannot. */
export type BulkItemOutcome = "success" | "skipped" | "failure" | "unknown" | "pending" | "not_done";
export type BulkResultRow = { email: string; outcome: BulkItemOutcome; call: string | null; skipped: string | null; error: string | null };

/**
 * One result line per item of a bulk run, from the audit log, in the order of the selection. With `emails` (the run's
 * items) every item has a line: those without an event are `pending` (the job may still run) or `not_done`.
 */
export async function bulkItemResults(
  accountId: string,
  bulkId: string,
  kind: BulkActionKind,
  options: { emails?: string[]; since?: number; finished?: boolean } = {},
): Promise<BulkResultRow[]> {
  const events = await runAuditEvents({ accountId, action: `mailbox.bulk.${kind}`, since: options.since }, "bulkId", bulkId);
  const byEmail = new Map<string, BulkResultRow>();
  for (const e of events) {
    const email = (e.target ?? "").toLowerCase();
    byEmail.set(email, {
      email,
      outcome: e.detail?.skipped ? "skipped" : e.outcome === "success" || e.outcome === "unknown" ? e.outcome : "failure",
      call: typeof e.detail?.call === "string" ? e.detail.call : null,
      skipped: typeof e.detail?.skipped === "string" ? e.detail.skipped : typeof e.detail?.note === "string" ? e.detail.note : null,
      error: typeof e.detail?.error === "string" ? e.detail.error : null,
    });
  }
  if (!options.emails) return [...byEmail.values()];
  const missing = options.finished ? "not_done" : "pending";
  return options.emails.map(
    (email) => byEmail.get(email.toLowerCase()) ?? { email: email.toLowerCase(), outcome: missing, call: null, skipped: null, error: null },
  );
}

/** One result line per item of a bulk run (for the page and its CSV), from the audit log; the actor must see the account. */
export async function bulkResults(actor: Actor, accountId: string, bulkId: string, kind: BulkActionKind): Promise<BulkResultRow[]> {
  const account = await visibleAccount(actor, accountId);
  return bulkItemResults(account.id, bulkId, kind);
}

/** The results as CSV (one line per item). */
export function bulkResultsCsv(rows: BulkResultRow[]): string {
  return csvDocument(
    ["mailbox", "outcome", "call", "skipped", "error"],
    rows.map((r) => [r.email, r.outcome, r.call, r.skipped, r.error]),
  );
}

/** The job handlers of bulk actions (on mailboxes, and the batch force-password change), for the worker (instrumentation-node.ts). */
export const bulkJobHandlers: JobHandlers = { [BULK_JOB]: runBulkJob, ...forcePasswordJobHandlers };
