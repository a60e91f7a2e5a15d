import type { Metadata } from "next";
import Link from "next/link";
import { pageParam, stringParam } from "@/lib/search-params";
import { supportSearch } from "@/lib/mail/support";
import { SearchForm } from "@/components/search-form";
import { Pagination } from "@/components/pagination";
import { TableHead } from "@/components/support/table-head";
import { cardTable } from "@/components/card-table";
import { BulkActionBar } from "@/components/bulk/bulk-action-bar";
import { BulkSelectionProvider } from "@/components/bulk/bulk-selection";
import { MailboxChoices } from "@/components/bulk/mailbox-choices";
import { previewBulkForm, runBulkForm } from "../jobs/actions";
import { staffOr404 } from "./staff-or-404";

export const metadata: Metadata = { title: "Support" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** "4 minutes ago" for the index's age (whole minutes; under one is "just now"). */
function ageInWords(at: number): string {
  const minutes = Math.floor((Date.now() - at) / 60_000);
  return minutes < 1 ? "just now" : `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
}

export default async function SupportPage({ searchParams }: Props) {
  const user = await staffOr404();
  const params = await searchParams;
  const query = stringParam(params.q);
  const live = stringParam(params.live) === "1";
  const result = query ? await supportSearch(user, { query, page: pageParam(params.page), live }) : null;

  return (
    <>
      <h1 className="text-2xl font-bold">Support</h1>
      <p className="mt-1 text-sm text-slate-700">
        Find any customer’s account by domain, cPanel user, owner email or a mailbox address. Every change you make asks for a reason and is shown to
        the customer as done by Support.
      </p>
      <nav aria-label="Support tools" className="mt-3 flex flex-wrap gap-4 text-sm">
        <Link href="/support/audit" className="font-medium text-blue-800 underline underline-offset-2">
          Audit log
        </Link>
        <Link href="/support/force-password" className="font-medium text-blue-800 underline underline-offset-2">
          Batch force password change
        </Link>
        <Link href="/support/outgoing" className="font-medium text-blue-800 underline underline-offset-2">
          Top senders
        </Link>
        <Link href="/admin/users/invitations" className="font-medium text-blue-800 underline underline-offset-2">
          Invite customers
        </Link>
      </nav>
      <div className="mt-4">
        <SearchForm label="Find an account" defaultValue={query} placeholder="info@example.com, example.com, cpuser, owner@…" />
      </div>
      {result ? (
        // Mailboxes found on several accounts can be selected together: the bulk action makes one job per account.
        <BulkSelectionProvider>
          <p className="mt-4 text-sm" role="status">
            {result.total} account{result.total === 1 ? "" : "s"} match “{result.query}”
            {result.mailboxLookup ? " (mailbox addresses were looked up on the servers)" : ""}.
          </p>
          {result.mailboxIndex && result.mailboxIndex.servers > 0 ? (
            <p className="mt-1 text-sm text-slate-700">
              Addresses on {result.mailboxIndex.servers} server{result.mailboxIndex.servers === 1 ? "" : "s"} come from the mailbox index
              {result.mailboxIndex.oldestRefreshAt ? `, refreshed ${ageInWords(result.mailboxIndex.oldestRefreshAt)} at the oldest` : ""}
              {result.mailboxIndex.liveServers ? `; ${result.mailboxIndex.liveServers} were asked live` : ""}. A mailbox made since is missing:{" "}
              <Link
                href={`/support?${new URLSearchParams({ q: result.query, live: "1" }).toString()}`}
                className="font-medium text-blue-800 underline underline-offset-2"
              >
                ask every server now
              </Link>
              .
            </p>
          ) : null}
          {result.unansweredServers.length ? (
            <p className="mt-1 text-sm font-medium text-amber-900">
              Not answered in time: {result.unansweredServers.join(", ")}. Mailboxes on{" "}
              {result.unansweredServers.length === 1 ? "that server" : "those servers"} are missing from the results.
            </p>
          ) : null}
          {result.accounts.length === 0 ? (
            <p className="mt-2 rounded-md border border-slate-300 bg-white p-4">
              No account matches. For a mailbox, type the whole address or at least “@” and the domain.
            </p>
          ) : (
            <form method="get" action="/support/force-password" className="mt-2">
              <input type="hidden" name="q" value={result.query} />
              <table className={`rounded-md bg-white shadow-sm max-sm:bg-transparent max-sm:shadow-none ${cardTable.table}`}>
                <TableHead
                  cards
                  caption="Matching accounts"
                  columns={[{ label: "Select", hidden: true }, "Domain", "cPanel user", "Server", "Owner", "Matching mailboxes"]}
                />
                <tbody className={cardTable.body}>
                  {result.accounts.map((account) => (
                    <tr key={account.id} className={cardTable.row}>
                      <td className={cardTable.cell}>
                        <input type="checkbox" name="account" value={account.id} aria-label={`Select ${account.primaryDomain}`} />
                      </td>
                      <td data-label="Domain" className={`max-sm:break-all ${cardTable.cell}`}>
                        <Link href={`/support/accounts/${account.id}`} className="font-medium text-blue-800 underline underline-offset-2">
                          {account.primaryDomain}
                        </Link>
                      </td>
                      <td data-label="cPanel user" className={`font-mono ${cardTable.cell}`}>
                        {account.cpanelUser}
                      </td>
                      <td data-label="Server" className={`max-sm:break-all ${cardTable.cell}`}>
                        {account.serverName}
                      </td>
                      <td data-label="Owner" className={`max-sm:break-all ${cardTable.cell}`}>
                        {account.ownerEmail ?? <span className="text-slate-700">No owner</span>}
                      </td>
                      <td data-label="Matching mailboxes" className={`max-sm:break-all ${cardTable.cell}`}>
                        <MailboxChoices accountId={account.id} emails={account.matchedMailboxes} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="mt-3 flex flex-wrap gap-2">
                <button
                  type="submit"
                  className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
                >
                  Force password change for the selected accounts…
                </button>
                <button
                  type="submit"
                  name="scope"
                  value="all"
                  className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
                >
                  …for every account matching “{result.query}”
                </button>
              </div>
            </form>
          )}
          <Pagination page={result.page} pageCount={result.pageCount} params={{ q: result.query }} label="Result pages" />
          {result.accounts.some((a) => a.matchedMailboxes.length) ? (
            <BulkActionBar idPrefix="support-bulk" requireReason preview={previewBulkForm} run={runBulkForm} />
          ) : null}
        </BulkSelectionProvider>
      ) : null}
    </>
  );
}
