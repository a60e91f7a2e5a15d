import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/core/actor";
import { isStaff } from "@/lib/auth/roles";
import { findHostingAccount, listAccountsOwnedBy, searchAccounts } from "@/lib/db/hosting-accounts";
import { auditDenied } from "@/lib/audit/write";
import { NotFoundError } from "@/lib/core/errors";
import { timed } from "@/lib/timings";

export type AccountSummary = {
  id: string;
  cpanelUser: string;
  primaryDomain: string;
  serverName: string;
  ownerEmail: string | null;
};

export type AccountPage = { accounts: AccountSummary[]; total: number; page: number; pageCount: number; pageSize: number };

const ACCOUNTS_PER_PAGE = 25;

function matches(account: AccountSummary, query: string): boolean {
  const q = query.toLowerCase();
  return [account.primaryDomain, account.cpanelUser, account.ownerEmail ?? ""].some((field) => field.toLowerCase().includes(q));
}

/** Only what the account list shows: no server ids or owner ids reach a page. */
function summarize({ id, cpanelUser, primaryDomain, serverName, ownerEmail }: AccountSummary): AccountSummary {
  return { id, cpanelUser, primaryDomain, serverName, ownerEmail };
}

/** The hosting accounts an actor may see: a customer's own, or (staff) every account, searchable and paged. */
export async function listVisibleAccounts(actor: Actor, options: { query?: string; page?: number } = {}): Promise<AccountPage> {
  const query = options.query?.trim() ?? "";
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const pageSize = ACCOUNTS_PER_PAGE;

  if (isStaff(actor.role)) {
    const { accounts, total } = await searchAccounts({ query: query || undefined, limit: pageSize, offset: (page - 1) * pageSize });
    return { accounts: accounts.map(summarize), total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
  }
  const own = (await listAccountsOwnedBy(actor.id)).map(summarize).filter((a) => !query || matches(a, query));
  return {
    accounts: own.slice((page - 1) * pageSize, page * pageSize),
    total: own.length,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(own.length / pageSize)),
  };
}

/**
 * One hosting account the actor may act on; anything else (missing or not theirs) is a NotFoundError. Someone
 * else's account is also recorded as a refused attempt (not on that account's own trail, which its owner reads).
 */
export async function visibleAccount(actor: Actor, accountId: string) {
  return visibleAccountOnce(actor.id, actor.email, actor.name, actor.role, accountId);
}

// Memoized per request (React's cache: one server render or action), keyed by primitives so that every caller of
// the same actor shares it: a mailbox page's sections ask five times and read the database once.
const visibleAccountOnce = cache(async (id: string, email: string, name: string | null, role: Actor["role"], accountId: string) => {
  const account = /^acct_[A-Za-z0-9]+$/.test(accountId) ? await timed("account", () => findHostingAccount(accountId)) : null;
  if (!account) throw new NotFoundError("No such hosting account");
  if (!isStaff(role) && account.ownerUserId !== id) {
    await auditDenied({ id, email, name, role }, { action: "access.account", target: account.id, detail: { error: "not_owner" } });
    throw new NotFoundError("No such hosting account");
  }
  return account;
});
