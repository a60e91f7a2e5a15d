import "server-only";
import type { Actor } from "@/lib/core/actor";
import { visibleAccount } from "@/lib/mail/accounts";
import { cachedAccountApi } from "@/lib/mail/cpanel-access";
import { isUnread, orUnread } from "@/lib/mail/mailbox-overview";
import { fromCpanel } from "@/lib/mail/upstream";
import type { OutOfOfficePeriod } from "@/lib/out-of-office";

/**
 * What the mailbox list shows beside each mailbox, for the whole account at once: how many destinations each address
 * forwards to, and which addresses have an autoresponder. "unknown" when cPanel did not answer that part.
 */
export type MailboxListSummaries = {
  forwardCounts: ReadonlyMap<string, number> | "unknown";
  outOfOffice: ReadonlySet<string> | "unknown";
};

/**
 * One row's part of the summaries, as the summary chips take it: its forward count (null: unknown) and its
 * autoresponder, as a period without dates (the list of autoresponders has none), null when it has none.
 */
export type MailboxRowSummary = { forwardCount: number | null; outOfOffice: OutOfOfficePeriod | null | "unknown" };

/** How many forwarder rows each source address has (lower-cased), as the mailbox page counts its destinations. */
export function countForwardsBySource(forwarders: readonly { source: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { source } of forwarders) {
    const address = source.toLowerCase();
    counts.set(address, (counts.get(address) ?? 0) + 1);
  }
  return counts;
}

/** One mailbox's row summary, looked up in the account's summaries. */
export function rowSummary(summaries: MailboxListSummaries, email: string): MailboxRowSummary {
  const address = email.toLowerCase();
  return {
    forwardCount: summaries.forwardCounts === "unknown" ? null : (summaries.forwardCounts.get(address) ?? 0),
    outOfOffice: summaries.outOfOffice === "unknown" ? "unknown" : summaries.outOfOffice.has(address) ? { start: null, end: null } : null,
  };
}

/**
 * The account's forward counts and autoresponders in a fixed number of reads, however many mailboxes it has: the
 * account's forwarders (one cached listing, UAPI Email::list_forwarders per mail domain) and one
 * Email::list_auto_responders per mail domain. That list has no dates (only get_auto_responder has them, one call per
 * mailbox), so the list says "Out of office" without them. A part cPanel does not answer is "unknown", never an error:
 * the mailbox list shows without it.
 */
export async function mailboxListSummaries(actor: Actor, accountId: string): Promise<MailboxListSummaries> {
  const account = await visibleAccount(actor, accountId);
  const api = await cachedAccountApi(account);
  const [forwarders, autoresponders] = await Promise.all([
    orUnread(fromCpanel(account.serverName, () => api.listForwarders())),
    orUnread(
      fromCpanel(account.serverName, async () => {
        // The cached domain list (the page's create form reads it too), then each domain's autoresponders in parallel.
        const domains = await api.listMailDomains();
        return (await Promise.all(domains.map((domain) => api.listAutoresponders({ domain })))).flat();
      }),
    ),
  ]);
  return {
    forwardCounts: isUnread(forwarders) ? "unknown" : countForwardsBySource(forwarders),
    outOfOffice: isUnread(autoresponders) ? "unknown" : new Set(autoresponders.map((row) => row.email.toLowerCase())),
  };
}
