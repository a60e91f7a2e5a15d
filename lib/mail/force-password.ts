import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { CpanelError } from "@/lib/cpanel";
import type { Actor } from "@/lib/core/actor";
import { findHostingAccount, searchAccounts, type HostingAccount } from "@/lib/db/hosting-accounts";
import { auditWrite } from "@/lib/audit/write";
import { clientForServer } from "@/lib/mail/cpanel-access";
import { ValidationError } from "@/lib/core/errors";
import { csvDocument } from "@/lib/core/csv";
import { jobWriteContext } from "@/lib/mail/job-context";
import { enqueueJob } from "@/lib/jobs/queue";
import type { JobContext, JobHandler, JobHandlers } from "@/lib/jobs/types";
import { runAuditEvents } from "@/lib/mail/run-events";
import { withServerSlot } from "@/lib/mail/server-slots";
import { requireStaff } from "@/lib/mail/guards";
import { toUpstreamError } from "@/lib/mail/upstream";
import { requireReason, type WriteContext } from "@/lib/core/write-context";
import { translator } from "@/lib/i18n/server";

/** The most accounts one batch may hold (one WHM call per server carries them all). */
export const MAX_BATCH_ACCOUNTS = 500;

export type BatchAccount = { id: string; cpanelUser: string; primaryDomain: string };
export type BatchServer = { serverId: string; serverName: string; accounts: BatchAccount[] };

/**
 * Per account: updated, already required (cPanel had the flag set: nothing to do, not a failure), failed (with
 * cPanel's reason), not attempted (stopped at an earlier failure, or the call was refused), or unknown (no answer).
 */
export type ForceOutcome = "updated" | "already" | "failed" | "skipped" | "unknown";
export type ForceResult = BatchAccount & { serverName: string; outcome: ForceOutcome; reason: string | null };

/**
 * The accounts of a batch grouped by server, in a stable order: explicit ids, or every account matching a
 * search (at most MAX_BATCH_ACCOUNTS). Unknown ids are dropped and counted.
 */
export async function planForcePasswordChange(
  actor: Actor,
  input: { accountIds?: string[]; query?: string },
): Promise<{ servers: BatchServer[]; missing: number; truncated: boolean }> {
  requireStaff(actor);
  let accounts: HostingAccount[] = [];
  let missing = 0;
  let truncated = false;
  if (input.accountIds?.length) {
    const ids = [...new Set(input.accountIds)].slice(0, MAX_BATCH_ACCOUNTS);
    truncated = new Set(input.accountIds).size > ids.length;
    const found = await Promise.all(ids.map((id) => (/^acct_[A-Za-z0-9]+$/.test(id) ? findHostingAccount(id) : Promise.resolve(null))));
    accounts = found.filter((a): a is HostingAccount => a !== null);
    missing = ids.length - accounts.length;
  } else if (input.query?.trim()) {
    const result = await searchAccounts({ query: input.query.trim(), limit: MAX_BATCH_ACCOUNTS });
    accounts = result.accounts;
    truncated = result.total > accounts.length;
  }
  const byServer = new Map<string, BatchServer>();
  for (const a of accounts) {
    const server = byServer.get(a.serverId) ?? { serverId: a.serverId, serverName: a.serverName, accounts: [] };
    server.accounts.push({ id: a.id, cpanelUser: a.cpanelUser, primaryDomain: a.primaryDomain });
    byServer.set(a.serverId, server);
  }
  const servers = [...byServer.values()].sort((x, y) => x.serverName.localeCompare(y.serverName));
  for (const s of servers) s.accounts.sort((x, y) => x.cpanelUser.localeCompare(y.cpanelUser));
  return { servers, missing, truncated };
}

const ALREADY = "A password change was already required; nothing to do.";
const STOPPED = "Not attempted: cPanel stopped at the first failure before reaching it (or it was already required; cPanel's answer does not say).";
const REFUSED = "Not attempted: cPanel refused the whole batch because of another account in it.";

/**
 * Forces a password change at next login for accounts of one server with a single WHM `forcepasswordchange`
 * call (users_json, stop_on_failure). Every account gets its own result and its own audit event; a failure
 * of the call itself (server down, timeout) is reported on each of its accounts, not as a blanket error.
 */
