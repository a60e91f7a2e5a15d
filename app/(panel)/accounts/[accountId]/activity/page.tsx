import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { pageParam } from "@/lib/search-params";
import { listAccountActivity, OUTCOME_LABELS } from "@/lib/mail/activity";
import { formatUtc } from "@/components/support/format-time";
import { NewerOlderNav } from "@/components/support/newer-older-nav";
import { TableHead } from "@/components/support/table-head";
import { accountOr404 } from "../account-or-404";
import { AccountHeader } from "../account-header";

export const metadata: Metadata = { title: "Activity" };

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
        Every change made to this account through the panel, newest first. Changes by our support team are shown as “Support”, with the reason they gave. Times are UTC.
      </AccountHeader>
      {activity.entries.length === 0 ? (
        <p className="mt-4 rounded-md border border-slate-300 bg-white p-4">{activity.page > 1 ? "No older changes." : "No changes have been made through the panel yet."}</p>
      ) : (
        <table className="mt-4 w-full border-collapse rounded-md bg-white text-left text-sm shadow-sm">
          <TableHead caption={`Changes to ${account.primaryDomain}`} columns={["When", "What", "By", "Outcome", "Reason"]} />
          <tbody>
            {activity.entries.map((e) => (
              <tr key={e.id} className="border-t border-slate-200 align-top">
                <td className="whitespace-nowrap px-3 py-2">{formatUtc(e.at)}</td>
                <td className="px-3 py-2">
                  {e.what}
                  {e.target ? <span className="block font-mono text-xs text-slate-700">{e.target}</span> : null}
                </td>
                <td className="px-3 py-2">{e.by}</td>
                <td className={`px-3 py-2 ${e.outcome === "success" ? "" : "font-semibold text-red-800"}`}>{OUTCOME_LABELS[e.outcome] ?? e.outcome}</td>
                <td className="px-3 py-2">{e.reason ?? <span className="text-slate-700">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewerOlderNav label="Activity pages" page={activity.page} hasNext={activity.hasNext} href={(n) => `?page=${n}`} noun="changes" />
    </>
  );
}
