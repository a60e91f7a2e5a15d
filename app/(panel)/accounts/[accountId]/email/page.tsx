import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { requireUser } from "@/lib/auth/session";
import { pageParam, stringParam } from "@/lib/search-params";
import { SearchForm } from "@/components/search-form";
import { accountOr404 } from "../account-or-404";
import { AccountNav } from "../account-nav";
import { MailboxTable } from "./mailbox-table";

export const metadata: Metadata = { title: "Mailboxes" };

type Props = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function MailboxesPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { accountId } = await params;
  const account = await accountOr404(user, accountId);
  const search = await searchParams;
  const query = stringParam(search.q);
  const page = pageParam(search.page);

  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/accounts" className="text-blue-800 underline underline-offset-2">Hosting accounts</Link>
        <span aria-hidden="true"> / </span>
        <span>{account.primaryDomain}</span>
      </nav>
      <h1 className="mt-2 text-2xl font-bold">Mailboxes of {account.primaryDomain}</h1>
      <p className="mt-1 text-sm text-slate-700">
        cPanel user <span className="font-mono">{account.cpanelUser}</span> on {account.serverName}
      </p>
      <AccountNav accountId={account.id} current="email" />
      <div className="mt-4">
        <SearchForm label="Search by address" defaultValue={query} placeholder="info@…" />
      </div>
      <section aria-label="Mailbox list" className="mt-4">
        <Suspense key={`${query}|${page}`} fallback={<p role="status" className="text-sm text-slate-700">Loading mailboxes from cPanel…</p>}>
          <MailboxTable user={user} accountId={account.id} query={query} page={page} />
        </Suspense>
      </section>
    </>
  );
}
