import { cardTable } from "@/components/card-table";
import { TableHead } from "@/components/support/table-head";
import { LocalTime } from "@/components/local-time";

type Status = "ok" | "warn" | "fail";

type Props = {
  serverName: string;
  check: {
    checkedAt: number;
    status: Status;
    steps: { key: string; title: string; status: Status; message: string }[];
    features: { feature: string; acl: string; ok: boolean }[];
  };
};

const LABEL: Record<Status, string> = { ok: "OK", warn: "Warning", fail: "Failed" };
const TONE: Record<Status, string> = { ok: "text-emerald-800", warn: "text-amber-800", fail: "text-red-800" };

/** A status as a word (never colour alone). */
export function CheckStatusLabel({ status }: { status: Status }) {
  return <strong className={TONE[status]}>{LABEL[status]}</strong>;
}

/** The last connection check of a server: each step with its sentence, and the feature → ACL table. */
export function ServerCheckReport({ serverName, check }: Props) {
  const headingId = `check-${serverName.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className="mt-4 rounded-md bg-white p-4 shadow-sm">
      <h3 id={headingId} className="text-base font-semibold">
        Last check of {serverName}: <CheckStatusLabel status={check.status} />{" "}
        <span className="text-sm font-normal text-slate-700">
          (<LocalTime ms={check.checkedAt} />)
        </span>
      </h3>
      <table className={`mt-2 ${cardTable.table}`}>
        <TableHead cards caption={`Check steps of ${serverName}`} columns={["Step", "Result", "Details"]} />
        <tbody className={cardTable.body}>
          {check.steps.map((step) => (
            <tr key={step.key} className={cardTable.row}>
              <td data-label="Step" className={cardTable.cell}>
                {step.title}
              </td>
              <td data-label="Result" className={cardTable.cell}>
                <CheckStatusLabel status={step.status} />
              </td>
              <td data-label="Details" className={`break-words ${cardTable.cell}`}>
                {step.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {check.features.length ? (
        <table className={`mt-3 ${cardTable.table}`}>
          <TableHead cards caption={`Features of ${serverName} and the ACL each needs`} columns={["Feature", "ACL", "Token"]} />
          <tbody className={cardTable.body}>
            {check.features.map((f) => (
              <tr key={f.feature} className={cardTable.row}>
                <td data-label="Feature" className={cardTable.cell}>
                  {f.feature}
                </td>
                <td data-label="ACL" className={`font-mono ${cardTable.cell}`}>
                  {f.acl}
                </td>
                <td data-label="Token" className={cardTable.cell}>
                  {f.ok ? <strong className="text-emerald-800">OK</strong> : <strong className="text-red-800">Missing {f.acl}</strong>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
