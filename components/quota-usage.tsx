import { formatMegabytes, usedPercent } from "@/lib/format";

/** Used vs. quota: a bar for the eye and the same facts as text, so colour is never the only signal. */
export function QuotaUsage({ diskUsedBytes, quotaMb }: { diskUsedBytes: number; quotaMb: number | null }) {
  const percent = usedPercent(diskUsedBytes, quotaMb);
  const used = formatMegabytes(diskUsedBytes);
  if (percent === null) {
    return (
      <span className="text-sm">
        {used} used <span className="text-slate-700">· unlimited</span>
      </span>
    );
  }
  const bar = percent >= 90 ? "bg-red-700" : percent >= 75 ? "bg-amber-600" : "bg-emerald-700";
  return (
    <span className="flex min-w-40 flex-col gap-1">
      <span className="text-sm">
        {used} of {formatMegabytes((quotaMb ?? 0) * 1024 * 1024)} ({percent}%)
      </span>
      <span aria-hidden="true" className="block h-1.5 w-full overflow-hidden rounded bg-slate-200">
        <span className={`block h-full ${bar}`} style={{ width: `${Math.min(100, percent)}%` }} />
      </span>
    </span>
  );
}
