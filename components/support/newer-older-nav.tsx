import Link from "next/link";

const link =
  "rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700";

/** Newer/older links for a newest-first list whose total is not counted; `href` builds a page's link. */
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
  noun: string;
}) {
  if (page <= 1 && !hasNext) return null;
  return (
    <nav aria-label={label} className="mt-4 flex items-center gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          Newer {noun}
        </Link>
      ) : null}
      <span className="text-sm">Page {page}</span>
      {hasNext ? (
        <Link href={href(page + 1)} className={link} rel="next">
          Older {noun}
        </Link>
      ) : null}
    </nav>
  );
}
