import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { listVisibleAccounts } from "@/lib/mail/accounts";
import { supportSearch } from "@/lib/mail/support";
import { pageParam, stringParam } from "@/lib/search-params";
import { SearchForm } from "@/components/search-form";
import { Pagination } from "@/components/pagination";

export const metadata: Metadata = { title: "Hosting accounts" };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const query = stringParam(params.q);
  const staff = isStaff(user.role);
  // Staff search here is support's search (domain, cPanel user, owner, and a mailbox address looked up on the servers): one search everywhere.
  const result = staff
    ? await supportSearch(user, { query, page: pageParam(params.page) })
    : await listVisibleAccounts(user, { query, page: pageParam(params.page) });
  const unanswered = "unansweredServers" in result ? result.unansweredServers : [];

  return (
    <>
      <h1 className="text-2xl font-bold">Hosting accounts</h1>
      <p className="mt-1 text-sm text-slate-700">
        {staff
          ? "Every customer's hosting account. Search by domain, cPanel user, owner email or a mailbox address."
          : "The hosting accounts you own."}
      </p>
      {staff || result.total > 10 || query ? (
        <div className="mt-4">
          <SearchForm
            label="Search accounts"
            defaultValue={query}
            placeholder={staff ? "example.com, cpanel user, owner@… or info@example.com" : "example.com, cpanel user, owner@…"}
          />
        </div>
      ) : null}
      {unanswered.length ? (
        <p className="mt-2 text-sm text-amber-900">Not searched for mailbox addresses (no answer in time): {unanswered.join(", ")}.</p>
      ) : null}
      <p className="mt-4 text-sm" role="status">
        {query
          ? `${result.total} account${result.total === 1 ? "" : "s"} match “${query}”.`
          : `${result.total} account${result.total === 1 ? "" : "s"}.`}
      </p>
      {result.accounts.length === 0 ? (
        <p className="mt-4 rounded-md border border-slate-300 bg-white p-4">
          {query
            ? staff
              ? "No account matches. Try part of a domain, a cPanel user, an owner's email or a full mailbox address."
              : "No account matches. Try part of a domain or a cPanel user name."
            : "No hosting accounts are linked to your login yet. Ask your hosting provider to link them."}
        </p>
      ) : (
        <table className="mt-2 w-full border-collapse overflow-hidden rounded-md bg-white text-left text-sm shadow-sm">
          <caption className="sr-only">Hosting accounts</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                Domain
              </th>
              <th scope="col" className="px-3 py-2">
                cPanel user
              </th>
              <th scope="col" className="px-3 py-2">
                Server
              </th>
              {staff ? (
                <th scope="col" className="px-3 py-2">
                  Owner
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {result.accounts.map((account) => (
              <tr key={account.id} className="border-t border-slate-200">
                <td className="px-3 py-2">
                  <Link href={`/accounts/${account.id}/email`} className="font-medium text-blue-800 underline underline-offset-2">
                    {account.primaryDomain}
                  </Link>
                  {"matchedMailboxes" in account && account.matchedMailboxes.length ? (
                    <span className="block text-xs text-slate-700">Has {account.matchedMailboxes.join(", ")}</span>
                  ) : null}
                </td>
                <td className="px-3 py-2 font-mono">{account.cpanelUser}</td>
                <td className="px-3 py-2">{account.serverName}</td>
                {staff ? <td className="px-3 py-2">{account.ownerEmail ?? <span className="text-slate-600">No owner</span>}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} params={query ? { q: query } : {}} label="Account pages" />
    </>
  );
}
