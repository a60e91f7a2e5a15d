import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Previous/next links that keep the other query parameters; the current position is spoken as text. */
export async function Pagination({
  page,
  pageCount,
  params,
  label,
}: {
  page: number;
  pageCount: number;
  params: Record<string, string>;
  label: string;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("Pagination");
  const href = (target: number) => `?${new URLSearchParams({ ...params, page: String(target) }).toString()}`;
  const link =
    "rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700";
  return (
    <nav aria-label={label} className="mt-4 flex items-center gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          {t("previous")}
        </Link>
      ) : null}
      <span className="text-sm">{t("position", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={link} rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
