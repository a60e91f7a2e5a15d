import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { isStaff } from "@/lib/auth/roles";
import { listVisibleAccounts } from "@/lib/mail/accounts";
import { supportSearch } from "@/lib/mail/support";
import { pageParam, stringParam } from "@/lib/search-params";
import { SearchForm } from "@/components/search-form";
import { Pagination } from "@/components/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Accounts"))("title") };
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = await searchParams;
  const query = stringParam(params.q);
  const staff = isStaff(user.role);
  const t = await getTranslations("Accounts");
  // Staff search here is support's search (domain, cPanel user, owner, and a mailbox address looked up on the servers): one search everywhere.
  const result = staff
    ? await supportSearch(user, { query, page: pageParam(params.page) })
    : await listVisibleAccounts(user, { query, page: pageParam(params.page) });
  const unanswered = "unansweredServers" in result ? result.unansweredServers : [];

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-700">{staff ? t("introStaff") : t("introCustomer")}</p>
      {staff || result.total > 10 || query ? (
        <div className="mt-4">
          <SearchForm label={t("search")} defaultValue={query} placeholder={staff ? t("searchPlaceholderStaff") : t("searchPlaceholder")} />
        </div>
      ) : null}
      {unanswered.length ? <p className="mt-2 text-sm text-amber-900">{t("unanswered", { servers: unanswered.join(", ") })}</p> : null}
      <p className="mt-4 text-sm" role="status">
        {query ? t("countMatching", { count: result.total, query }) : t("count", { count: result.total })}
      </p>
      {result.accounts.length === 0 ? (
        <p className="mt-4 rounded-md border border-slate-300 bg-white p-4">{query ? (staff ? t("noMatchStaff") : t("noMatch")) : t("none")}</p>
      ) : (
        <table className="mt-2 w-full border-collapse overflow-hidden rounded-md bg-white text-left text-sm shadow-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("domain")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("cpanelUser")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("server")}
              </th>
              {staff ? (
                <th scope="col" className="px-3 py-2">
                  {t("owner")}
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
                    <span className="block text-xs text-slate-700">{t("has", { mailboxes: account.matchedMailboxes.join(", ") })}</span>
                  ) : null}
                </td>
                <td className="px-3 py-2 font-mono">{account.cpanelUser}</td>
                <td className="px-3 py-2">{account.serverName}</td>
                {staff ? <td className="px-3 py-2">{account.ownerEmail ?? <span className="text-slate-600">{t("noOwner")}</span>}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} params={query ? { q: query } : {}} label={t("pages")} />
    </>
  );
}
