import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/core/errors";
import { bulkJobFor, type BulkJobView } from "@/lib/mail/bulk-jobs";
import { AutoRefresh } from "@/components/bulk/auto-refresh";
import { jobStateText } from "./job-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Jobs"))("listTitle") };
}
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The jobs one bulk action made (one per account of a selection across accounts), each with its progress and page. */
export default async function JobsPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = await searchParams;
  const ids = (Array.isArray(params.id) ? params.id : params.id ? [params.id] : []).slice(0, 100);
  const jobs: BulkJobView[] = [];
  const t = await getTranslations("Jobs");
  for (const id of ids) {
    try {
      jobs.push(await bulkJobFor(user, id));
    } catch (error) {
      // A job the user may not see is left out, as if it did not exist.
      if (!(error instanceof NotFoundError)) throw error;
    }
  }

  return (
    <>
      <AutoRefresh active={jobs.some((j) => j.active)} />
      <h1 className="text-2xl font-bold">{t("listTitle")}</h1>
      <p className="mt-1 text-sm text-slate-700">{t("listIntro")}</p>
      {jobs.length === 0 ? (
        <p className="mt-4 rounded-md bg-white p-4 shadow-sm">{t("noJobs")}</p>
      ) : (
        <ul className="mt-4 space-y-2">
          {jobs.map((job) => {
            const done = job.results.filter((r) => r.outcome !== "pending" && r.outcome !== "not_done").length;
            return (
              <li key={job.id} className="rounded-md bg-white p-3 shadow-sm">
                <Link href={`/jobs/${job.id}`} className="font-medium text-blue-800 underline underline-offset-2">
                  {job.title}
                </Link>
                <p className="text-sm">{jobStateText(t, job, done, job.results.length)}</p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
