import "server-only";
import { setMaxListeners } from "node:events";
import type { Mailbox, UserSessionService } from "@/lib/cpanel";
import type { Actor } from "@/lib/core/actor";
import { findHostingAccount, findHostingAccountsByCpanelUser, searchAccounts, type HostingAccount } from "@/lib/db/hosting-accounts";
import { listServers, type Server } from "@/lib/db/servers";
import { visibleAccount } from "@/lib/mail/accounts";
import { auditedCpanelWrite } from "@/lib/mail/audited-write";
import { requireStaff } from "@/lib/mail/guards";
import { accountApi, clientForServer } from "@/lib/mail/cpanel-access";
import { UpstreamError, ValidationError } from "@/lib/core/errors";
import { fromCpanel } from "@/lib/mail/upstream";
import { searchMailboxIndex } from "@/lib/mail/mailbox-index";
import { requireReason, type WriteContext } from "@/lib/core/write-context";
import { notifyOwners } from "@/lib/notify/notify-owners";
import { translator } from "@/lib/i18n/server";

export type SupportAccountRow = {
  id: string;
  cpanelUser: string;
  primaryDomain: string;
  serverName: string;
  ownerEmail: string | null;
  /** Mailbox addresses of this account that matched the query (address searches only). */
  matchedMailboxes: string[];
};

export type SupportSearchResult = {
  query: string;
  accounts: SupportAccountRow[];
  total: number;
  page: number;
  pageCount: number;
  /** Whether the query was also looked up as a mailbox address on the cPanel servers. */
  mailboxLookup: boolean;
  /** Servers that did not answer the mailbox lookup in time (their matches are missing). */
  unansweredServers: string[];
  /** How the address lookup was answered: servers read from the mailbox index (and its oldest refresh), servers asked live. */
  mailboxIndex: { servers: number; oldestRefreshAt: number | null; liveServers: number } | null;
};

const SEARCH_PAGE_SIZE = 25;
const MAILBOX_LOOKUP_TIMEOUT_MS = 2500;

