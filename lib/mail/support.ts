import "server-only";
import { CpanelError, type Mailbox, type UserSessionService } from "@/lib/cpanel";
import type { Actor } from "@/lib/core/actor";
import { isStaff } from "@/lib/auth/roles";
import { findHostingAccountsByCpanelUser, searchAccounts, type HostingAccount } from "@/lib/db/hosting-accounts";
import { listServers } from "@/lib/db/servers";
import { visibleAccount } from "@/lib/mail/accounts";
import { auditDenied, auditWrite, failureDetail } from "@/lib/audit/write";
import { accountApi, clientForServer } from "@/lib/mail/cpanel-access";
import { NotFoundError, UpstreamError, ValidationError } from "@/lib/core/errors";
import { fromCpanel, toUpstreamError } from "@/lib/mail/upstream";
import { settleWrite } from "@/lib/mail/settle";
import { requireReason, type WriteContext } from "@/lib/core/write-context";

/**
 * Support pages and actions exist only for staff: everyone else gets the same answer as for a missing page (DESIGN §2),
 * and the attempt is recorded as refused (in the background: the guard stays synchronous for its callers).
 */
export function requireStaff(actor: Actor): void {
  if (isStaff(actor.role)) return;
  void auditDenied(actor, { action: "access.staff", detail: { error: "staff_only" } });
  throw new NotFoundError("Not found");
}

/** Admin-only pages and actions; support and customers get a NotFoundError, recorded as refused. */
export function requireAdmin(actor: Actor): void {
  if (actor.role === "admin") return;
  void auditDenied(actor, { action: "access.admin", detail: { error: "admin_only" } });
  throw new NotFoundError("Not found");
}

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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}

/**
 * Accounts holding a mailbox whose address contains `query` (which has an `@` and a domain part): every
 * server is asked in parallel which accounts own a matching domain (WHM listaccts, searchtype=domain, so
 * addon domains count), then those accounts' addresses (WHM list_pops_for).
 */
