import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { upstreamMessage } from "@/lib/i18n/upstream";
import { LinkPendingStatus } from "@/components/link-pending-status";
import type { Actor } from "@/lib/core/actor";
import { isStaff } from "@/lib/auth/roles";
import { listMailboxPage } from "@/lib/mail/mailboxes";
import { mailboxListSummaries, rowSummary } from "@/lib/mail/mailbox-list-summary";
import { UpstreamError } from "@/lib/core/errors";
import { ErrorPanel } from "@/components/error-panel";
import { MailboxSummaryChips } from "@/components/mailbox-summary-chips";
import { Pagination } from "@/components/pagination";
import { QuotaUsage } from "@/components/quota-usage";
import { cardTable } from "@/components/card-table";
import { BulkActionBar } from "@/components/bulk/bulk-action-bar";
import { BulkSelectionProvider } from "@/components/bulk/bulk-selection";
import { SelectAllCheckbox } from "@/components/bulk/select-all-checkbox";
import { SelectMailboxCheckbox } from "@/components/bulk/select-mailbox-checkbox";
import { selectionValue } from "@/components/bulk/types";
import { previewBulkForm, runBulkForm, selectMatchingMailboxes } from "../../../jobs/actions";

/**
 * The live mailbox list; streamed in after the page shell, and an error panel (not a crash) when cPanel fails. Each row
 * has a checkbox for the bulk action bar below the list (the selection may span pages: "select all that match"), and the
 * mailbox page's summary chips: forwarding and out of office come from account-wide listings read alongside the list
 * (a fixed number of cPanel calls per page, not one per row), and say "unknown" rather than hold the list back.
 */
export async function MailboxTable({ user, accountId, query, page }: { user: Actor; accountId: string; query: string; page: number }) {
  const t = await getTranslations("Mailboxes");
  let result, summaries;
  try {
    [result, summaries] = await Promise.all([listMailboxPage(user, accountId, { query, page }), mailboxListSummaries(user, accountId)]);
  } catch (error) {
    if (error instanceof UpstreamError) {
      return (
        <ErrorPanel title={t("unavailable")}>
          <p>{await upstreamMessage(error)}</p>
        </ErrorPanel>
      );
    }
    throw error;
  }

  const { mailboxes, total } = result;
  const pageValues = mailboxes.map((m) => selectionValue(accountId, m.email));
  // eslint-disable-next-line react-hooks/purity -- a server component renders once per request: this is when the data was read.
  const now = Date.now();
  return (
    <BulkSelectionProvider>
      <p className="text-sm" role="status">
        {query ? t("countMatching", { count: total, query }) : t("count", { count: total })}
      </p>
      {mailboxes.length === 0 ? (
        <p className="mt-2 rounded-md border border-slate-300 bg-white p-4">{query ? t("noMatch") : t("none")}</p>
      ) : (
        <>
          {/* Above the table, not in its header: the header is hidden on phones, where the rows become cards. */}
          <label className="mt-2 flex w-fit items-center gap-2 px-3 text-sm font-medium">
            <SelectAllCheckbox values={pageValues} label={t("selectAllOnPage")} />
            {t("selectAllOnPage")}
          </label>
          <table className={`mt-2 rounded-md bg-white shadow-sm max-sm:bg-transparent max-sm:shadow-none ${cardTable.table}`}>
            <caption className="sr-only">{t("caption")}</caption>
            <thead className={cardTable.head}>
              <tr>
                <th scope="col" className="w-10 px-3 py-2">
                  <span className="sr-only">{t("columns.select")}</span>
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.address")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.storage")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.status")}
                </th>
              </tr>
            </thead>
            <tbody className={cardTable.body}>
              {mailboxes.map((mailbox) => (
                <tr key={mailbox.email} className={cardTable.row}>
                  <td data-label={t("columns.select")} className={cardTable.cell}>
                    <SelectMailboxCheckbox value={selectionValue(accountId, mailbox.email)} address={mailbox.email} />
                  </td>
                  <td data-label={t("columns.address")} className={`${cardTable.cell} max-sm:break-all`}>
                    <Link
                      href={`/accounts/${accountId}/email/${encodeURIComponent(mailbox.email)}`}
                      className="font-medium text-blue-800 underline underline-offset-2"
                    >
                      {mailbox.email}
                      <LinkPendingStatus label={t("loadingMailbox")} />
                    </Link>
                  </td>
                  <td data-label={t("columns.storage")} className={cardTable.cell}>
                    <QuotaUsage diskUsedBytes={mailbox.diskUsedBytes} quotaMb={mailbox.quotaMb} />
                  </td>
                  <td data-label={t("columns.status")} className={cardTable.cell}>
                    <MailboxSummaryChips
                      address={mailbox.email}
                      suspendLogin={mailbox.suspendLogin}
                      suspendIncoming={mailbox.suspendIncoming}
                      suspendOutgoing={mailbox.suspendOutgoing}
                      holdOutgoing={mailbox.holdOutgoing}
                      {...rowSummary(summaries, mailbox.email)}
                      now={now}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} params={query ? { q: query } : {}} label={t("pages")} />
      {mailboxes.length ? (
        <BulkActionBar
          idPrefix="mailbox-bulk"
          requireReason={isStaff(user.role)}
          preview={previewBulkForm}
          run={runBulkForm}
          matching={{ total, onPage: mailboxes.length, load: selectMatchingMailboxes.bind(null, { accountId, query }) }}
        />
      ) : null}
    </BulkSelectionProvider>
  );
}
