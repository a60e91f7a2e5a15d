import "server-only";
import type { Mailbox } from "@/lib/cpanel";
import type { Actor } from "@/lib/core/actor";
import type { HostingAccount } from "@/lib/db/hosting-accounts";
import { refersToMailbox } from "@/lib/mail/mailbox-id";
import { visibleAccount } from "@/lib/mail/accounts";
import { accountApi, cachedAccountApi } from "@/lib/mail/cpanel-access";
import { NotFoundError } from "@/lib/core/errors";
import { fromCpanel } from "@/lib/mail/upstream";

/** What the UI shows of a mailbox: the client's domain type, already plain data with no cPanel rows. */
export type MailboxSummary = Mailbox;

export type MailboxPage = {
  account: { id: string; cpanelUser: string; primaryDomain: string };
  mailboxes: MailboxSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

export const MAILBOXES_PER_PAGE = 50;

/**
 * One page of an account's mailboxes, live from cPanel (UAPI Email::list_pops_with_disk), filtered by
 * address on the server so the browser never receives thousands of rows.
 */
export async function listMailboxPage(actor: Actor, accountId: string, options: { query?: string; page?: number } = {}): Promise<MailboxPage> {
  const account = await visibleAccount(actor, accountId);
  const api = await cachedAccountApi(account);
  const all = await fromCpanel(account.serverName, () => api.listMailboxes());
  const query = options.query?.trim().toLowerCase() ?? "";
  const matching = query ? all.filter((m) => m.email.toLowerCase().includes(query)) : all;
  matching.sort((a, b) => a.email.localeCompare(b.email));
  const pageSize = MAILBOXES_PER_PAGE;
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount);
  return {
    account: { id: account.id, cpanelUser: account.cpanelUser, primaryDomain: account.primaryDomain },
    mailboxes: matching.slice((page - 1) * pageSize, page * pageSize),
    total: matching.length,
    page,
    pageSize,
    pageCount,
  };
}

/** Every mailbox of an account the actor may see, sorted by address (the REST API's list). */
export async function listAllMailboxes(actor: Actor, accountId: string): Promise<{ accountId: string; mailboxes: Mailbox[] }> {
  const account = await visibleAccount(actor, accountId);
  const api = await cachedAccountApi(account);
  const mailboxes = await fromCpanel(account.serverName, () => api.listMailboxes());
  return { accountId: account.id, mailboxes: mailboxes.sort((a, b) => a.email.localeCompare(b.email)) };
}

/**
 * The mailbox that `ref` (an address or a public id) names on this account, live from cPanel (or, with
 * `{ cached: true }`, from the short read cache: pages, and writes that cPanel checks anyway); else NotFoundError.
 */
export async function findMailbox(account: HostingAccount, ref: string, options: { cached?: boolean } = {}): Promise<Mailbox> {
  const api = options.cached ? await cachedAccountApi(account) : await accountApi(account);
  const mailboxes = await fromCpanel(account.serverName, () => api.listMailboxes());
  const mailbox = mailboxes.find((m) => refersToMailbox(ref, account.id, m.email));
  if (!mailbox) throw new NotFoundError("No such mailbox");
  return mailbox;
}

/** One mailbox of an account the actor may see; a missing mailbox is a NotFoundError like a foreign one. */
export async function getMailbox(actor: Actor, accountId: string, ref: string) {
  const account = await visibleAccount(actor, accountId);
  const mailbox = await findMailbox(account, ref, { cached: true });
  return {
    account: { id: account.id, cpanelUser: account.cpanelUser, primaryDomain: account.primaryDomain },
    mailbox,
  };
}
