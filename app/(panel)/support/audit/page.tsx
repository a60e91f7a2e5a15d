import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageParam, stringParam } from "@/lib/search-params";
import { auditActionChoices, listAuditLog, type AuditLogQuery } from "@/lib/mail/activity";
import { LocalTime } from "@/components/local-time";
import { NewerOlderNav } from "@/components/support/newer-older-nav";
import { TableHead } from "@/components/support/table-head";
import { cardTable } from "@/components/card-table";
import { staffOr404 } from "../staff-or-404";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Audit"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS = ["actor", "account", "action", "outcome", "from", "to"] as const;
/** The audit outcomes, worded by Audit.outcomes. */
const OUTCOMES = ["success", "failure", "denied", "unknown"] as const;
const ROLES = ["customer", "support", "admin"] as const;
const PAGE_SIZE = 50;
const input = "mt-1 block w-56 rounded-md border border-slate-400 px-2 py-1.5 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";
const link =
  "rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700";

export default async function AuditLogPage({ searchParams }: Props) {
  const user = await staffOr404();
  const params = await searchParams;
  const filters = Object.fromEntries(FILTERS.map((key) => [key, stringParam(params[key])]).filter(([, v]) => v)) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const query: AuditLogQuery = { ...filters, page: pageParam(params.page) };
  const [log, actionChoices] = await Promise.all([listAuditLog(user, query), auditActionChoices()]);
  const href = (extra: Record<string, string>) => `?${new URLSearchParams({ ...filters, ...extra }).toString()}`;
  const t = await getTranslations("Audit");
  const outcome = (value: string) => ((OUTCOMES as readonly string[]).includes(value) ? t(`outcomes.${value as (typeof OUTCOMES)[number]}`) : value);
  const role = (value: string) => ((ROLES as readonly string[]).includes(value) ? t(`roles.${value as (typeof ROLES)[number]}`) : value);
  const first = (log.page - 1) * PAGE_SIZE + 1;

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/support" className="text-blue-800 underline underline-offset-2">
          {t("support")}
        </Link>
        <span aria-hidden="true"> / </span>
        <span>{t("title")}</span>
      </nav>
      <h1 className="mt-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>

      <form method="get" className="mt-4 flex flex-wrap items-end gap-3 rounded-md bg-white p-3 shadow-sm" aria-label={t("filterLabel")}>
        <div>
          <label htmlFor="f-actor" className="block text-sm font-medium">
            {t("actor")}
          </label>
          <input id="f-actor" name="actor" type="email" defaultValue={filters.actor} className={input} />
        </div>
        <div>
          <label htmlFor="f-account" className="block text-sm font-medium">
            {t("account")}
          </label>
          <input id="f-account" name="account" type="text" defaultValue={filters.account} className={input} />
        </div>
        <div>
          <label htmlFor="f-action" className="block text-sm font-medium">
            {t("action")}
          </label>
          <select id="f-action" name="action" defaultValue={filters.action ?? ""} className={input}>
            <option value="">{t("any")}</option>
            {filters.action && !actionChoices.some((a) => a.action === filters.action) ? (
              <option value={filters.action}>{filters.action}</option>
            ) : null}
            {actionChoices.map((a) => (
              <option key={a.action} value={a.action}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-outcome" className="block text-sm font-medium">
            {t("outcome")}
          </label>
          <select id="f-outcome" name="outcome" defaultValue={filters.outcome ?? ""} className={input}>
            <option value="">{t("any")}</option>
            {OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {outcome(value)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-from" className="block text-sm font-medium">
            {t("from")}
          </label>
          <input id="f-from" name="from" type="date" defaultValue={filters.from} className={input} />
        </div>
        <div>
          <label htmlFor="f-to" className="block text-sm font-medium">
            {t("to")}
          </label>
          <input id="f-to" name="to" type="date" defaultValue={filters.to} className={input} />
        </div>
        <button
          type="submit"
          className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
        >
          {t("filter")}
        </button>
        <Link href="/support/audit" className={link}>
          {t("clear")}
        </Link>
        <a href={`/support/audit/export${href({})}`} className={link} download>
          {t("download")}
        </a>
      </form>

      {log.filterProblems.map((problem) => (
        <p key={problem} className="mt-2 text-sm font-medium text-amber-900">
          {problem}
        </p>
      ))}
      <p role="status" className="mt-3 text-sm">
        {log.rows.length === 0 ? t("noEvents") : t("position", { page: log.page, first, last: first + log.rows.length - 1 })}
      </p>
      {log.rows.length ? (
        <div className="mt-2 sm:overflow-x-auto">
          <table className={`rounded-md bg-white shadow-sm max-sm:bg-transparent max-sm:shadow-none ${cardTable.table}`}>
            <TableHead
              cards
              caption={t("caption")}
              columns={[t("columns.when"), t("columns.who"), t("columns.account"), t("columns.what"), t("columns.outcome"), t("columns.reason")]}
            />
            <tbody className={cardTable.body}>
              {log.rows.map((row) => (
                <tr key={row.id} className={cardTable.row}>
                  <td data-label={t("columns.when")} className={`sm:whitespace-nowrap ${cardTable.cell}`}>
                    <LocalTime ms={row.at} />
                  </td>
                  <td data-label={t("columns.who")} className={cardTable.cell}>
                    {row.actorEmail ?? "—"}
                    {row.actorRole ? <span className="block text-xs text-slate-700">{role(row.actorRole)}</span> : null}
                  </td>
                  <td data-label={t("columns.account")} className={cardTable.cell}>
                    {row.account ? (
                      <Link href={`/support/accounts/${row.account.id}`} className="text-blue-800 underline underline-offset-2">
                        {row.account.primaryDomain}
                      </Link>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td data-label={t("columns.what")} className={cardTable.cell}>
                    {row.what}
                    {row.target ? <span className="block font-mono text-xs break-all text-slate-700">{row.target}</span> : null}
                    {row.change ? <span className="mt-1 block text-sm">{row.change}</span> : null}
                    <span className="block font-mono text-xs break-all text-slate-700">{row.action}</span>
                  </td>
                  <td
                    data-label={t("columns.outcome")}
                    className={`${cardTable.cell} ${row.outcome === "success" ? "" : "font-semibold text-red-800"}`}
                  >
                    {outcome(row.outcome)}
                  </td>
                  <td data-label={t("columns.reason")} className={cardTable.cell}>
                    {row.reason ?? <span className="text-slate-700">—</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <NewerOlderNav label={t("pages")} page={log.page} hasNext={log.hasNext} href={(n) => href({ page: String(n) })} noun="events" />
    </>
  );
}
