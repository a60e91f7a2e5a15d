import { useTranslations } from "next-intl";
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

const TONE: Record<Status, string> = { ok: "text-emerald-800", warn: "text-amber-800", fail: "text-red-800" };

/** A status as a word (never colour alone). */
export function CheckStatusLabel({ status }: { status: Status }) {
  const t = useTranslations("ServerCheck");
  return <strong className={TONE[status]}>{t(`statuses.${status}`)}</strong>;
}

/**
 * The last connection check of a server: each step with its sentence, and the feature → ACL table. The page's own
 * words are the ServerCheck messages; a step's title is looked up by its key (the check stores English titles). The
 * step sentences and feature names are written by lib/mail/server-check.ts in English (the CLI prints them too, and
 * past checks are stored as written), with cPanel's own words inside them as cPanel wrote them.
 */
export function ServerCheckReport({ serverName, check }: Props) {
  const t = useTranslations("ServerCheck");
  const headingId = `check-${serverName.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  const stepTitle = (step: { key: string; title: string }) => {
    const key = `steps.${step.key}`;
    // A step this version does not know (a check stored by another version) keeps the title it was stored with.
    return t.has(key as never) ? t(key as never) : step.title;
  };
  const columns = {
    step: t("columns.step"),
    result: t("columns.result"),
    details: t("columns.details"),
    feature: t("columns.feature"),
    acl: t("columns.acl"),
    token: t("columns.token"),
  };
  return (
    <section aria-labelledby={headingId} className="mt-4 rounded-md bg-white p-4 shadow-sm">
      <h3 id={headingId} className="text-base font-semibold">
        {t.rich("heading", {
          server: serverName,
          status: () => <CheckStatusLabel status={check.status} />,
          when: () => (
            <span className="text-sm font-normal text-slate-700">
              (<LocalTime ms={check.checkedAt} />)
            </span>
          ),
        })}
      </h3>
      <table className={`mt-2 ${cardTable.table}`}>
        <TableHead cards caption={t("stepsCaption", { server: serverName })} columns={[columns.step, columns.result, columns.details]} />
        <tbody className={cardTable.body}>
          {check.steps.map((step) => (
            <tr key={step.key} className={cardTable.row}>
              <td data-label={columns.step} className={cardTable.cell}>
                {stepTitle(step)}
              </td>
              <td data-label={columns.result} className={cardTable.cell}>
                <CheckStatusLabel status={step.status} />
              </td>
              <td data-label={columns.details} className={`break-words ${cardTable.cell}`}>
                {step.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {check.features.length ? (
        <table className={`mt-3 ${cardTable.table}`}>
          <TableHead cards caption={t("featuresCaption", { server: serverName })} columns={[columns.feature, columns.acl, columns.token]} />
          <tbody className={cardTable.body}>
            {check.features.map((f) => (
              <tr key={f.feature} className={cardTable.row}>
                <td data-label={columns.feature} className={cardTable.cell}>
                  {f.feature}
                </td>
                <td data-label={columns.acl} className={`font-mono ${cardTable.cell}`}>
                  {f.acl}
                </td>
                <td data-label={columns.token} className={cardTable.cell}>
                  {f.ok ? (
                    <strong className="text-emerald-800">{t("statuses.ok")}</strong>
                  ) : (
                    <strong className="text-red-800">{t("missing", { acl: f.acl })}</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
