import { useTranslations } from "next-intl";
import { cardTable } from "@/components/card-table";
import type { PlanView } from "./types";

/** Counts of a dry run: mailboxes with calls, and mailboxes skipped. */
export function planCounts(plans: PlanView[]): { mailboxes: number; calls: number; skipped: number } {
  const items = plans.flatMap((p) => p.items);
  const calls = items.filter((i) => i.call !== null).length;
  return { mailboxes: items.length, calls, skipped: items.length - calls };
}

/** The dry run: per account, every cPanel call that would be made for each mailbox, and what is skipped and why. */
export function PlanTable({ plans }: { plans: PlanView[] }) {
  const t = useTranslations("Bulk");
  return (
    <div className="space-y-4">
      {plans.map((plan) => {
        const { calls, skipped } = planCounts([plan]);
        return (
          <div key={plan.accountId}>
            <h4 className="font-semibold">{t("plan.heading", { account: plan.label, count: calls, skipped })}</h4>
            <table className={`mt-1 ${cardTable.table}`}>
              <caption className="sr-only">{t("plan.caption", { account: plan.label })}</caption>
              <thead className={cardTable.head}>
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("plan.columns.mailbox")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("plan.columns.call")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("plan.columns.skip")}
                  </th>
                </tr>
              </thead>
              <tbody className={cardTable.body}>
                {plan.items.map((item) => (
                  <tr key={item.email} className={cardTable.row}>
                    <td data-label={t("plan.columns.mailbox")} className={`${cardTable.cell} max-sm:break-all`}>
                      {item.email}
                    </td>
                    <td data-label={t("plan.columns.call")} className={`${cardTable.cell} font-mono text-xs break-all`}>
                      {item.call ?? t("plan.noCall")}
                    </td>
                    <td data-label={t("plan.columns.skip")} className={cardTable.cell}>
                      {item.skip ?? (item.note ? t("plan.partly", { note: item.note }) : "—")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {plan.accountCalls.length ? (
              <p className="mt-1 text-sm">
                {t.rich("plan.accountCalls", {
                  calls: plan.accountCalls.join("; "),
                  mono: (chunks) => <span className="font-mono text-xs">{chunks}</span>,
                })}
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