async function findAccountsByMailbox(query: string): Promise<{ matches: Map<string, { account: HostingAccount; addresses: string[] }>; unanswered: string[] }> {
  const domainPart = query.slice(query.lastIndexOf("@") + 1).toLowerCase();
  const matches = new Map<string, { account: HostingAccount; addresses: string[] }>();
  const unanswered: string[] = [];
  if (!domainPart) return { matches, unanswered };
  const needle = query.toLowerCase();
  const servers = await listServers();
  await Promise.all(
    servers.map(async (server) => {
      try {
        await withTimeout(
          (async () => {
            const whm = (await clientForServer(server.id)).whm;
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
          MAILBOX_LOOKUP_TIMEOUT_MS,
        );
      } catch {
        unanswered.push(server.name);
      }
    }),
  );
  return { matches, unanswered: unanswered.sort() };
}

/**
 * Support's search over every account: domain, cPanel user or owner email from the panel database and,
 * when the query looks like an address (`info@example.com`, `bob@example`), mailbox addresses on the servers.
 */
export async function supportSearch(actor: Actor, input: { query: string; page?: number }): Promise<SupportSearchResult> {
  requireStaff(actor);
  const query = input.query.trim().slice(0, 200);
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const mailboxLookup = /^[^@\s]*@[^@\s]+$/.test(query);
  const [found, byMailbox] = await Promise.all([
    searchAccounts({ query: query || undefined, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE }),
    mailboxLookup ? findAccountsByMailbox(query) : Promise.resolve({ matches: new Map(), unanswered: [] as string[] }),
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
export async function runAccountMailAction(context: WriteContext, accountId: string, action: AccountMailAction): Promise<{ message: string; state: OutgoingState | null }> {
  requireStaff(context.actor);
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  const definition = accountMailActions[action];
  if (!definition) throw new ValidationError({ action: ["Choose an action"] });
  const whm = (await clientForServer(account.serverId)).whm;
  const audit = (outcome: "success" | "failure" | "unknown", detail?: Record<string, unknown>) =>
    auditWrite(context, { accountId: account.id, action: definition.audit, target: account.cpanelUser, outcome, detail });
  const readState = async (): Promise<OutgoingState> => {
    const s = await whm.accountSummary(account.cpanelUser);
    return { outgoingSuspended: s.outgoingMailSuspended, outgoingHeld: s.outgoingMailHold };
  };

  const before = expectedAfter(action) ? await fromCpanel(account.serverName, readState) : null;
  try {
    if (action === "suspend_outgoing") await whm.suspendOutgoingEmail(account.cpanelUser);
    else if (action === "unsuspend_outgoing") await whm.unsuspendOutgoingEmail(account.cpanelUser);
    else if (action === "hold_outgoing") await whm.holdOutgoingEmail(account.cpanelUser);
    else if (action === "release_outgoing") await whm.releaseOutgoingEmail(account.cpanelUser);
    else await whm.terminateMailboxSessions(account.cpanelUser);
  } catch (error) {
    const check = expectedAfter(action);
    if (error instanceof CpanelError && error.outcomeUnknown) {
      // Settled by reading back, never by sending the write again.
      const settled = check ? await settleWrite(readState, check) : null;
      if (settled?.outcome === "landed") {
        await audit("success", { before, after: settled.state, settledAfter: error.name });
        return { message: `${definition.done} for ${account.cpanelUser}.`, state: settled.state };
      }
      await audit("unknown", { before, error: error.name });
      throw new UpstreamError("unknown_outcome", `WHM did not confirm in time whether this was done for ${account.cpanelUser}. Reload the page to see the current state before trying again.`, { cause: error });
    }
    const upstream = toUpstreamError(error, account.serverName);
    await audit("failure", { before, ...failureDetail(upstream) });
    throw upstream;
  }
  const after = expectedAfter(action) ? await fromCpanel(account.serverName, readState).catch(() => null) : null;
  await audit("success", before ? { before, after } : undefined);
  return { message: `${definition.done} for ${account.cpanelUser}.`, state: after };
}

const ADDRESS = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const MAX_SYSTEM_FORWARDS = 10;

/** Splits a comma/space/newline-separated list of destinations into trimmed, unique entries. */
export function parseForwardList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean))];
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
  if (invalid.length) throw new ValidationError({ forwardTo: [`Not an email address: ${invalid.join(", ")}`] });
  if (destinations.length > MAX_SYSTEM_FORWARDS) throw new ValidationError({ forwardTo: [`Give at most ${MAX_SYSTEM_FORWARDS} addresses`] });

  const whm = (await clientForServer(account.serverId)).whm;
  const before = await fromCpanel(account.serverName, () => whm.getSystemForwardDestination(account.cpanelUser));
  const audit = (outcome: "success" | "failure" | "unknown", detail: Record<string, unknown>) =>
    auditWrite(context, { accountId: account.id, action: "account.system_forward.set", target: account.cpanelUser, outcome, detail });
  try {
    await whm.setSystemForwardDestination(account.cpanelUser, destinations);
  } catch (error) {
    const wanted = destinations.join(",");
    const settled =
      error instanceof CpanelError && error.outcomeUnknown
        ? await settleWrite(() => whm.getSystemForwardDestination(account.cpanelUser), (d) => d.join(",") === wanted)
        : null;
    if (settled?.outcome === "landed") {
      await audit("success", { before, after: settled.state, settledAfter: (error as Error).name });
      return settled.state;
    }
    const upstream = error instanceof CpanelError && error.outcomeUnknown
      ? new UpstreamError("unknown_outcome", "WHM did not confirm the change in time. Reload the page to see the current forward before trying again.", { cause: error })
      : toUpstreamError(error, account.serverName);
    await audit(upstream instanceof UpstreamError && upstream.failure === "unknown_outcome" ? "unknown" : "failure", { before, requested: destinations, ...failureDetail(upstream) });
    throw upstream;
  }
  const after = await fromCpanel(account.serverName, () => whm.getSystemForwardDestination(account.cpanelUser)).catch(() => destinations);
  await audit("success", { before, after });
  return after;
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
  if (service !== "cpaneld" && service !== "webmaild") throw new ValidationError({ service: ["Choose cPanel or Webmail"] });
  const whm = (await clientForServer(account.serverId)).whm;
  const audit = (outcome: "success" | "failure", detail?: Record<string, unknown>) =>
    auditWrite(context, { accountId: account.id, action: "account.session.open", target: account.cpanelUser, outcome, detail: { service, ...detail } });
  try {
    const session = await whm.createUserSession(account.cpanelUser, service);
    await audit("success");
    return { url: session.url };
  } catch (error) {
    const upstream = toUpstreamError(error, account.serverName);
    await audit("failure", failureDetail(upstream));
    throw upstream;
  }
}
