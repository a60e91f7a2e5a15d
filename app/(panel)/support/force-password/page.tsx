import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { stringParam } from "@/lib/search-params";
import { planForcePasswordChange, MAX_BATCH_ACCOUNTS } from "@/lib/mail/force-password";
import { ForcePasswordForm } from "@/components/support/force-password-form";
import { SearchForm } from "@/components/search-form";
import { IntlProvider } from "@/components/intl-provider";
import { staffOr404 } from "../staff-or-404";
import { startForcePasswordJob } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ForcePassword"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ForcePasswordPage({ searchParams }: Props) {
  const user = await staffOr404();
  const params = await searchParams;
  const selected = (Array.isArray(params.account) ? params.account : params.account ? [params.account] : []).slice(0, MAX_BATCH_ACCOUNTS + 1);
  const query = stringParam(params.q);
  const all = stringParam(params.scope) === "all" || (selected.length === 0 && query !== "");
  const plan = selected.length || all ? await planForcePasswordChange(user, all ? { query } : { accountIds: selected }) : null;
  const total = plan?.servers.reduce((n, s) => n + s.accounts.length, 0) ?? 0;
  const t = await getTranslations("ForcePassword");

  return (
    <>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/support" className="text-blue-800 underline underline-offset-2">
          {t("support")}
        </Link>
        <span aria-hidden="true"> / </span>
        <span>{t("title")}</span>
      </nav>
      <h1 className="mt-2 text-2xl font-bold">{t("heading")}</h1>
      <p className="mt-1 text-sm text-slate-700">{t("intro", { max: MAX_BATCH_ACCOUNTS })}</p>
      <div className="mt-4">
        <SearchForm label={t("searchLabel")} defaultValue={all ? query : ""} placeholder={t("searchPlaceholder")} />
      </div>
      {plan ? (
        <>
          {plan.missing ? <p className="mt-3 text-sm font-medium text-amber-900">{t("missing", { count: plan.missing })}</p> : null}
          {plan.truncated ? <p className="mt-3 text-sm font-medium text-amber-900">{t("truncated", { max: MAX_BATCH_ACCOUNTS })}</p> : null}
          {total === 0 ? (
            <p className="mt-4 rounded-md border border-slate-300 bg-white p-4">{t("none")}</p>
          ) : (
            <>
              <details className="mt-4 rounded-md bg-white p-3 shadow-sm">
                <summary className="cursor-pointer text-sm font-medium">
                  {t("listed", { count: total, servers: plan.servers.map((s) => `${s.serverName} (${s.accounts.length})`).join(", ") })}
                </summary>
                <ul className="mt-2 columns-2 text-sm sm:columns-3">
                  {plan.servers
                    .flatMap((s) => s.accounts)
                    .map((a) => (
                      <li key={a.id}>
                        {a.primaryDomain} <span className="font-mono text-slate-700">({a.cpanelUser})</span>
                      </li>
                    ))}
                </ul>
              </details>
              <div className="mt-4">
                <IntlProvider namespaces={["ForcePasswordForm", "ReasonField"]}>
                  <ForcePasswordForm
                    accountIds={all ? [] : plan.servers.flatMap((s) => s.accounts.map((a) => a.id))}
                    query={query}
                    total={total}
                    servers={plan.servers.length}
                    action={startForcePasswordJob}
                  />
                </IntlProvider>
              </div>
            </>
          )}
        </>
      ) : null}
    </>
  );
}
