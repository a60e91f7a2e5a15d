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
  return (
    <div className="space-y-4">
      {plans.map((plan) => {
        const { calls, skipped } = planCounts([plan]);
        return (
          <div key={plan.accountId}>
            <h4 className="font-semibold">
              {plan.label}: {calls} mailbox{calls === 1 ? "" : "es"} to change, {skipped} skipped
            </h4>
            <table className={`mt-1 ${cardTable.table}`}>
              <caption className="sr-only">Dry run for {plan.label}</caption>
              <thead className={cardTable.head}>
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Mailbox
                  </th>
                  <th scope="col" className="px-3 py-2">
                    cPanel call
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Skipped because
                  </th>
                </tr>
              </thead>
              <tbody className={cardTable.body}>
                {plan.items.map((item) => (
                  <tr key={item.email} className={cardTable.row}>
                    <td data-label="Mailbox" className={`${cardTable.cell} max-sm:break-all`}>
                      {item.email}
                    </td>
                    <td data-label="cPanel call" className={`${cardTable.cell} font-mono text-xs break-all`}>
                      {item.call ?? "None"}
                    </td>
                    <td data-label="Skipped because" className={cardTable.cell}>
                      {item.skip ?? (item.note ? `Partly: ${item.note}` : "—")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {plan.accountCalls.length ? (
              <p className="mt-1 text-sm">
                Then, once for the whole account: <span className="font-mono text-xs">{plan.accountCalls.join("; ")}</span>
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
