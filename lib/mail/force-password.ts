import "server-only";
import { CpanelError } from "@/lib/cpanel";
import type { Actor } from "@/lib/core/actor";
import { findHostingAccount, searchAccounts, type HostingAccount } from "@/lib/db/hosting-accounts";
import { auditWrite } from "@/lib/audit/write";
import { clientForServer } from "@/lib/mail/cpanel-access";
import { ValidationError } from "@/lib/core/errors";
import { requireStaff } from "@/lib/mail/guards";
import { toUpstreamError } from "@/lib/mail/upstream";
import { requireReason, type WriteContext } from "@/lib/core/write-context";

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
  if (ids.length === 0) throw new ValidationError({ accounts: ["Choose at least one account"] });
  if (ids.length > MAX_BATCH_ACCOUNTS) throw new ValidationError({ accounts: [`Choose at most ${MAX_BATCH_ACCOUNTS} accounts`] });
  const accounts = await Promise.all(ids.map((id) => (/^acct_[A-Za-z0-9]+$/.test(id) ? findHostingAccount(id) : Promise.resolve(null))));
  if (accounts.some((a) => !a || a.serverId !== serverId)) {
    throw new ValidationError({ accounts: ["Some accounts no longer exist or are not on this server; reload the page"] });
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
