import "server-only";
import { setMaxListeners } from "node:events";
import { CpanelAbortedError, type DeliveryKind, type DeliveryRecord } from "@/lib/cpanel";
import type { Actor } from "@/lib/core/actor";
import { isStaff } from "@/lib/auth/roles";
import { findHostingAccountsByCpanelUser, type HostingAccount } from "@/lib/db/hosting-accounts";
import { listServers } from "@/lib/db/servers";
import { visibleAccount } from "@/lib/mail/accounts";
import { auditedCpanelWrite } from "@/lib/mail/audited-write";
import { accountApi, clientForServer } from "@/lib/mail/cpanel-access";
import { requireStaff } from "@/lib/mail/guards";
import { findMailbox } from "@/lib/mail/mailboxes";
import { updateMailbox } from "@/lib/mail/mailbox-options";
import { fromCpanel } from "@/lib/mail/upstream";
import { requireReason, type WriteContext } from "@/lib/core/write-context";
import { UpstreamError } from "@/lib/core/errors";

/** Sent, failed and deferred messages in one window. */
export type DeliveryCounts = { sent: number; failed: number; deferred: number };

/** Staff's view of one mailbox's outgoing mail, from WHM `emailtrack_search` (bounded calls only). */
export type OutgoingStats = {
  lastHour: DeliveryCounts;
  last24Hours: DeliveryCounts;
  /** Recipient domains of the most recent messages (at most `sampleSize`) in the last 24 hours, most first. */
  topDomains: Array<{ domain: string; count: number }>;
  sampleSize: number;
};

/** The outgoing-mail card of a mailbox. */
export type OutgoingMail = {
  email: string;
  holdOutgoing: boolean;
  suspendOutgoing: boolean;
  /** Messages waiting in the hold queue; null when cPanel could not tell. */
  heldCount: number | null;
  heldError: string | null;
  /** Staff only; null for customers, or when the server could not be asked (`statsError`). */
  stats: OutgoingStats | null;
  statsError: string | null;
};

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
/** How many of the last 24 hours' records are read to rank recipient domains (one chunk: never the whole log). */
const DOMAIN_SAMPLE = 500;
const TOP_DOMAINS = 5;

function errorText(error: unknown): string {
  if (error instanceof CpanelAbortedError) return "The server's delivery log did not answer in time.";
  return error instanceof UpstreamError ? error.message : "cPanel could not be asked.";
}

async function countsSince(whm: Awaited<ReturnType<typeof clientForServer>>["whm"], sender: string, since: Date): Promise<DeliveryCounts> {
  const count = async (kind: DeliveryKind) => (await whm.searchDeliveries({ sender, since, kinds: [kind], limit: 1 })).total;
  const [sent, failed, deferred] = await Promise.all([count("sent"), count("failed"), count("deferred")]);
  return { sent, failed, deferred };
}

/** Recipient domains ranked by how many of `records` went there. */
export function rankDomains(records: readonly DeliveryRecord[], top = TOP_DOMAINS): Array<{ domain: string; count: number }> {
  const byDomain = new Map<string, number>();
  for (const r of records) {
    const domain = r.recipient.slice(r.recipient.lastIndexOf("@") + 1);
    if (domain) byDomain.set(domain, (byDomain.get(domain) ?? 0) + 1);
  }
  return [...byDomain]
    .map(([domain, count]) => ({ domain, count }))
    .sort((a, b) => b.count - a.count || a.domain.localeCompare(b.domain))
    .slice(0, top);
}

/** The delivery-log reads of one mailbox page stop here: a slow log must not hold the page. */
const STATS_TIMEOUT_MS = 4000;

async function readStats(account: HostingAccount, email: string, timeoutMs: number): Promise<OutgoingStats> {
  // Cancelled by the caller (not a server failure): the circuit breaker does not count it.
  const client = await clientForServer(account.serverId, { signal: AbortSignal.timeout(timeoutMs) });
  if (client.authMode !== "whm")
    throw new UpstreamError("unavailable", "The delivery log needs a WHM token; this server is connected with a cPanel token.");
  const whm = client.whm;
  const now = Date.now();
  const [lastHour, last24Hours, sample] = await fromCpanel(account.serverName, () =>
    Promise.all([
      countsSince(whm, email, new Date(now - HOUR_MS)),
      countsSince(whm, email, new Date(now - DAY_MS)),
      whm.searchDeliveries({ sender: email, since: new Date(now - DAY_MS), limit: DOMAIN_SAMPLE }),
    ]),
  );
  return { lastHour, last24Hours, topDomains: rankDomains(sample.records), sampleSize: sample.records.length };
}

