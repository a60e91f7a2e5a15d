import type { RuleCheck } from "@/lib/password/rules";

/** The policy's plain rules, ticking as the person types; each says met or not in words too. */
export function RuleChecklist({ checks, extra }: { checks: RuleCheck[]; extra: { label: string; ok: boolean | null }[] }) {
  const items = [...checks.map((c) => ({ label: c.label, ok: c.ok as boolean | null })), ...extra];
  return (
    <ul aria-label="Password rules" className="mt-2 grid gap-0.5 text-sm sm:grid-cols-2">
      {items.map((item) => (
        <li key={item.label} className={item.ok ? "text-emerald-800" : "text-slate-700"}>
          <span aria-hidden="true" className="inline-block w-5">
            {item.ok ? "✓" : item.ok === null ? "…" : "○"}
          </span>
          {item.label}
          <span className="sr-only">{item.ok ? " (met)" : item.ok === null ? " (checking)" : " (not met yet)"}</span>
        </li>
      ))}
    </ul>
  );
}
