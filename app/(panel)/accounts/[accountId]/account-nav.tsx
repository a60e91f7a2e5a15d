import Link from "next/link";
import { useTranslations } from "next-intl";
import { LinkPendingStatus } from "@/components/link-pending-status";

/** The account's pages (named by Account.nav.<key>); `current` is marked for assistive technology too; a
 * tab says it is loading from the click, before the next page's skeleton arrives. Each feature adds its page here. */
const pages = [
  { key: "email", path: "email" },
  { key: "forwarders", path: "forwarders" },
  { key: "activity", path: "activity" },
] as const;

export type AccountPageKey = (typeof pages)[number]["key"];

export function AccountNav({ accountId, current }: { accountId: string; current: AccountPageKey }) {
  const t = useTranslations("Account");
  return (
    <nav aria-label={t("navLabel")} className="mt-3 flex gap-4 border-b border-slate-300 text-sm">
      {pages.map((page) => (
        <Link
          key={page.key}
          href={`/accounts/${accountId}/${page.path}`}
          aria-current={page.key === current ? "page" : undefined}
          className={`relative -mb-px border-b-2 px-1 pb-2 ${page.key === current ? "border-blue-700 font-semibold text-slate-900" : "border-transparent text-blue-800 hover:border-slate-400"}`}
        >
          {t(`nav.${page.key}`)}
          <LinkPendingStatus compact label={t(`loading.${page.key}`)} />
        </Link>
      ))}
    </nav>
  );
}
