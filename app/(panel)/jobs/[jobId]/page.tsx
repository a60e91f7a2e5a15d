import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import type { Messages } from "@/lib/i18n/messages";
import { jobJson } from "@/lib/api/job-json";
import { AutoRefresh } from "@/components/bulk/auto-refresh";
import { JobResultsTable } from "@/components/bulk/job-results-table";
import { OneClickForm } from "@/components/secure/one-click-form";
import { cancelJobForm } from "../actions";
import { jobOr404 } from "../job-or-404";
import { jobStateText } from "../job-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Jobs"))("title") };
}
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ jobId: string }> };
type OutcomeCode = keyof Messages["Bulk"]["results"]["outcomes"];

/** A bulk job's page: progress (refreshed while it runs), Cancel, one result per item, and the results as CSV. */
export default async function JobPage({ params }: Props) {
  const user = await requireUser();
  const { jobId } = await params;
  const view = await jobOr404(user, jobId);
  const job = jobJson(view);
  const total = job.results.length;
  const done = job.results.filter((r) => r.outcome !== "pending" && r.outcome !== "not_done").length;
  const counts = new Map<string, number>();
  for (const r of job.results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  const [t, bulk] = await Promise.all([getTranslations("Jobs"), getTranslations("Bulk")]);
  // An outcome the messages do not word is shown as its code.
  const outcome = (code: string) => {
    const key = `results.outcomes.${code as OutcomeCode}` as const;
    return bulk.has(key) ? bulk(key) : code;
  };

  return (
    <>
      <AutoRefresh active={view.active} />
      <nav aria-label={t("breadcrumb")} className="text-sm">
        {view.kind === "mailboxes" ? (
          <Link href={`/accounts/${view.accountId}/email`} className="text-blue-800 underline underline-offset-2">
            {t("mailboxes")}
          </Link>
        ) : (
          <Link href="/support/force-password" className="text-blue-800 underline underline-offset-2">
            {t("forcePassword")}
          </Link>
        )}
        <span aria-hidden="true"> / </span>
        <span>{t("title")}</span>
      </nav>
      <h1 className="mt-2 text-2xl font-bold">{view.title}</h1>

      <section aria-labelledby="progress-heading" className="mt-4 space-y-2 rounded-md bg-white p-4 shadow-sm">
        <h2 id="progress-heading" className="font-semibold">
          {t("progress")}
        </h2>
        <progress className="h-3 w-full max-w-lg" aria-labelledby="progress-heading" max={Math.max(1, total)} value={done} />
        <p role="status" className="text-sm">
          {jobStateText(t, view, done, total)}
        </p>
        <p className="text-sm text-slate-700">{[...counts.entries()].map(([code, n]) => `${outcome(code)}: ${n}`).join(" · ")}</p>
        {view.active && !view.cancelRequested ? (
          <OneClickForm
            fields={{ jobId: view.id }}
            idPrefix="cancel-job"
            label={t("cancel")}
            ariaLabel={t("cancelLabel")}
            pendingLabel={t("cancelling")}
            requireReason={false}
            action={cancelJobForm}
          />
        ) : null}
      </section>

      <section aria-labelledby="results-heading" className="mt-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="results-heading" className="text-lg font-semibold">
            {t("results")}
          </h2>
          <a href={`/api/v2/jobs/${view.id}/results.csv`} download className="text-sm font-medium text-blue-800 underline underline-offset-2">
            {t("download")}
          </a>
        </div>
        <JobResultsTable results={job.results} kind={view.kind} itemLabel={view.kind === "mailboxes" ? t("itemMailbox") : t("itemAccount")} />
      </section>
    </>
  );
}
