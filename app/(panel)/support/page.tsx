import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageParam, stringParam } from "@/lib/search-params";
import { supportSearch } from "@/lib/mail/support";
import { SearchForm } from "@/components/search-form";
import { Pagination } from "@/components/pagination";
import { TableHead } from "@/components/support/table-head";
import { cardTable } from "@/components/card-table";
import { BulkActionBar } from "@/components/bulk/bulk-action-bar";
import { BulkSelectionProvider } from "@/components/bulk/bulk-selection";
import { MailboxChoices } from "@/components/bulk/mailbox-choices";
import { IntlProvider } from "@/components/intl-provider";
import type { Namespace } from "@/lib/i18n/messages";
import { previewBulkForm, runBulkForm } from "../jobs/actions";
import { staffOr404 } from "./staff-or-404";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Support"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type SupportT = Awaited<ReturnType<typeof getTranslations<"Support">>>;

/** "4 minutes ago" for the index's age (whole minutes; under one is "just now"). */
function ageInWords(at: number, t: SupportT): string {
  const minutes = Math.floor((Date.now() - at) / 60_000);
  return minutes < 1 ? t("justNow") : t("minutesAgo", { minutes });
}

/** The messages of the bulk selection and action bar (components/bulk; the bar asks staff for a reason), passed only where they are shown. */
const BULK_NAMESPACES: Namespace[] = ["Bulk", "ReasonField"];

const link = "font-medium text-blue-800 underline underline-offset-2";

export default async function SupportPage({ searchParams }: Props) {
  const user = await staffOr404();
  const params = await searchParams;
  const query = stringParam(params.q);
  const live = stringParam(params.live) === "1";
  const result = query ? await supportSearch(user, { query, page: pageParam(params.page), live }) : null;
  const t = await getTranslations("Support");

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      <nav aria-label={t("toolsLabel")} className="mt-3 flex flex-wrap gap-4 text-sm">
        <Link href="/support/audit" className={link}>
          {t("tools.audit")}
        </Link>
        <Link href="/support/force-password" className={link}>
          {t("tools.forcePassword")}
        </Link>
        <Link href="/support/outgoing" className={link}>
          {t("tools.outgoing")}
        </Link>
        <Link href="/admin/users/invitations" className={link}>
          {t("tools.invite")}
        </Link>
      </nav>
      <div className="mt-4">
        <SearchForm label={t("searchLabel")} defaultValue={query} placeholder={t("searchPlaceholder")} />
      </div>
      {result ? (
        // Mailboxes found on several accounts can be selected together: the bulk action makes one job per account.
        // The bulk components are client components: they get their messages here.
        <IntlProvider namespaces={BULK_NAMESPACES}>
          <BulkSelectionProvider>
            <p className="mt-4 text-sm" role="status">
              {t(result.mailboxLookup ? "matchesLookedUp" : "matches", { count: result.total, query: result.query })}
            </p>
            {result.mailboxIndex && result.mailboxIndex.servers > 0 ? (
              <p className="mt-1 text-sm text-slate-700">
                {t.rich("fromIndex", {
                  servers: result.mailboxIndex.servers,
                  refreshed: result.mailboxIndex.oldestRefreshAt ? "yes" : "no",
                  age: result.mailboxIndex.oldestRefreshAt ? ageInWords(result.mailboxIndex.oldestRefreshAt, t) : "",
                  live: result.mailboxIndex.liveServers ?? 0,
                  link: (chunks) => (
                    <Link href={`/support?${new URLSearchParams({ q: result.query, live: "1" }).toString()}`} className={link}>
                      {chunks}
                    </Link>
                  ),
                })}
              </p>
            ) : null}
            {result.unansweredServers.length ? (
              <p className="mt-1 text-sm font-medium text-amber-900">
                {t("unanswered", { servers: result.unansweredServers.join(", "), count: result.unansweredServers.length })}
              </p>
            ) : null}
            {result.accounts.length === 0 ? (
              <p className="mt-2 rounded-md border border-slate-300 bg-white p-4">{t("noMatch")}</p>
            ) : (
              <form method="get" action="/support/force-password" className="mt-2">
                <input type="hidden" name="q" value={result.query} />
                <table className={`rounded-md bg-white shadow-sm max-sm:bg-transparent max-sm:shadow-none ${cardTable.table}`}>
                  <TableHead
                    cards
                    caption={t("caption")}
                    columns={[
                      { label: t("columns.select"), hidden: true },
                      t("columns.domain"),
                      t("columns.cpanelUser"),
                      t("columns.server"),
                      t("columns.owner"),
                      t("columns.mailboxes"),
                    ]}
                  />
                  <tbody className={cardTable.body}>
                    {result.accounts.map((account) => (
                      <tr key={account.id} className={cardTable.row}>
                        <td className={cardTable.cell}>
                          <input
                            type="checkbox"
                            name="account"
                            value={account.id}
                            aria-label={t("selectAccount", { domain: account.primaryDomain })}
                          />
                        </td>
                        <td data-label={t("columns.domain")} className={`max-sm:break-all ${cardTable.cell}`}>
                          <Link href={`/support/accounts/${account.id}`} className={link}>
                            {account.primaryDomain}
                          </Link>
                        </td>
                        <td data-label={t("columns.cpanelUser")} className={`font-mono ${cardTable.cell}`}>
                          {account.cpanelUser}
                        </td>
                        <td data-label={t("columns.server")} className={`max-sm:break-all ${cardTable.cell}`}>
                          {account.serverName}
                        </td>
                        <td data-label={t("columns.owner")} className={`max-sm:break-all ${cardTable.cell}`}>
                          {account.ownerEmail ?? <span className="text-slate-700">{t("noOwner")}</span>}
                        </td>
                        <td data-label={t("columns.mailboxes")} className={`max-sm:break-all ${cardTable.cell}`}>
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
                    {t("forceSelected")}
                  </button>
                  <button
                    type="submit"
                    name="scope"
                    value="all"
                    className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
                  >
                    {t("forceAll", { query: result.query })}
                  </button>
                </div>
              </form>
            )}
            <Pagination page={result.page} pageCount={result.pageCount} params={{ q: result.query }} label={t("resultPages")} />
            {result.accounts.some((a) => a.matchedMailboxes.length) ? (
              <BulkActionBar idPrefix="support-bulk" requireReason preview={previewBulkForm} run={runBulkForm} />
            ) : null}
          </BulkSelectionProvider>
        </IntlProvider>
      ) : null}
    </>
  );
}
