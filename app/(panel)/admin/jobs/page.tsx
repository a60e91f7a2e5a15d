import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { listJobsFor } from "@/lib/jobs/admin";
import { JobActions } from "@/components/admin/job-actions";
import { LocalTime } from "@/components/local-time";
import { TableHead } from "@/components/support/table-head";
import { manageJob } from "./actions";

export const metadata: Metadata = { title: "Background jobs" };
export const dynamic = "force-dynamic";

const stateLabel = { queued: "Queued", running: "Running", succeeded: "Done", failed: "Failed", cancelled: "Cancelled" } as const;
const stateClass = {
  queued: "",
  running: "text-blue-800",
  succeeded: "text-green-800",
  failed: "font-semibold text-red-800",
  cancelled: "text-slate-700",
} as const;

// Admins only: the queue that sends the panel's mail (and runs bulk actions); failed jobs stay here until retried.
export default async function JobsPage() {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  const { backend, jobs } = await listJobsFor(user, { limit: 200 });
  const failed = jobs.filter((j) => j.state === "failed").length;

  return (
    <>
      <h1 className="text-2xl font-bold">Background jobs</h1>
      <p className="mt-1 text-sm text-slate-700">
        Mail and other work the panel does in the background (
        {backend === "redis" ? "BullMQ on Redis, shared by every instance" : "queued in the panel's database"}). A failed attempt is retried with
        growing pauses; a job that ran out of attempts stays here as failed until you retry it. {failed ? `${failed} failed.` : "None failed."}
      </p>
      {jobs.length === 0 ? (
        <p className="mt-4 rounded-md bg-white p-4 shadow-sm">No jobs yet.</p>
      ) : (
        <table className="mt-4 w-full border-collapse rounded-md bg-white text-left text-sm shadow-sm">
          <TableHead caption="Background jobs, newest first" columns={["Job", "State", "Attempts", "Last error", "Created", "Manage"]} />
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id} className="border-t border-slate-200 align-top">
                <td className="px-3 py-2">
                  {job.title}
                  <span className="block font-mono text-xs text-slate-700">{job.id}</span>
                </td>
                <td className={`px-3 py-2 ${stateClass[job.state]}`}>
                  {stateLabel[job.state]}
                  {job.state === "running" ? (
                    <span className="block text-xs">
                      {job.progress}%{job.progressMessage ? ` · ${job.progressMessage}` : ""}
                    </span>
                  ) : null}
                  {job.state === "queued" && job.attempts > 0 && job.runAt ? (
                    <span className="block text-xs">
                      next try <LocalTime ms={job.runAt} />
                    </span>
                  ) : null}
                  {job.cancelRequested && job.state === "running" ? <span className="block text-xs">stopping…</span> : null}
                </td>
                <td className="px-3 py-2">
                  {job.attempts} of {job.maxAttempts}
                </td>
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
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
