import Link from "next/link";
import { useTranslations } from "next-intl";

const link =
  "rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700";

/** Newer/older links for a newest-first list whose total is not counted; `href` builds a page's link, `noun` names the items. */
export function NewerOlderNav({
  label,
  page,
  hasNext,
  href,
  noun,
}: {
  label: string;
  page: number;
  hasNext: boolean;
  href: (page: number) => string;
  noun: "events" | "changes";
}) {
  const t = useTranslations("NewerOlderNav");
  if (page <= 1 && !hasNext) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          {t(`newer.${noun}`)}
        </Link>
      ) : null}
      <span className="text-sm">{t("page", { page })}</span>
      {hasNext ? (
        <Link href={href(page + 1)} className={link} rel="next">
          {t(`older.${noun}`)}
        </Link>
      ) : null}
    </nav>
  );
}
