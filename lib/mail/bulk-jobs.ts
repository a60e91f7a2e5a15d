import "server-only";
import { auditWrite } from "@/lib/audit/write";
import type { Actor } from "@/lib/core/actor";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import type { WriteContext } from "@/lib/core/write-context";
import { jobQueue } from "@/lib/jobs/queue";
import type { JobState } from "@/lib/jobs/types";
import { visibleAccount } from "@/lib/mail/accounts";
import {
  BULK_JOB,
  bulkItemResults,
  bulkResultsCsv,
  MAX_BULK_MAILBOXES,
  parseBulkPayload,
  previewBulkAction,
  startBulkAction,
  type BulkAction,
  type BulkActionKind,
  type BulkPlan,
  type BulkResultRow,
} from "@/lib/mail/bulk-mailboxes";
import {
  FORCE_PASSWORD_JOB,
  forcePasswordResults,
  forcePasswordResultsCsv,
  parseForcePasswordPayload,
  type ForceJobRow,
} from "@/lib/mail/force-password";
import { requireStaff } from "@/lib/mail/guards";
import { translator } from "@/lib/i18n/server";

/** A bulk job as its page and the REST API show it: state and progress, and one result per item. */
export type BulkJobView = {
  id: string;
  title: string;
  state: JobState;
  progress: number;
  progressMessage: string | null;
  lastError: string | null;
  cancelRequested: boolean;
  createdAt: number;
  finishedAt: number | null;
  /** True while it may still change (queued or running): pages refresh, Cancel is offered. */
  active: boolean;
} & (
  | { kind: "mailboxes"; action: BulkActionKind; accountId: string; results: BulkResultRow[] }
  | { kind: "force_password"; accountId: null; results: ForceJobRow[] }
);

/** The job, if `actor` may see it: a bulk mailbox job to whoever sees its account, a batch force-password job to staff. */
async function visibleJob(actor: Actor, jobId: string) {
  const queue = jobQueue();
  const job = /^[\w-]{1,80}$/.test(jobId) ? await queue.get(jobId) : undefined;
  if (!job) throw new NotFoundError("No such job");
  if (job.kind === BULK_JOB) {
    const payload = parseBulkPayload(await queue.payload(jobId));
    if (!payload) throw new NotFoundError("No such job");
    const account = await visibleAccount(actor, payload.accountId);
    return { job, bulk: { payload, account } as const };
  }
  if (job.kind === FORCE_PASSWORD_JOB) {
    requireStaff(actor);
    const payload = parseForcePasswordPayload(await queue.payload(jobId));
    if (!payload) throw new NotFoundError("No such job");
    return { job, force: payload };
  }
  // Other jobs (mail) are the admin's, on /admin/jobs; here they do not exist.
  throw new NotFoundError("No such job");
}

/** A bulk mailbox job or batch force-password job with every item's result, for someone who may see it. */
export async function bulkJobFor(actor: Actor, jobId: string): Promise<BulkJobView> {
  const found = await visibleJob(actor, jobId);
  const { job } = found;
  const active = job.state === "queued" || job.state === "running";
  const base = {
    id: job.id,
    title: job.title,
    state: job.state,
    progress: job.progress,
    progressMessage: job.progressMessage,
    lastError: job.lastError,
    cancelRequested: job.cancelRequested,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    active,
  };
  if ("bulk" in found && found.bulk) {
    const { payload, account } = found.bulk;
    const results = await bulkItemResults(account.id, payload.bulkId, payload.action.kind, {
      emails: payload.emails,
      since: payload.since,
      finished: !active,
    });
    return { ...base, kind: "mailboxes", action: payload.action.kind, accountId: account.id, results };
  }
  return { ...base, kind: "force_password", accountId: null, results: await forcePasswordResults(found.force!, !active) };
}

/** The job's results as CSV, and a file name for it. */
export async function bulkJobCsv(actor: Actor, jobId: string): Promise<{ filename: string; csv: string }> {
  const view = await bulkJobFor(actor, jobId);
  const csv = view.kind === "mailboxes" ? bulkResultsCsv(view.results) : forcePasswordResultsCsv(view.results);
  return { filename: `mailroom-${view.id}.csv`, csv };
}

/** Cancels a queued job or asks a running one to stop after the items it is doing; audited. */
export async function cancelBulkJob(context: WriteContext, jobId: string): Promise<BulkJobView> {
  const found = await visibleJob(context.actor, jobId);
  if (!(await jobQueue().cancel(found.job.id))) {
    const finished = (await translator("Fields"))("jobFinished");
    throw new ValidationError({ form: [finished] }, finished);
  }
  await auditWrite(context, {
    accountId: "bulk" in found && found.bulk ? found.bulk.account.id : null,
    action: "job.cancel",
    target: found.job.id,
    outcome: "success",
  });
  return bulkJobFor(context.actor, jobId);
}

/** A selection that spans accounts (support's search results): addresses grouped by the account they are on. */
export type SelectedMailbox = { accountId: string; email: string };

async function byAccount(selection: SelectedMailbox[]): Promise<Map<string, string[]>> {
  const t = await translator("Fields");
  if (selection.length === 0) throw new ValidationError({ mailboxes: [t("selectMailbox")] });
  if (selection.length > MAX_BULK_MAILBOXES) throw new ValidationError({ mailboxes: [t("selectAtMostMailboxes", { max: MAX_BULK_MAILBOXES })] });
  const groups = new Map<string, string[]>();
  for (const { accountId, email } of selection) groups.set(accountId, [...(groups.get(accountId) ?? []), email]);
  return groups;
}

/** The dry run of each account of a selection (one plan per account, in the order the accounts first appear). */
export async function previewAcrossAccounts(actor: Actor, selection: SelectedMailbox[], action: BulkAction): Promise<BulkPlan[]> {
  const plans: BulkPlan[] = [];
  for (const [accountId, emails] of await byAccount(selection)) plans.push(await previewBulkAction(actor, accountId, emails, action));
  return plans;
}

/**
 * Starts the action on each account of a selection: one job per account (each on its own server's slots). Every
 * account is checked first, so a selection with one account the actor cannot see starts nothing.
 */
export async function startAcrossAccounts(
  context: WriteContext,
  selection: SelectedMailbox[],
  action: BulkAction,
  options: { submissionKey?: string } = {},
): Promise<string[]> {
  const groups = await byAccount(selection);
  for (const accountId of groups.keys()) await visibleAccount(context.actor, accountId);
  const jobIds: string[] = [];
  for (const [accountId, emails] of groups) {
    const key = options.submissionKey ? `${options.submissionKey}:${accountId}` : undefined;
    jobIds.push((await startBulkAction(context, accountId, emails, action, { submissionKey: key })).jobId);
  }
  return jobIds;
}
