import "server-only";
import type { Mailbox } from "@/lib/cpanel";
import type { Actor } from "@/lib/core/actor";
import { UpstreamError } from "@/lib/core/errors";
import { domainOf } from "@/lib/forwarding/address";
import { visibleAccount } from "@/lib/mail/accounts";
import { readAutoresponder, type AutoresponderSettings } from "@/lib/mail/autoresponders";
import { cachedAccountApi } from "@/lib/mail/cpanel-access";
import { forwardingOf, type AddressForwarding } from "@/lib/mail/forwarders";
import { findMailbox } from "@/lib/mail/mailboxes";
import { fromCpanel } from "@/lib/mail/upstream";

/** A part of the overview that cPanel did not answer: the rest of the page still shows. */
export type Unread = { error: string };

/** What the mailbox page's summary shows: the mailbox, where its mail is forwarded, and its autoresponder. */
export type MailboxOverview = {
  mailbox: Mailbox;
  forwarding: AddressForwarding | Unread;
  /** null: none. */
  autoresponder: AutoresponderSettings | null | Unread;
};

/** An upstream failure of one part becomes its message; anything else (a bug, "not yours") still throws. */
export async function orUnread<T>(read: Promise<T>): Promise<T | Unread> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof UpstreamError) return { error: error.message };
    throw error;
  }
}

/** True when a part of the overview could not be read. */
export function isUnread(value: unknown): value is Unread {
  return typeof value === "object" && value !== null && "error" in value;
}

/**
 * The mailbox and its summary in one go: the mailbox list (cached), the forwarders of its domain (cached) and its
 * autoresponder (UAPI Email::list_auto_responders, then get_auto_responder only when it has one), read in parallel.
 * A missing or foreign mailbox is a NotFoundError, as on every mailbox read.
 */
export async function getMailboxOverview(actor: Actor, accountId: string, ref: string): Promise<MailboxOverview> {
  const account = await visibleAccount(actor, accountId);
  const api = await cachedAccountApi(account);
  // With an address the three reads start together; a public id (mbx_…) needs the mailbox first for its domain.
  const address = ref.includes("@") ? ref.trim().toLowerCase() : (await findMailbox(account, ref, { cached: true })).email.toLowerCase();
  const domain = domainOf(address);
  const [mailbox, forwarders, autoresponder] = await Promise.all([
    findMailbox(account, address, { cached: true }),
    orUnread(fromCpanel(account.serverName, () => api.listForwarders({ domain }))),
    orUnread(fromCpanel(account.serverName, () => readAutoresponder(api, address, domain))),
  ]);
  return {
    mailbox,
    forwarding: isUnread(forwarders) ? forwarders : forwardingOf(mailbox.email.toLowerCase(), true, forwarders),
    autoresponder,
  };
}
