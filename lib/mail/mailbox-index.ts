import "server-only";
import { z } from "zod";
import { listAccountsOnServer } from "@/lib/db/hosting-accounts";
import { findIndexedMailboxes, mailboxIndexRefreshes, replaceServerMailboxes, type MailboxIndexRefresh } from "@/lib/db/mailbox-addresses";
import { findServerById, type Server } from "@/lib/db/servers";
import { enqueueJob } from "@/lib/jobs/queue";
import type { JobContext, JobHandler, JobHandlers } from "@/lib/jobs/types";
import { clientForServer } from "@/lib/mail/cpanel-access";

/**
 * The mailbox index: every imported account's mailbox addresses (WHM list_pops_for), one job per server on the queue.
 * Support's address search reads it instead of asking every server (50 servers: 50 WHM calls per search, as slow as
 * the slowest server). A server's part younger than MAILBOX_INDEX_MAX_AGE_MS is trusted; an older one is asked live.
 */
export const MAILBOX_INDEX_JOB = "mailbox-index.refresh";
/** A server's part of the index is refreshed once it is this old (when support searches, or after an import). */
export const MAILBOX_INDEX_REFRESH_MS = 15 * 60_000;
/** Older than this, a server's part is not used: the search asks that server live. */
export const MAILBOX_INDEX_MAX_AGE_MS = 60 * 60_000;
/** list_pops_for calls of one refresh at a time (one server): the refresh must not crowd out people's requests. */
export const MAILBOX_INDEX_CONCURRENCY = 4;

/** Runs `work` over `items`, at most `limit` at a time; answers the results in order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>, signal?: AbortSignal): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      signal?.throwIfAborted();
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export type MailboxIndexOutcome = { server: string; accounts: number; addresses: number; failedAccounts: number };

/**
 * Reads every imported account's addresses on one server (at most MAILBOX_INDEX_CONCURRENCY calls at a time) and
 * replaces the server's part of the index; an account that cannot be read keeps its earlier rows. Throws (the job then
 * retries) when no account could be read, so a server that is down keeps its last good index.
 */
export async function refreshMailboxIndex(server: Server, options: { signal?: AbortSignal; now?: () => number } = {}): Promise<MailboxIndexOutcome> {
  const now = options.now ?? Date.now;
  const accounts = await listAccountsOnServer(server.id);
  const whm = (await clientForServer(server.id, options.signal ? { signal: options.signal } : {})).whm;
  const read = await mapBounded(
    accounts,
    MAILBOX_INDEX_CONCURRENCY,
    async (account) => {
      try {
        return { account, addresses: await whm.listMailboxAddresses(account.cpanelUser) };
      } catch {
        return { account, addresses: null };
      }
    },
    options.signal,
  );
  const failed = read.filter((r) => r.addresses === null).map((r) => r.account.id);
  if (accounts.length > 0 && failed.length === accounts.length) throw new Error(`No account's mailboxes could be read on ${server.name}`);
  const rows = read.flatMap((r) => (r.addresses ?? []).map((address) => ({ accountId: r.account.id, address })));
  await replaceServerMailboxes(server.id, rows, { refreshedAt: now(), accounts: accounts.length, keepAccountIds: failed });
  return { server: server.name, accounts: accounts.length, addresses: rows.length, failedAccounts: failed.length };
}

/** Queues a refresh of one server's part (once per MAILBOX_INDEX_REFRESH_MS window: enqueueing again is a no-op). */
export async function enqueueMailboxIndexRefresh(server: { id: string; name: string }, now = Date.now()): Promise<{ id: string; created: boolean }> {
  return enqueueJob({
    kind: MAILBOX_INDEX_JOB,
    key: `mailbox-index:${server.id}:${Math.floor(now / MAILBOX_INDEX_REFRESH_MS)}`,
    title: `Refresh the mailbox index of ${server.name}`,
    payload: { serverId: server.id },
    retry: { attempts: 3, backoffMs: 60_000 },
  });
}

export type IndexedAnswer = {
  /** Servers whose part of the index answered (fresh enough), and the oldest refresh among them. */
  indexedServerIds: string[];
  oldestRefreshAt: number | null;
  matches: Awaited<ReturnType<typeof findIndexedMailboxes>>;
};

/**
 * Looks `needle` up in the index for the servers whose part is fresh enough, and queues a refresh for every server whose
 * part is due (or missing). The caller asks the other servers live.
 */
export async function searchMailboxIndex(needle: string, servers: Server[], now = Date.now()): Promise<IndexedAnswer> {
  const refreshes = await mailboxIndexRefreshes();
  const fresh = servers.filter((s) => isFresh(refreshes.get(s.id), now));
  const due = servers.filter(
    (s) => s.disabledAt === null && s.authMode === "whm" && now - (refreshes.get(s.id)?.refreshedAt ?? 0) >= MAILBOX_INDEX_REFRESH_MS,
  );
  await Promise.all(due.map((s) => enqueueMailboxIndexRefresh(s, now)));
  const oldest = fresh.length ? Math.min(...fresh.map((s) => refreshes.get(s.id)!.refreshedAt)) : null;
  const matches = await findIndexedMailboxes(
    needle,
    fresh.map((s) => s.id),
  );
  return { indexedServerIds: fresh.map((s) => s.id), oldestRefreshAt: oldest, matches };
}

function isFresh(refresh: MailboxIndexRefresh | undefined, now: number): boolean {
  return refresh !== undefined && now - refresh.refreshedAt < MAILBOX_INDEX_MAX_AGE_MS;
}

const payloadSchema = z.object({ serverId: z.string() });

/** The job: refreshes one server's part of the index (a server removed or disabled meanwhile is skipped). */
export const runMailboxIndexJob: JobHandler = async (raw, job: JobContext) => {
  const { serverId } = payloadSchema.parse(raw);
  const server = await findServerById(serverId);
  if (!server || server.disabledAt !== null || server.authMode !== "whm") return;
  const outcome = await refreshMailboxIndex(server, { signal: job.signal });
  await job.progress(
    100,
    `${outcome.addresses} addresses of ${outcome.accounts} accounts${outcome.failedAccounts ? `, ${outcome.failedAccounts} unread` : ""}`,
  );
};

/** The job handlers of the mailbox index, for the worker (instrumentation-node.ts). */
export const mailboxIndexJobHandlers: JobHandlers = { [MAILBOX_INDEX_JOB]: runMailboxIndexJob };
