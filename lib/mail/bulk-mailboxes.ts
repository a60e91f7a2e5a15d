import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AccountClient, Mailbox } from "@/lib/cpanel";
import type { Actor } from "@/lib/core/actor";
import { listAuditEvents } from "@/lib/audit";
import { auditWrite } from "@/lib/audit/write";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { requireReason, type WriteContext } from "@/lib/core/write-context";
import { findUserById } from "@/lib/db/users";
import { enqueueJob } from "@/lib/jobs/queue";
import type { JobContext, JobHandler, JobHandlers } from "@/lib/jobs/types";
import { visibleAccount } from "@/lib/mail/accounts";
import { auditedCpanelWrite } from "@/lib/mail/audited-write";
import { accountApi } from "@/lib/mail/cpanel-access";
import { fromCpanel } from "@/lib/mail/upstream";

/** What a bulk action does to each selected mailbox of one hosting account. */
export type BulkAction =
  | { kind: "set_quota"; quotaMb: number | null }
  | { kind: "suspend_login" }
  | { kind: "unsuspend_login" }
  | { kind: "hold_outgoing" }
  | { kind: "release_outgoing" };

/** One line of a dry run: the cPanel call that would be made for a mailbox, or why it is skipped. */
export type BulkPlanItem = { email: string; call: string | null; skip: string | null };

export const MAX_BULK_MAILBOXES = 1000;
/** At most this many cPanel calls of one job at a time (one job = one account = one server). */
export const BULK_CONCURRENCY = 4;
export const BULK_JOB = "mailbox.bulk";

const actionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("set_quota"), quotaMb: z.number().int().positive().nullable() }),
  z.object({ kind: z.enum(["suspend_login", "unsuspend_login", "hold_outgoing", "release_outgoing"]) }),
]);

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
  }
}

async function planOn(actor: Actor, accountId: string, addresses: string[], action: BulkAction) {
  const parsed = actionSchema.safeParse(action);
  if (!parsed.success) throw new ValidationError({ action: ["Choose an action (and a quota in MB for a quota change)"] });
  const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) throw new ValidationError({ mailboxes: ["Select at least one mailbox"] });
  if (wanted.length > MAX_BULK_MAILBOXES) throw new ValidationError({ mailboxes: [`Select at most ${MAX_BULK_MAILBOXES} mailboxes`] });
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

const payloadSchema = z.object({
  bulkId: z.string(),
  accountId: z.string(),
  actorId: z.string(),
  reason: z.string().optional(),
  via: z.enum(["web", "api", "cli"]),
  action: actionSchema,
  emails: z.array(z.string()),
});
type BulkPayload = z.infer<typeof payloadSchema>;

/** Queues the action as one job (its id in every item's audit event); the plan is made again when it runs. */
export async function startBulkAction(
  context: WriteContext,
  accountId: string,
  addresses: string[],
  action: BulkAction,
): Promise<{ jobId: string; bulkId: string; planned: BulkPlanItem[] }> {
  const { account, items } = await planOn(context.actor, accountId, addresses, action);
  requireReason(context);
  const bulkId = `bulk_${randomUUID()}`;
  const payload: BulkPayload = {
    bulkId,
    accountId: account.id,
    actorId: context.actor.id,
    reason: context.reason,
    via: context.via,
    action,
    emails: items.map((i) => i.email),
  };
  const { id } = await enqueueJob({
    kind: BULK_JOB,
    key: bulkId,
    title: `${action.kind.replace("_", " ")} for ${items.length} mailboxes of ${account.cpanelUser}`,
    payload,
    retry: { attempts: 3, backoffMs: 30_000 },
  });
  return { jobId: id, bulkId, planned: items };
}

/** The items this bulk run finished already (its audit events, success or failure), so a resumed job does each once. */
async function finishedItems(accountId: string, bulkId: string, action: string): Promise<Set<string>> {
  const done = new Set<string>();
  let before: { at: number; id: string } | undefined;
  for (;;) {
    const page = await listAuditEvents({ accountId, action, limit: 500, ...(before ? { before } : {}) });
    for (const e of page) if (e.detail?.bulkId === bulkId && e.outcome !== "unknown" && e.target) done.add(e.target.toLowerCase());
    if (page.length < 500) return done;
    const last = page[page.length - 1]!;
    before = { at: last.at, id: last.id };
  }
}

