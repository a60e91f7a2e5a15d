import { useTranslations } from "next-intl";

type Flags = { suspendLogin: boolean; suspendIncoming: boolean; suspendOutgoing: boolean; holdOutgoing: boolean };

const restrictions = ["suspendLogin", "suspendIncoming", "suspendOutgoing", "holdOutgoing"] as const satisfies readonly (keyof Flags)[];

/**
 * The mailbox's restrictions as words, or "Active" when there are none. Server or client component alike (the support
 * page renders it on the server, the summary chips in the browser: there the MailboxChips messages must be provided).
 */
export function MailboxBadges(flags: Flags) {
  const t = useTranslations("MailboxChips");
  const active = restrictions.filter((key) => flags[key]);
  if (active.length === 0) return <span className="text-sm text-slate-700">{t("active")}</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("restrictions")}>
      {active.map((key) => (
        <li key={key} className="rounded border border-amber-400 bg-amber-50 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
          {t(`badges.${key}`)}
        </li>
      ))}
    </ul>
  );
}