export async function forcePasswordChangeOnServer(
  context: WriteContext,
  serverId: string,
  accountIds: string[],
  options: { stopOnFailure: boolean; batchId?: string },
): Promise<ForceResult[]> {
  requireStaff(context.actor);
  requireReason(context);
  const ids = [...new Set(accountIds)];
  const t = await translator("Fields");
  if (ids.length === 0) throw new ValidationError({ accounts: [t("chooseAccount")] });
  if (ids.length > MAX_BATCH_ACCOUNTS) throw new ValidationError({ accounts: [t("chooseAtMostAccounts", { max: MAX_BATCH_ACCOUNTS })] });
  const accounts = await Promise.all(ids.map((id) => (/^acct_[A-Za-z0-9]+$/.test(id) ? findHostingAccount(id) : Promise.resolve(null))));
  if (accounts.some((a) => !a || a.serverId !== serverId)) {
    throw new ValidationError({ accounts: [t("accountsGone")] });
  }
  const batch = accounts as HostingAccount[];
  const serverName = batch[0]!.serverName;
  const users = batch.map((a) => a.cpanelUser);
  const detail = { batchId: options.batchId, stopOnFailure: options.stopOnFailure, batchSize: ids.length };

  let results: ForceResult[];
  try {
    const whm = (await clientForServer(serverId)).whm;
    const answer = await whm.forcePasswordChange(users, { stopOnFailure: options.stopOnFailure });
    const failed = new Map(answer.failed.map((f) => [f.user, f.reason]));
    const refused = answer.updated.length === 0 && answer.failed.some((f) => f.reason.startsWith("Invalid user(s):"));
    results = batch.map((a) => {
      const base = { id: a.id, cpanelUser: a.cpanelUser, primaryDomain: a.primaryDomain, serverName };
      if (answer.updated.includes(a.cpanelUser)) return { ...base, outcome: "updated" as const, reason: null };
      if (answer.alreadySet.includes(a.cpanelUser)) return { ...base, outcome: "already" as const, reason: ALREADY };
      const reason = failed.get(a.cpanelUser);
      if (reason !== undefined) {
        const text = refused ? `cPanel does not know this account, or the server's token may not manage it (${reason})` : reason;
        return { ...base, outcome: "failed" as const, reason: text };
      }
      return { ...base, outcome: "skipped" as const, reason: refused ? REFUSED : STOPPED };
    });
  } catch (error) {
    const unknown = error instanceof CpanelError && error.outcomeUnknown;
    const upstream = toUpstreamError(error, serverName);
    const message = unknown
      ? `WHM on “${serverName}” did not answer in time: the change may or may not have been made.`
      : upstream instanceof Error
        ? upstream.message
        : "The server could not be asked.";
    results = batch.map((a) => ({
      id: a.id,
      cpanelUser: a.cpanelUser,
      primaryDomain: a.primaryDomain,
      serverName,
      outcome: unknown ? ("unknown" as const) : ("failed" as const),
      reason: message,
    }));
  }

  for (const r of results) {
    if (r.outcome === "skipped") continue; // nothing was done to it
    if (r.outcome === "already") {
      await auditWrite(context, {
        accountId: r.id,
        action: "account.password.force_change",
        target: r.cpanelUser,
        outcome: "success",
        detail: { ...detail, alreadyRequired: true },
      });
      continue;
    }
    await auditWrite(context, {
      accountId: r.id,
      action: "account.password.force_change",
      target: r.cpanelUser,
      outcome: r.outcome === "updated" ? "success" : r.outcome === "unknown" ? "unknown" : "failure",
      detail: r.reason ? { ...detail, message: r.reason } : detail,
    });
  }
  return results;
}

export const FORCE_PASSWORD_JOB = "account.force_password";
const FORCE_ACTION = "account.password.force_change";

const forcePayloadSchema = z.object({
  batchId: z.string(),
  actorId: z.string(),
  reason: z.string().optional(),
  via: z.enum(["web", "api", "cli"]),
  stopOnFailure: z.boolean(),
  servers: z.array(
    z.object({
      serverId: z.string(),
      serverName: z.string(),
      accounts: z.array(z.object({ id: z.string(), cpanelUser: z.string(), primaryDomain: z.string() })),
    }),
  ),
  since: z.number(),
});
export type ForcePasswordPayload = z.infer<typeof forcePayloadSchema>;

