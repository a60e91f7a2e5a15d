import { useLocale, useTranslations } from "next-intl";
import type { PasswordEstimate } from "./use-password-verdict";

const levels = ["veryWeak", "weak", "fair", "strong", "veryStrong"] as const;
const colours = ["bg-red-700", "bg-orange-600", "bg-amber-500", "bg-emerald-600", "bg-emerald-800"];

/** Five levels with words (colour is never the only signal); the verdict arrives from the worker. */
export function StrengthMeter({ hasPassword, estimate }: { hasPassword: boolean; estimate: PasswordEstimate | null }) {
  const t = useTranslations("Password");
  // zxcvbn's hints exist in English only: other languages rely on the checklist rather than mix two languages.
  const showHints = useLocale() === "en";
  const level = estimate?.level ?? 0;
  const text = !hasPassword ? t("noPasswordYet") : estimate ? t(`levels.${levels[level]}`) : t("checking");
  return (
    <div className="mt-2">
      <div
        role="meter"
        aria-label={t("strengthLabel")}
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={hasPassword && estimate ? level : 0}
        aria-valuetext={text}
        className="flex gap-1"
      >
        {levels.map((name, index) => (
          <span
            key={name}
            aria-hidden="true"
            className={`h-1.5 flex-1 rounded ${hasPassword && estimate && index <= level ? colours[level] : "bg-slate-200"}`}
          />
        ))}
      </div>
      <p className="mt-1 text-sm" aria-hidden="true">
        {t.rich("strength", { level: text, strong: (chunks) => <span className="font-semibold">{chunks}</span> })}
      </p>
      {showHints && estimate?.hints.length ? (
        <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
          {estimate.hints.map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
