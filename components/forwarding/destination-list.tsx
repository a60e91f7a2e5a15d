import { useTranslations } from "next-intl";
import type { ForwardDestination } from "@/lib/forwarding/describe";
import { destinationText, removeLabel, staffOnlyNote } from "./labels";
import { removeButtonClass } from "./styles";

type Props = {
  accountId: string;
  source: string;
  destinations: ForwardDestination[];
  /** Accessible name of the list. */
  label: string;
  /** Name the source in each remove button (the account page lists many addresses). */
  nameSource?: boolean;
  isStaff: boolean;
  pending: boolean;
  remove: (formData: FormData) => void;
};

/** An address's destinations, each with its own remove button (a small form per destination). */
export function DestinationList({ accountId, source, destinations, label, nameSource, isStaff, pending, remove }: Props) {
  const t = useTranslations("Forwarding");
  return (
    <ul aria-label={label} className="divide-y divide-slate-200 rounded-md border border-slate-300">
      {destinations.map((d) => {
        const note = isStaff ? null : staffOnlyNote(d, t);
        return (
          <li key={`${d.kind}:${d.destination}`} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
            <div className="min-w-0">
              <p className={`break-all ${d.kind === "address" ? "font-mono text-sm" : "text-sm"}`}>{destinationText(d, t)}</p>
              {note ? <p className="text-xs text-slate-700">{note}</p> : null}
            </div>
            <form action={remove}>
              <input type="hidden" name="accountId" value={accountId} />
              <input type="hidden" name="address" value={source} />
              <input type="hidden" name="destination" value={d.destination} />
              <button type="submit" disabled={pending} className={removeButtonClass}>
                {removeLabel(d, t, nameSource ? source : undefined)}
              </button>
            </form>
          </li>
        );
      })}
    </ul>
  );
}
