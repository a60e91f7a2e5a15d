import { requireUser } from "@/lib/auth/session";
import { pageParam } from "@/lib/search-params";
import { listAccountActivity, OUTCOME_LABELS } from "@/lib/mail/activity";
import { LocalTime } from "@/components/local-time";
import { NewerOlderNav } from "@/components/support/newer-older-nav";
import { TableHead } from "@/components/support/table-head";
import { cardTable } from "@/components/card-table";
import { accountOr404, accountPageMetadata } from "../account-or-404";
import { AccountHeader } from "../account-header";

export const generateMetadata = accountPageMetadata((domain) => `Activity on ${domain}`);

type Props = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ActivityPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { accountId } = await params;
  const account = await accountOr404(user, accountId);
  const activity = await listAccountActivity(user, account.id, { page: pageParam((await searchParams).page) });

  return (
    <>
      <AccountHeader account={account} title={`Activity on ${account.primaryDomain}`} current="activity">
        Every change made to this account through the panel, newest first. Changes by our support team are shown as “Support”, with the reason they
        gave. Times are in your time zone.
      </AccountHeader>
      {activity.entries.length === 0 ? (
        <p className="mt-4 rounded-md border border-slate-300 bg-white p-4">
          {activity.page > 1 ? "No older changes." : "No changes have been made through the panel yet."}
        </p>
      ) : (
        <table className={`mt-4 rounded-md bg-white shadow-sm max-sm:bg-transparent max-sm:shadow-none ${cardTable.table}`}>
          <TableHead cards caption={`Changes to ${account.primaryDomain}`} columns={["When", "What", "By", "Outcome", "Reason"]} />
          <tbody className={cardTable.body}>
            {activity.entries.map((e) => (
              <tr key={e.id} className={cardTable.row}>
                <td data-label="When" className={`sm:whitespace-nowrap ${cardTable.cell}`}>
                  <LocalTime ms={e.at} />
                </td>
                <td data-label="What" className={cardTable.cell}>
                  {e.what}
                  {e.target ? <span className="block font-mono text-xs break-all text-slate-700">{e.target}</span> : null}
                  {e.change ? <span className="mt-1 block text-sm">{e.change}</span> : null}
                </td>
                <td data-label="By" className={cardTable.cell}>
                  {e.by}
                </td>
                <td data-label="Outcome" className={`${cardTable.cell} ${e.outcome === "success" ? "" : "font-semibold text-red-800"}`}>
                  {OUTCOME_LABELS[e.outcome] ?? e.outcome}
                </td>
                <td data-label="Reason" className={cardTable.cell}>
                  {e.reason ?? <span className="text-slate-700">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewerOlderNav label="Activity pages" page={activity.page} hasNext={activity.hasNext} href={(n) => `?page=${n}`} noun="changes" />
    </>
  );
}
