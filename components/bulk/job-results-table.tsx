import { cardTable } from "@/components/card-table";
import { OUTCOME_CLASS, OUTCOME_TEXT, type JobResultView } from "./job-view";

/** One row per item of a bulk job: what it is, how it ended, the cPanel call, and why it was skipped or failed. */
export function JobResultsTable({ results, itemLabel }: { results: JobResultView[]; itemLabel: string }) {
  return (
    <table className={`mt-2 rounded-md bg-white shadow-sm max-sm:bg-transparent max-sm:shadow-none ${cardTable.table}`}>
      <caption className="sr-only">Result per {itemLabel.toLowerCase()}</caption>
      <thead className={cardTable.head}>
        <tr>
          {[itemLabel, "Result", "cPanel call", "Details"].map((column) => (
            <th key={column} scope="col" className="px-3 py-2">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={cardTable.body}>
        {results.map((r) => (
          <tr key={r.item} className={cardTable.row}>
            <td data-label={itemLabel} className={`${cardTable.cell} max-sm:break-all`}>
              {r.item}
            </td>
            <td data-label="Result" className={`${cardTable.cell} ${OUTCOME_CLASS[r.outcome] ?? ""}`}>
              {OUTCOME_TEXT[r.outcome] ?? r.outcome}
            </td>
            <td data-label="cPanel call" className={`${cardTable.cell} font-mono text-xs break-all`}>
              {r.call ?? "—"}
            </td>
            <td data-label="Details" className={cardTable.cell}>
              {r.detail ?? ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
