import { useTranslations } from "next-intl";
import type { PasswordRuleCode, RuleCheck } from "@/lib/password/rules";

/** A line of the checklist: a rule of the policy (worded from PasswordPolicy.labels) and whether it is met; null = being checked. */
export type ChecklistItem = { code: PasswordRuleCode; values?: RuleCheck["values"]; ok: boolean | null };

/** The policy's plain rules, ticking as the person types; each says met or not in words too. */
export function RuleChecklist({ items }: { items: ChecklistItem[] }) {
  const t = useTranslations("PasswordPolicy");
  return (
    <ul aria-label={t("checklistLabel")} className="mt-2 grid gap-0.5 text-sm sm:grid-cols-2">
      {items.map((item) => (
        <li key={item.code} className={item.ok ? "text-emerald-800" : "text-slate-700"}>
          <span aria-hidden="true" className="inline-block w-5">
            {item.ok ? "✓" : item.ok === null ? "…" : "○"}
          </span>
          {t(`labels.${item.code}`, item.values)}
          <span className="sr-only">{item.ok ? t("met") : item.ok === null ? t("checking") : t("notMet")}</span>
        </li>
      ))}
    </ul>
  );
}
