import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listServersForAdmin, serverForAdmin } from "@/lib/mail/servers";
import { ServerActions } from "@/components/admin/server-actions";
import { CheckStatusLabel, ServerCheckReport } from "@/components/admin/server-check-report";
import { ServerForm } from "@/components/admin/server-form";
import { IntlProvider } from "@/components/intl-provider";
import { LocalTime } from "@/components/local-time";
import { TableHead } from "@/components/support/table-head";
import { cardTable } from "@/components/card-table";
import { createServer, manageServer } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminServers"))("title") };
}

export default async function ServersPage() {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  const servers = await listServersForAdmin(user);
  const checks = await Promise.all(servers.map(async (s) => ({ name: s.name, check: (await serverForAdmin(user, s.id)).lastCheck })));
  const t = await getTranslations("AdminServers");
  const columns = {
    server: t("columns.server"),
    token: t("columns.token"),
    accounts: t("columns.accounts"),
    status: t("columns.status"),
    lastCheck: t("columns.lastCheck"),
    manage: t("columns.manage"),
  };

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      {servers.length ? (
        <IntlProvider namespaces={["AdminServers", "ConfirmAction", "ReasonField"]}>
          <table className={`mt-4 rounded-md bg-white shadow-sm max-sm:bg-transparent max-sm:shadow-none ${cardTable.table}`}>
            <TableHead cards caption={t("title")} columns={Object.values(columns)} />
            <tbody className={cardTable.body}>
              {servers.map((s) => (
                <tr key={s.id} className={cardTable.row}>
                  <td data-label={columns.server} className={cardTable.cell}>
                    {s.name}
                    <span className="block break-all text-xs text-slate-700">{s.baseUrl}</span>
                    {s.ca === "pasted" ? <span className="block text-xs text-slate-700">{t("pastedCa")}</span> : null}
                  </td>
                  <td data-label={columns.token} className={cardTable.cell}>
                    {t("tokenOf", { kind: s.authMode === "whm" ? "WHM" : "cPanel", user: s.username })}
                  </td>
                  <td data-label={columns.accounts} className={cardTable.cell}>
                    {s.accountCount}
                  </td>
                  <td data-label={columns.status} className={cardTable.cell}>
                    {s.disabled ? <strong className="text-red-800">{t("disabled")}</strong> : t("enabled")}
                  </td>
                  <td data-label={columns.lastCheck} className={`sm:whitespace-nowrap ${cardTable.cell}`}>
                    {s.lastCheck ? (
                      <>
                        <CheckStatusLabel status={s.lastCheck.status} />
                        <span className="block text-xs text-slate-700">
                          <LocalTime ms={s.lastCheck.at} />
                        </span>
                      </>
                    ) : (
                      t("never")
                    )}
                  </td>
                  <td data-label={columns.manage} className={cardTable.cell}>
                    <ServerActions server={s} action={manageServer} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </IntlProvider>
      ) : (
        <p className="mt-4 rounded-md bg-white p-4 shadow-sm">{t("none")}</p>
      )}
      {checks.some((c) => c.check) ? (
        <section aria-labelledby="checks-heading" className="mt-6">
          <h2 id="checks-heading" className="text-lg font-semibold">
            {t("lastChecks")}
          </h2>
          {checks.map((c) => (c.check ? <ServerCheckReport key={c.name} serverName={c.name} check={c.check} /> : null))}
        </section>
      ) : null}
      <section aria-labelledby="add-server-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
        <h2 id="add-server-heading" className="text-lg font-semibold">
          {t("addHeading")}
        </h2>
        <IntlProvider namespaces={["AdminServers", "ReasonField"]}>
          <ServerForm action={createServer} />
        </IntlProvider>
      </section>
    </>
  );
}