/** The mailbox's held mail (everyone who may see it) and, for staff, its delivery counts and top recipient domains. */
export async function getOutgoingMail(
  actor: Actor,
  accountId: string,
  mailboxRef: string,
  options: { statsTimeoutMs?: number } = {},
): Promise<OutgoingMail> {
  const account = await visibleAccount(actor, accountId);
  const mailbox = await findMailbox(account, mailboxRef, { cached: true });
  const api = await accountApi(account);
  const [held, stats] = await Promise.all([
    fromCpanel(account.serverName, () => api.heldMessageCount(mailbox.email)).then(
      (n) => ({ n, error: null }),
      (error: unknown) => ({ n: null, error: errorText(error) }),
    ),
    isStaff(actor.role)
      ? readStats(account, mailbox.email, options.statsTimeoutMs ?? STATS_TIMEOUT_MS).then(
          (s) => ({ s, error: null }),
          (error: unknown) => ({ s: null, error: errorText(error) }),
        )
      : Promise.resolve({ s: null, error: null }),
  ]);
  return {
    email: mailbox.email,
    holdOutgoing: mailbox.holdOutgoing,
    suspendOutgoing: mailbox.suspendOutgoing,
    heldCount: held.n,
    heldError: held.error,
    stats: stats.s,
    statsError: stats.error,
  };
}

/**
 * Deletes the mailbox's held messages (UAPI Email::delete_held_messages; cPanel removes them in the background) and
 * answers how many were queued for deletion. The hold itself stays on.
 */
export async function deleteHeldMail(
  context: WriteContext,
  accountId: string,
  mailboxRef: string,
  extraDetail: Record<string, unknown> = {},
): Promise<{ email: string; deleted: number }> {
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  const mailbox = await findMailbox(account, mailboxRef);
  const api = await accountApi(account);
  const { result } = await auditedCpanelWrite({
    context,
    audit: { accountId: account.id, action: "mailbox.held_mail.delete", target: mailbox.email, detail: extraDetail },
    serverName: account.serverName,
    write: () => api.deleteHeldMessages(mailbox.email),
    readBack: { read: () => api.heldMessageCount(mailbox.email), landed: (n) => n === 0 },
    unknownOutcome: () =>
      `cPanel did not confirm in time whether the held mail of ${mailbox.email} was deleted. Reload the page to see how many are still held.`,
    successDetail: (after) => (after === undefined ? undefined : { heldAfter: after }),
  });
  return { email: mailbox.email, deleted: result ?? 0 };
}

/** Lifts the hold so the queued mail is sent (UAPI Email::release_outgoing), as the Options section's hold checkbox does. */
export async function releaseHeldMail(context: WriteContext, accountId: string, mailboxRef: string): Promise<{ email: string; changed: boolean }> {
  const { settings, changed } = await updateMailbox(context, accountId, mailboxRef, { holdOutgoing: false });
  return { email: settings.email, changed: changed.length > 0 };
}

/** One mailbox among the top senders of a window. */
export type TopSender = {
  sender: string;
  serverName: string;
  cpanelUser: string;
  /** The panel's account, when the cPanel account was imported; null otherwise. */
  accountId: string | null;
  counts: DeliveryCounts;
  total: number;
  /** The mailbox's restrictions now; null when they could not be read in time (or the account is not in the panel). */
  state: { holdOutgoing: boolean; suspendOutgoing: boolean; suspendLogin: boolean } | null;
};

export type TopSenders = {
  window: "hour" | "day";
  senders: TopSender[];
  /** Servers whose log had more records in the window than were read: counts are from the most recent `sampleLimit`. */
  sampledServers: string[];
  sampleLimit: number;
  /** Servers that did not answer in time (their senders are missing). */
  unansweredServers: string[];
};

const TOP_SENDERS_TIMEOUT_MS = 4000;
const SENDER_SAMPLE = 2000;
const TOP_SENDERS = 20;