function row(account: HostingAccount, matchedMailboxes: string[] = []): SupportAccountRow {
  const { id, cpanelUser, primaryDomain, serverName, ownerEmail } = account;
  return { id, cpanelUser, primaryDomain, serverName, ownerEmail, matchedMailboxes };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Settles like `work`, or rejects as soon as `signal` fires (the work's own cPanel calls stop by the same signal). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const aborted = () => reject(new Error("the mailbox lookup ran out of time"));
    if (signal.aborted) aborted();
    else signal.addEventListener("abort", aborted, { once: true });
    work.then(
      (value) => (signal.removeEventListener("abort", aborted), resolve(value)),
      (error: unknown) => (signal.removeEventListener("abort", aborted), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

type MailboxMatches = Map<string, { account: HostingAccount; addresses: string[] }>;

/**
 * Accounts holding a mailbox whose address contains `query` (which has an `@` and a domain part), asked live: each of
 * `servers` in parallel, which accounts own a matching domain (WHM listaccts, searchtype=domain, so addon domains
 * count), then those accounts' addresses (WHM list_pops_for), under one deadline.
 */
async function askServersLive(query: string, servers: Server[], matches: MailboxMatches): Promise<string[]> {
  const domainPart = query.slice(query.lastIndexOf("@") + 1).toLowerCase();
  const unanswered: string[] = [];
  if (!domainPart || servers.length === 0) return unanswered;
  const needle = query.toLowerCase();
  // One deadline for every server: when it passes, a slow server's cPanel calls are cancelled, not left running.
  const deadline = AbortSignal.timeout(MAILBOX_LOOKUP_TIMEOUT_MS);
  // Every server's calls listen on it: 50 servers are not a listener leak.
  setMaxListeners(0, deadline);
  await Promise.all(
    servers.map(async (server) => {
      try {
        await untilAborted(
          (async () => {
            const whm = (await clientForServer(server.id, { signal: deadline })).whm;
            const owners = await whm.listAccounts({ search: escapeRegex(domainPart), searchtype: "domain" });
            await Promise.all(
              owners.map(async (owner) => {
                const [account] = await findHostingAccountsByCpanelUser(owner.user, server.id);
                if (!account) return; // on the server, but not imported into the panel
                const addresses = (await whm.listMailboxAddresses(owner.user)).filter((a) => a.toLowerCase().includes(needle)).sort();
                if (addresses.length) matches.set(account.id, { account, addresses });
              }),
            );
          })(),
          deadline,
        );
      } catch {
        unanswered.push(server.name);
      }
    }),
  );
  return unanswered.sort();
}

/**
 * The address lookup: servers whose part of the mailbox index is fresh answer from it (lib/mail/mailbox-index.ts);
 * the others, or every server with `live`, are asked live. Due index refreshes are queued on the way.
 */
async function findAccountsByMailbox(
  query: string,
  live: boolean,
): Promise<{ matches: MailboxMatches; unanswered: string[]; index: SupportSearchResult["mailboxIndex"] }> {
  const matches: MailboxMatches = new Map();
  const servers = await listServers();
  const indexed = live ? null : await searchMailboxIndex(query, servers);
  const fromIndex = new Set(indexed?.indexedServerIds ?? []);
  const accounts = new Map<string, HostingAccount | null>();
  for (const m of indexed?.matches ?? []) {
    if (!accounts.has(m.accountId)) accounts.set(m.accountId, await findHostingAccount(m.accountId));
    const account = accounts.get(m.accountId);
    if (!account) continue;
    const entry = matches.get(account.id) ?? { account, addresses: [] };
    entry.addresses.push(m.address);
    matches.set(account.id, entry);
  }
  const liveServers = servers.filter((s) => !fromIndex.has(s.id));
  const unanswered = await askServersLive(query, liveServers, matches);
  return {
    matches,
    unanswered,
    index: indexed ? { servers: fromIndex.size, oldestRefreshAt: indexed.oldestRefreshAt, liveServers: liveServers.length } : null,
  };
}

/**
 * Support's search over every account: domain, cPanel user or owner email from the panel database and,
 * when the query looks like an address (`info@example.com`, `bob@example`), mailbox addresses on the servers.
 */
export async function supportSearch(actor: Actor, input: { query: string; page?: number; live?: boolean }): Promise<SupportSearchResult> {
  requireStaff(actor);
  const query = input.query.trim().slice(0, 200);
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const mailboxLookup = /^[^@\s]*@[^@\s]+$/.test(query);
  const [found, byMailbox] = await Promise.all([
    searchAccounts({ query: query || undefined, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE }),
    mailboxLookup
      ? findAccountsByMailbox(query, input.live ?? false)
      : Promise.resolve({ matches: new Map(), unanswered: [] as string[], index: null }),
  ]);
  // Mailbox matches first (on page 1), then the database matches that are not already listed.
  const mailboxRows = page === 1 ? [...byMailbox.matches.values()].map((m) => row(m.account, m.addresses)) : [];
  const seen = new Set(mailboxRows.map((r) => r.id));
  const accounts = [...mailboxRows, ...found.accounts.filter((a) => !seen.has(a.id)).map((a) => row(a))];
  const extra = [...byMailbox.matches.keys()].filter((id) => !found.accounts.some((a) => a.id === id)).length;
  const total = found.total + (page === 1 ? extra : 0);
  return {
    query,
    accounts,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(found.total / SEARCH_PAGE_SIZE)),
    mailboxLookup,
    unansweredServers: byMailbox.unanswered,
    mailboxIndex: byMailbox.index,
  };
}

type Part<T> = { ok: true; value: T } | { ok: false; message: string };

async function part<T>(call: () => Promise<T>): Promise<Part<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (error instanceof UpstreamError) return { ok: false, message: error.message };
    throw error;
  }
}

export type SupportAccountView = {
  account: { id: string; cpanelUser: string; primaryDomain: string; serverName: string; ownerEmail: string | null; contactEmail: string | null };
  /** WHM's view of the cPanel user: outgoing mail state, plan, suspension. */
  whm: Part<{ plan: string; suspended: boolean; suspendReason: string | null; outgoingSuspended: boolean; outgoingHeld: boolean }>;
  /** Where the system account's own mail goes (WHM get_user_email_forward_destination). */
  systemForward: Part<string[]>;
  mailboxes: Part<Mailbox[]>;
};

/** Everything support sees on one account, each part read live; a part that cPanel cannot give is reported on its own. */
export async function supportAccountView(actor: Actor, accountId: string): Promise<SupportAccountView> {
  requireStaff(actor);
  const account = await visibleAccount(actor, accountId);
  const client = await clientForServer(account.serverId);
  const api = await accountApi(account);
  const [whm, systemForward, mailboxes] = await Promise.all([
    part(() =>
      fromCpanel(account.serverName, async () => {
        const summary = await client.whm.accountSummary(account.cpanelUser);
        return {
          plan: summary.plan,
          suspended: summary.suspended,
          suspendReason: summary.suspendReason,
          outgoingSuspended: summary.outgoingMailSuspended,
          outgoingHeld: summary.outgoingMailHold,
        };
      }),
    ),
    part(() => fromCpanel(account.serverName, () => client.whm.getSystemForwardDestination(account.cpanelUser))),
    part(() => fromCpanel(account.serverName, async () => (await api.listMailboxes()).sort((a, b) => a.email.localeCompare(b.email)))),
  ]);
  const { id, cpanelUser, primaryDomain, serverName, ownerEmail, contactEmail } = account;
  return { account: { id, cpanelUser, primaryDomain, serverName, ownerEmail, contactEmail }, whm, systemForward, mailboxes };
}

/** The account-wide mail actions of WHM that support can take. */
export const accountMailActions = {
  suspend_outgoing: { audit: "account.outgoing.suspend", done: "Outgoing email is suspended" },
  unsuspend_outgoing: { audit: "account.outgoing.unsuspend", done: "Outgoing email is allowed again" },
  hold_outgoing: { audit: "account.outgoing.hold", done: "Outgoing email is held in the queue" },
  release_outgoing: { audit: "account.outgoing.release", done: "Held outgoing email is released" },
  terminate_sessions: { audit: "account.sessions.terminate", done: "Every IMAP and POP session was ended" },
} as const;
export type AccountMailAction = keyof typeof accountMailActions;

type OutgoingState = { outgoingSuspended: boolean; outgoingHeld: boolean };

/** The outgoing state an action leads to, for settling a write whose answer was lost; null when it cannot be read back. */
function expectedAfter(action: AccountMailAction): ((state: OutgoingState) => boolean) | null {
  switch (action) {
    case "suspend_outgoing":
      return (s) => s.outgoingSuspended;
    case "unsuspend_outgoing":
      return (s) => !s.outgoingSuspended;
    case "hold_outgoing":
      return (s) => s.outgoingHeld;
    case "release_outgoing":
      return (s) => !s.outgoingHeld;
    default:
      return null;
  }
}

/**
 * Runs one account-wide mail action in WHM (suspend/unsuspend_outgoing_email, hold/release_outgoing_email,
 * terminate_cpuser_mailbox_sessions), audited with the reason. The answer is what WHM reports afterwards.
 */
export async function runAccountMailAction(
  context: WriteContext,
  accountId: string,
  action: AccountMailAction,
): Promise<{ message: string; state: OutgoingState | null }> {
  requireStaff(context.actor);
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  const definition = accountMailActions[action];
  if (!definition) throw new ValidationError({ action: [(await translator("Fields"))("chooseAction")] });
  const whm = (await clientForServer(account.serverId)).whm;
  const readState = async (): Promise<OutgoingState> => {
    const s = await whm.accountSummary(account.cpanelUser);
    return { outgoingSuspended: s.outgoingMailSuspended, outgoingHeld: s.outgoingMailHold };
  };
  const check = expectedAfter(action);
  const before = check ? await fromCpanel(account.serverName, readState) : null;
  const write = {
    suspend_outgoing: () => whm.suspendOutgoingEmail(account.cpanelUser),
    unsuspend_outgoing: () => whm.unsuspendOutgoingEmail(account.cpanelUser),
    hold_outgoing: () => whm.holdOutgoingEmail(account.cpanelUser),
    release_outgoing: () => whm.releaseOutgoingEmail(account.cpanelUser),
    terminate_sessions: () => whm.terminateMailboxSessions(account.cpanelUser),
  }[action];
  const { state: settled } = await auditedCpanelWrite({
    context,
    audit: { accountId: account.id, action: definition.audit, target: account.cpanelUser, ...(before ? { detail: { before } } : {}) },
    serverName: account.serverName,
    write,
    // Ending sessions leaves no state to read back: a lost answer stays unknown.
    ...(check ? { readBack: { read: readState, landed: check } } : {}),
    unknownOutcome: () =>
      `WHM did not confirm in time whether this was done for ${account.cpanelUser}. Reload the page to see the current state before trying again.`,
    successDetail: (state) => (state ? { after: state } : undefined),
  });
  const after = settled ?? (check ? await fromCpanel(account.serverName, readState).catch(() => null) : null);
  return { message: `${definition.done} for ${account.cpanelUser}.`, state: after };
}

const ADDRESS = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const MAX_SYSTEM_FORWARDS = 10;

/** Splits a comma/space/newline-separated list of destinations into trimmed, unique entries. */
export function parseForwardList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/**
 * Sets where the cPanel user's own system mail goes (WHM set_user_email_forward_destination; an empty list
 * turns forwarding off), then reads it back (get_user_email_forward_destination).
 */
export async function setSystemForward(context: WriteContext, accountId: string, destinations: string[]): Promise<string[]> {
  requireStaff(context.actor);
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  const invalid = destinations.filter((d) => !ADDRESS.test(d));
  if (invalid.length)
    throw new ValidationError({ forwardTo: [(await translator("Fields"))("notEmailAddresses", { addresses: invalid.join(", ") })] });
  if (destinations.length > MAX_SYSTEM_FORWARDS)
    throw new ValidationError({ forwardTo: [(await translator("Fields"))("atMostAddresses", { max: MAX_SYSTEM_FORWARDS })] });

  const whm = (await clientForServer(account.serverId)).whm;
  const before = await fromCpanel(account.serverName, () => whm.getSystemForwardDestination(account.cpanelUser));
  const wanted = destinations.join(",");
  const read = () => whm.getSystemForwardDestination(account.cpanelUser);
  const { state } = await auditedCpanelWrite({
    context,
    audit: { accountId: account.id, action: "account.system_forward.set", target: account.cpanelUser, detail: { before, requested: destinations } },
    serverName: account.serverName,
    write: () => whm.setSystemForwardDestination(account.cpanelUser, destinations),
    readBack: { read, landed: (d) => d.join(",") === wanted, confirm: true },
    unknownOutcome: () => "WHM did not confirm the change in time. Reload the page to see the current forward before trying again.",
    notApplied: "WHM answered that it changed the forward, but shows another one afterwards. Reload the page and check it.",
    successDetail: (after) => (after ? { after } : undefined),
  });
  return state!;
}

export type SessionService = Extract<UserSessionService, "cpaneld" | "webmaild">;

/**
 * A one-time login link into cPanel or Webmail for the account (WHM create_user_session). The link is a
 * credential: it is returned to the caller only, never written to the audit log or any other store.
 */
export async function openAccountSession(context: WriteContext, accountId: string, service: SessionService): Promise<{ url: string }> {
  requireStaff(context.actor);
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  if (service !== "cpaneld" && service !== "webmaild") throw new ValidationError({ service: [(await translator("Fields"))("chooseService")] });
  const whm = (await clientForServer(account.serverId)).whm;
  // The link is a credential: it goes back to the caller only, never into the audit detail.
  const { result } = await auditedCpanelWrite({
    context,
    audit: { accountId: account.id, action: "account.session.open", target: account.cpanelUser, detail: { service } },
    serverName: account.serverName,
    write: () => whm.createUserSession(account.cpanelUser, service),
    unknownOutcome: () => `WHM did not answer in time, so there is no login link for ${account.cpanelUser}. Try again.`,
  });
  await notifyOwners(context, account.id, { kind: "support.cpanel_session", service: service === "webmaild" ? "Webmail" : "cPanel" });
  return { url: result!.url };
}
