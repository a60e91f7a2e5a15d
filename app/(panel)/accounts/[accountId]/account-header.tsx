import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { AccountNav, type AccountPageKey } from "./account-nav";

/** The top of every account page: breadcrumb, title, a line about the account, and the account's pages. */
export function AccountHeader({
  account,
  title,
  current,
  children,
}: {
  account: { id: string; primaryDomain: string; cpanelUser: string; serverName: string };
  title: string;
  current: AccountPageKey;
  /** The line under the title; by default the cPanel user and server. */
  children?: ReactNode;
}) {
  const t = useTranslations("Account");
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/accounts" className="text-blue-800 underline underline-offset-2">
          {t("hostingAccounts")}
        </Link>
        <span aria-hidden="true"> / </span>
        <span>{account.primaryDomain}</span>
      </nav>
      <h1 className="mt-2 text-2xl font-bold">{title}</h1>
      <p className="mt-1 text-sm text-slate-700">
        {children ??
          t.rich("cpanelUserOn", {
            user: account.cpanelUser,
            server: account.serverName,
            code: (chunks) => <span className="font-mono">{chunks}</span>,
          })}
      </p>
      <AccountNav accountId={account.id} current={current} />
    </>
  );
}
