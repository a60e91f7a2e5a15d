import { useTranslations } from "next-intl";
import { cardTable } from "@/components/card-table";
import { OUTCOME_CLASS, type JobResultView, type JobSummaryView } from "./job-view";

/**
 * One row per item of a bulk job: what it is, how it ended, the cPanel call, and why it was skipped or failed.
 * `itemLabel` names an item's column ("Mailbox"); the caller words it, and `kind` picks the caption (a whole sentence
 * per kind: German capitalises its nouns, so a label cannot be lower-cased into one). An outcome without a message is
 * shown as its code.
 */
export function JobResultsTable({ results, itemLabel, kind }: { results: JobResultView[]; itemLabel: string; kind: JobSummaryView["kind"] }) {
  const t = useTranslations("Bulk");
  const outcome = (code: string) => (t.has(`results.outcomes.${code}` as never) ? t(`results.outcomes.${code}` as never) : code);
  const columns = { result: t("results.columns.result"), call: t("results.columns.call"), details: t("results.columns.details") };
  return (
    <table className={`mt-2 rounded-md bg-white shadow-sm max-sm:bg-transparent max-sm:shadow-none ${cardTable.table}`}>
      <caption className="sr-only">{t("results.caption", { kind })}</caption>
      <thead className={cardTable.head}>
        <tr>
          {[itemLabel, columns.result, columns.call, columns.details].map((column) => (
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
            <td data-label={columns.result} className={`${cardTable.cell} ${OUTCOME_CLASS[r.outcome] ?? ""}`}>
              {outcome(r.outcome)}
            </td>
            <td data-label={columns.call} className={`${cardTable.cell} font-mono text-xs break-all`}>
              {r.call ?? "—"}
            </td>
            <td data-label={columns.details} className={cardTable.cell}>
              {r.detail ?? ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