/** The payload of a batch force-password job, or undefined when it is not one. */
export function parseForcePasswordPayload(raw: unknown): ForcePasswordPayload | undefined {
  const parsed = forcePayloadSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Queues a batch force-password-change (staff, with a reason) as one job: the accounts chosen by id or by a search,
 * one WHM call per server when it runs. A double submit with the same submission key finds the same job.
 */
export async function startForcePasswordChange(
  context: WriteContext,
  input: { accountIds?: string[]; query?: string },
  options: { stopOnFailure: boolean; submissionKey?: string },
): Promise<{ jobId: string; batchId: string; total: number }> {
  requireStaff(context.actor);
  requireReason(context);
  const plan = await planForcePasswordChange(context.actor, input);
  const total = plan.servers.reduce((n, s) => n + s.accounts.length, 0);
  if (total === 0) throw new ValidationError({ accounts: [(await translator("Fields"))("chooseAccount")] });
  const batchId = options.submissionKey
    ? createHash("sha256").update(`${context.actor.id}:${options.submissionKey}`).digest("hex").slice(0, 32)
    : randomUUID();
  const payload: ForcePasswordPayload = {
    batchId,
    actorId: context.actor.id,
    reason: context.reason,
    via: context.via,
    stopOnFailure: options.stopOnFailure,
    servers: plan.servers,
    since: Date.now(),
  };
  const { id } = await enqueueJob({
    kind: FORCE_PASSWORD_JOB,
    key: `force_${batchId}`,
    title: `Force a cPanel password change: ${total} account${total === 1 ? "" : "s"} on ${plan.servers.length} server${plan.servers.length === 1 ? "" : "s"}`,
    payload,
    retry: { attempts: 3, backoffMs: 30_000 },
  });
  return { jobId: id, batchId, total };
}

/**
 * Runs a batch force-password job: one WHM call per server (in a per-server slot), skipping the servers an earlier run of
 * this job already asked (their accounts have audit events under the batch id); with stopOnFailure, the servers after a
 * failed or unconfirmed account are not asked. Stops between servers when cancelled.
 */
export const runForcePasswordJob: JobHandler = async (raw, job: JobContext) => {
  const payload = forcePayloadSchema.parse(raw);
  const context = await jobWriteContext(payload, job, "batch");
  const events = await runAuditEvents({ action: FORCE_ACTION, since: payload.since }, "batchId", payload.batchId);
  const asked = new Set(events.map((e) => e.accountId));
  let stopped = payload.stopOnFailure && events.some((e) => e.outcome !== "success");
  const total = payload.servers.reduce((n, s) => n + s.accounts.length, 0);
  let done = 0;
  for (const server of payload.servers) {
    if (job.signal.aborted) break;
    const ids = server.accounts.map((a) => a.id);
    if (!stopped && !ids.some((id) => asked.has(id))) {
      const results = await withServerSlot(server.serverName, () =>
        forcePasswordChangeOnServer(context, server.serverId, ids, { stopOnFailure: payload.stopOnFailure, batchId: payload.batchId }),
      );
      if (payload.stopOnFailure && results.some((r) => r.outcome === "failed" || r.outcome === "unknown")) stopped = true;
    }
    done += server.accounts.length;
    await job.progress(Math.floor((done / Math.max(1, total)) * 100), `${done} of ${total} accounts`);
  }
  if (job.signal.aborted) throw new Error("cancelled");
};

/** How one account of a batch ended; `pending` while the job may still reach it. */
export type ForceJobOutcome = ForceOutcome | "pending";
export type ForceJobRow = BatchAccount & { serverName: string; outcome: ForceJobOutcome; reason: string | null };

/** One result line per account of a batch job, from the audit log (`finished`: accounts without an event were not attempted). */
export async function forcePasswordResults(payload: ForcePasswordPayload, finished: boolean): Promise<ForceJobRow[]> {
  const events = await runAuditEvents({ action: FORCE_ACTION, since: payload.since }, "batchId", payload.batchId);
  const byAccount = new Map(events.map((e) => [e.accountId, e]));
  return payload.servers.flatMap((server) =>
    server.accounts.map((a): ForceJobRow => {
      const base = { ...a, serverName: server.serverName };
      const e = byAccount.get(a.id);
      const message = typeof e?.detail?.message === "string" ? e.detail.message : null;
      if (!e) return { ...base, outcome: finished ? "skipped" : "pending", reason: finished ? "Not attempted." : null };
      if (e.detail?.alreadyRequired) return { ...base, outcome: "already", reason: ALREADY };
      if (e.outcome === "success") return { ...base, outcome: "updated", reason: null };
      return { ...base, outcome: e.outcome === "unknown" ? "unknown" : "failed", reason: message };
    }),
  );
}

/** The batch's results as CSV (one line per account). */
export function forcePasswordResultsCsv(rows: ForceJobRow[]): string {
  return csvDocument(
    ["account", "cpanel_user", "server", "outcome", "reason"],
    rows.map((r) => [r.primaryDomain, r.cpanelUser, r.serverName, r.outcome, r.reason]),
  );
}

/** The job handler of the batch force-password-change, for the worker (instrumentation-node.ts). */
export const forcePasswordJobHandlers: JobHandlers = { [FORCE_PASSWORD_JOB]: runForcePasswordJob };
