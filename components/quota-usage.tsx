import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatMegabytes, usedPercent } from "@/lib/format";

const muted = (chunks: ReactNode) => <span className="text-slate-700">{chunks}</span>;

/**
 * Used vs. quota: a bar for the eye and the same facts as text, so colour is never the only signal. Sizes and the
 * share as the reader's locale writes them. Server or client component (in the browser it needs the MailboxChips messages).
 */
export function QuotaUsage({ diskUsedBytes, quotaMb }: { diskUsedBytes: number; quotaMb: number | null }) {
  const t = useTranslations("MailboxChips");
  const locale = useLocale();
  const percent = usedPercent(diskUsedBytes, quotaMb);
  const used = formatMegabytes(diskUsedBytes, locale);
  if (percent === null) {
    return <span className="text-sm">{t.rich("quota.unlimited", { used, muted })}</span>;
  }
  const bar = percent >= 90 ? "bg-red-700" : percent >= 75 ? "bg-amber-600" : "bg-emerald-700";
  return (
    <span className="flex min-w-40 flex-col gap-1">
      <span className="text-sm">
        {t("quota.usedOf", { used, quota: formatMegabytes((quotaMb ?? 0) * 1024 * 1024, locale), share: percent / 100 })}
      </span>
      <span aria-hidden="true" className="block h-1.5 w-full overflow-hidden rounded bg-slate-200">
        <span className={`block h-full ${bar}`} style={{ width: `${Math.min(100, percent)}%` }} />
      </span>
    </span>
  );
}
