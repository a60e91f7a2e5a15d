import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listJobsFor } from "@/lib/jobs/admin";
import { JobActions } from "@/components/admin/job-actions";
import { IntlProvider } from "@/components/intl-provider";
import { LocalTime } from "@/components/local-time";
import { TableHead } from "@/components/support/table-head";
import { manageJob } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminJobs"))("title") };
}
export const dynamic = "force-dynamic";

const stateClass = {
  queued: "",
  running: "text-blue-800",
  succeeded: "text-green-800",
  failed: "font-semibold text-red-800",
  cancelled: "text-slate-700",
} as const;

// Admins only: the queue that sends the panel's mail (and runs bulk actions); failed jobs stay here until retried.
// A job's title, progress message and last error are written by the job (lib/jobs) and shown as it wrote them.
export default async function JobsPage() {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  const [{ backend, jobs }, t] = await Promise.all([listJobsFor(user, { limit: 200 }), getTranslations("AdminJobs")]);
  const failed = jobs.filter((j) => j.state === "failed").length;

  return (
    <>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-700">{t("intro", { backend: backend === "redis" ? t("backendRedis") : t("backendDatabase"), failed })}</p>
      {jobs.length === 0 ? (
        <p className="mt-4 rounded-md bg-white p-4 shadow-sm">{t("empty")}</p>
      ) : (
        <IntlProvider namespaces={["AdminJobs"]}>
          <table className="mt-4 w-full border-collapse rounded-md bg-white text-left text-sm shadow-sm">
            <TableHead
              caption={t("caption")}
              columns={[
                t("columns.job"),
                t("columns.state"),
                t("columns.attempts"),
                t("columns.lastError"),
                t("columns.created"),
                t("columns.manage"),
              ]}
            />
            <tbody>
              {jobs.map((job) => {
                // A job waiting after a failed attempt says when it runs again.
                const nextTry = job.state === "queued" && job.attempts > 0 ? job.runAt : null;
                return (
                  <tr key={job.id} className="border-t border-slate-200 align-top">
                    <td className="px-3 py-2">
                      {job.title}
                      <span className="block font-mono text-xs text-slate-700">{job.id}</span>
                    </td>
                    <td className={`px-3 py-2 ${stateClass[job.state]}`}>
                      {t(`states.${job.state}`)}
                      {job.state === "running" ? (
                        <span className="block text-xs">
                          {job.progress}%{job.progressMessage ? ` · ${job.progressMessage}` : ""}
                        </span>
                      ) : null}
                      {nextTry ? <span className="block text-xs">{t.rich("nextTry", { time: () => <LocalTime ms={nextTry} /> })}</span> : null}
                      {job.cancelRequested && job.state === "running" ? <span className="block text-xs">{t("stopping")}</span> : null}
                    </td>
                    <td className="px-3 py-2">{t("attemptsOf", { attempts: job.attempts, max: job.maxAttempts })}</td>
                    <td className="max-w-xs px-3 py-2 break-words">{job.lastError ?? "—"}</td>
                    <td className="whitespace-nowrap px-3 py-2">
                      <LocalTime ms={job.createdAt} />
                    </td>
                    <td className="px-3 py-2">
                      <JobActions
                        job={{
                          id: job.id,
                          title: job.title,
                          canRetry: job.state === "failed" || job.state === "cancelled",
                          canCancel: (job.state === "queued" || job.state === "running") && !job.cancelRequested,
                        }}
                        action={manageJob}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </IntlProvider>
      )}
    </>
  );
}