async function readMailbox(api: AccountClient, email: string): Promise<Mailbox | undefined> {
  const domain = email.slice(email.lastIndexOf("@") + 1);
  return (await api.listMailboxes({ domain })).find((m) => m.email.toLowerCase() === email.toLowerCase());
}

function writeFor(api: AccountClient, email: string, action: BulkAction): () => Promise<void> {
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

/**
 * Runs a bulk action: re-plans against cPanel (what is already so is skipped and audited as skipped), skips what an
 * earlier run of this job finished, writes at most BULK_CONCURRENCY calls at a time, stops at the next item when the
 * job is cancelled, reports progress, and audits every item under the job's bulk id.
 */
export const runBulkJob: JobHandler = async (raw, job: JobContext) => {
  const payload = payloadSchema.parse(raw);
  const user = await findUserById(payload.actorId);
  if (!user || user.lockedAt) throw new NotFoundError("The person who started this bulk action can no longer act");
  const context: WriteContext = {
    actor: { id: user.id, email: user.email, name: user.name, role: user.role },
    reason: payload.reason,
    via: payload.via,
    requestId: job.jobId,
  };
  const action = payload.action as BulkAction;
  const auditAction = `mailbox.bulk.${action.kind}`;
  const { account, items } = await planOn(context.actor, payload.accountId, payload.emails, action);
  const done = await finishedItems(account.id, payload.bulkId, auditAction);
  const api = await accountApi(account);
  const todo = items.filter((i) => !done.has(i.email));
  let finished = items.length - todo.length;
  const report = async () => job.progress(Math.floor((finished / Math.max(1, items.length)) * 100), `${finished} of ${items.length} mailboxes`);
  const detail = { bulkId: payload.bulkId, jobId: job.jobId };
  let next = 0;
  const worker = async () => {
    while (next < todo.length && !job.signal.aborted) {
      const item = todo[next++]!;
      if (item.call === null) {
        // Nothing sent; audited too, so the results list every item and a resumed job skips it.
        await auditWrite(context, {
          accountId: account.id,
          action: auditAction,
          target: item.email,
          outcome: "success",
          detail: { ...detail, skipped: item.skip },
        });
      } else {
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
      finished += 1;
      await report();
    }
  };
  await Promise.all(Array.from({ length: BULK_CONCURRENCY }, worker));
  if (job.signal.aborted) throw new Error("cancelled");
};

/** One result line per item of a bulk run (for the page and its CSV), from the audit log. */
export async function bulkResults(
  actor: Actor,
  accountId: string,
  bulkId: string,
  kind: BulkAction["kind"],
): Promise<Array<{ email: string; outcome: string; call: string | null; skipped: string | null; error: string | null }>> {
  const account = await visibleAccount(actor, accountId);
  const action = `mailbox.bulk.${kind}`;
  const events = await listAuditEvents({ accountId: account.id, action, limit: 500 });
  return events
    .filter((e) => e.detail?.bulkId === bulkId)
    .reverse()
    .map((e) => ({
      email: e.target ?? "",
      outcome: e.detail?.skipped ? "skipped" : e.outcome,
      call: typeof e.detail?.call === "string" ? e.detail.call : null,
      skipped: typeof e.detail?.skipped === "string" ? e.detail.skipped : null,
      error: typeof e.detail?.error === "string" ? e.detail.error : null,
    }));
}

/** The results as CSV (one line per item). */
export function bulkResultsCsv(rows: Awaited<ReturnType<typeof bulkResults>>): string {
  const cell = (v: string | null) =>
    v === null ? "" : /[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v;
  return (
    ["mailbox,outcome,call,skipped,error", ...rows.map((r) => [r.email, r.outcome, r.call, r.skipped, r.error].map(cell).join(","))].join("\r\n") +
    "\r\n"
  );
}

/** The job handlers of bulk mailbox actions, for the worker (instrumentation-node.ts). */
export const bulkJobHandlers: JobHandlers = { [BULK_JOB]: runBulkJob };