/** Settles like `work`, or rejects as soon as `signal` fires (the work's cPanel calls stop by the same signal). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const aborted = () => reject(new Error("the server ran out of time"));
    if (signal.aborted) aborted();
    else signal.addEventListener("abort", aborted, { once: true });
    work.then(
      (value) => (signal.removeEventListener("abort", aborted), resolve(value)),
      (error: unknown) => (signal.removeEventListener("abort", aborted), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

/**
 * Support's top senders over every server in the last hour or 24 hours: each server is asked in parallel for one
 * bounded chunk of its delivery log (WHM emailtrack_search, newest first), under one deadline; then the top senders'
 * hold and suspension state is read from their accounts. Servers that did not answer in time are named.
 */
export async function topSenders(actor: Actor, window: "hour" | "day", options: { timeoutMs?: number } = {}): Promise<TopSenders> {
  requireStaff(actor);
  const since = new Date(Date.now() - (window === "hour" ? HOUR_MS : DAY_MS));
  const deadline = AbortSignal.timeout(options.timeoutMs ?? TOP_SENDERS_TIMEOUT_MS);
  // Every server's calls listen on it: 50 servers are not a listener leak.
  setMaxListeners(0, deadline);
  const servers = (await listServers()).filter((s) => s.disabledAt === null && s.authMode === "whm");
  const unanswered: string[] = [];
  const sampled: string[] = [];
  const rows: TopSender[] = [];
  await Promise.all(
    servers.map(async (server) => {
      try {
        await untilAborted(
          (async () => {
            const whm = (await clientForServer(server.id, { signal: deadline })).whm;
            const { records, total } = await whm.searchDeliveries({ since, limit: SENDER_SAMPLE });
            if (total > records.length) sampled.push(server.name);
            const bySender = new Map<string, { cpanelUser: string; counts: DeliveryCounts }>();
            for (const r of records) {
              if (!r.sender.includes("@")) continue;
              const entry = bySender.get(r.sender) ?? { cpanelUser: r.cpanelUser, counts: { sent: 0, failed: 0, deferred: 0 } };
              if (r.kind === "sent") entry.counts.sent += 1;
              else if (r.kind === "failed") entry.counts.failed += 1;
              else if (r.kind === "deferred") entry.counts.deferred += 1;
              bySender.set(r.sender, entry);
            }
            const top = [...bySender].map(([sender, e]) => ({ sender, ...e, total: e.counts.sent + e.counts.failed + e.counts.deferred }));
            top.sort((a, b) => b.total - a.total);
            for (const t of top.slice(0, TOP_SENDERS)) {
              const [account] = await findHostingAccountsByCpanelUser(t.cpanelUser, server.id);
              rows.push({
                sender: t.sender,
                serverName: server.name,
                cpanelUser: t.cpanelUser,
                accountId: account?.id ?? null,
                counts: t.counts,
                total: t.total,
                state: null,
              });
            }
          })(),
          deadline,
        );
      } catch {
        unanswered.push(server.name);
      }
    }),
  );
  rows.sort((a, b) => b.total - a.total);
  const senders = rows.slice(0, TOP_SENDERS);
  // Restrictions of the listed senders: one mailbox list per account, under the same deadline.
  const byAccount = new Map<string, TopSender[]>();
  for (const s of senders) if (s.accountId) byAccount.set(s.accountId, [...(byAccount.get(s.accountId) ?? []), s]);
  await Promise.all(
    [...byAccount].map(async ([accountId, list]) => {
      try {
        const account = await visibleAccount(actor, accountId);
        const mailboxes = await untilAborted(
          (async () => (await clientForServer(account.serverId, { signal: deadline })).account(account.cpanelUser).listMailboxes())(),
          deadline,
        );
        for (const s of list) {
          const m = mailboxes.find((x) => x.email.toLowerCase() === s.sender);
          if (m) s.state = { holdOutgoing: m.holdOutgoing, suspendOutgoing: m.suspendOutgoing, suspendLogin: m.suspendLogin };
        }
      } catch {
        // Left unknown: the row says so.
      }
    }),
  );
  return { window, senders, sampledServers: sampled.sort(), sampleLimit: SENDER_SAMPLE, unansweredServers: unanswered.sort() };
}
