import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { pageParam } from "@/lib/search-params";
import { listAccountActivity } from "@/lib/mail/activity";
import { LocalTime } from "@/components/local-time";
import { NewerOlderNav } from "@/components/support/newer-older-nav";
import { TableHead } from "@/components/support/table-head";
import { cardTable } from "@/components/card-table";
import { accountOr404, accountPageMetadata } from "../account-or-404";
import { AccountHeader } from "../account-header";

export const generateMetadata = accountPageMetadata(async (domain) => (await getTranslations("Activity"))("heading", { domain }));

type Props = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ActivityPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { accountId } = await params;
  const account = await accountOr404(user, accountId);
  const activity = await listAccountActivity(user, account.id, { page: pageParam((await searchParams).page) });
  const t = await getTranslations("Activity");
  const columns = {
    when: t("columns.when"),
    what: t("columns.what"),
    by: t("columns.by"),
    outcome: t("columns.outcome"),
    reason: t("columns.reason"),
  };

  return (
    <>
      <AccountHeader account={account} title={t("heading", { domain: account.primaryDomain })} current="activity">
        {t("intro")}
      </AccountHeader>
      {activity.entries.length === 0 ? (
        <p className="mt-4 rounded-md border border-slate-300 bg-white p-4">{activity.page > 1 ? t("noOlder") : t("none")}</p>
      ) : (
        <table className={`mt-4 rounded-md bg-white shadow-sm max-sm:bg-transparent max-sm:shadow-none ${cardTable.table}`}>
          <TableHead cards caption={t("caption", { domain: account.primaryDomain })} columns={Object.values(columns)} />
          <tbody className={cardTable.body}>
            {activity.entries.map((e) => (
              <tr key={e.id} className={cardTable.row}>
                <td data-label={columns.when} className={`sm:whitespace-nowrap ${cardTable.cell}`}>
                  <LocalTime ms={e.at} />
                </td>
                <td data-label={columns.what} className={cardTable.cell}>
                  {e.what}
                  {e.target ? <span className="block font-mono text-xs break-all text-slate-700">{e.target}</span> : null}
                  {e.change ? <span className="mt-1 block text-sm">{e.change}</span> : null}
                </td>
                <td data-label={columns.by} className={cardTable.cell}>
                  {t(`by.${e.by}`)}
                </td>
                <td data-label={columns.outcome} className={`${cardTable.cell} ${e.outcome === "success" ? "" : "font-semibold text-red-800"}`}>
                  {t(`outcomes.${e.outcome}`)}
                </td>
                <td data-label={columns.reason} className={cardTable.cell}>
                  {e.reason ?? <span className="text-slate-700">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewerOlderNav label={t("pages")} page={activity.page} hasNext={activity.hasNext} href={(n) => `?page=${n}`} noun="changes" />
    </>
  );
}
