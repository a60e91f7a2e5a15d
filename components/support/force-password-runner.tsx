"use client";

import { useEffect, useRef, useState } from "react";
import { ReasonField } from "@/components/form/reason-field";
import { TableHead } from "./table-head";
import { countOutcomes, runBatch, type BatchOutcome, type BatchResultItem, type BatchServerItem, type ServerAnswer } from "./run-batch";

type Props = {
  servers: BatchServerItem[];
  /** One server's WHM call (a server action). */
  action: (input: { serverId: string; accountIds: string[]; stopOnFailure: boolean; reason: string; batchId: string }) => Promise<ServerAnswer>;
};

const MIN_REASON = 10;
const OUTCOME_TEXT: Record<BatchOutcome, string> = {
  updated: "Updated",
  already: "Already required",
  failed: "Failed",
  skipped: "Not attempted",
  unknown: "Not confirmed",
};
const OUTCOME_CLASS: Record<BatchOutcome, string> = {
  updated: "text-emerald-800",
  already: "text-emerald-800",
  failed: "font-semibold text-red-800",
  skipped: "text-slate-700",
  unknown: "font-semibold text-amber-900",
};

/** Runs the batch one server at a time with a progress bar and a spoken progress line, then shows every account's result. */
export function ForcePasswordRunner({ servers, action }: Props) {
  const total = servers.reduce((n, s) => n + s.accounts.length, 0);
  const [stopOnFailure, setStopOnFailure] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string[] | undefined>();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ results: BatchResultItem[]; serversDone: number } | null>(null);
  const [finished, setFinished] = useState<{ results: BatchResultItem[]; fatal: string | null } | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  async function start() {
    if (reason.trim().length < MIN_REASON) {
      setReasonError([`Give a reason of at least ${MIN_REASON} characters (a ticket number helps); it goes to the audit log`]);
      return;
    }
    setReasonError(undefined);
    setRunning(true);
    setFinished(null);
    setProgress({ results: [], serversDone: 0 });
    const batchId = crypto.randomUUID();
    const outcome = await runBatch(
      servers,
      { stopOnFailure },
      (server) => action({ serverId: server.serverId, accountIds: server.accounts.map((a) => a.id), stopOnFailure, reason: reason.trim(), batchId }),
      (results, serversDone) => setProgress({ results, serversDone }),
    );
    setFinished(outcome);
    setRunning(false);
  }

  // Once the result table is on screen, take the reader there.
  useEffect(() => {
    if (finished) resultHeading.current?.focus();
  }, [finished]);

  const done = progress?.results.length ?? 0;
  const counts = finished ? countOutcomes(finished.results) : null;
  return (
    <div className="space-y-4">
      <section aria-labelledby="batch-confirm-heading" className="space-y-3 rounded-md border border-amber-400 bg-amber-50 p-4">
        <h2 id="batch-confirm-heading" className="font-semibold">
          What will happen
        </h2>
        <p className="text-sm">
          The {total} cPanel account{total === 1 ? "" : "s"} below, on {servers.length} server{servers.length === 1 ? "" : "s"}, will have to choose a
          new cPanel password the next time the owner signs in to cPanel. Mailbox passwords do not change. WHM is asked once per server.
        </p>
        <fieldset>
          <legend className="text-sm font-medium">If an account fails</legend>
          <div className="mt-1 space-y-1 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="mode" checked={!stopOnFailure} onChange={() => setStopOnFailure(false)} disabled={running} />
              Continue with the other accounts
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="mode" checked={stopOnFailure} onChange={() => setStopOnFailure(true)} disabled={running} />
              Stop at the first failure (later accounts are not attempted)
            </label>
          </div>
        </fieldset>
        <div
          onChange={(e) =>
            (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) &&
            e.target.name === "reason" &&
            setReason(e.target.value)
          }
        >
          <ReasonField idPrefix="batch" messages={reasonError} />
        </div>
        <button
          type="button"
          onClick={start}
          disabled={running || total === 0}
          className="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60"
        >
          {running ? "Working…" : `Force password change for ${total} account${total === 1 ? "" : "s"}`}
        </button>
      </section>

      {progress ? (
        <section aria-labelledby="batch-progress-heading" className="rounded-md bg-white p-4 shadow-sm">
          <h2 id="batch-progress-heading" className="font-semibold">
            Progress
          </h2>
          <progress className="mt-2 h-3 w-full max-w-lg" aria-labelledby="batch-progress-heading" max={total} value={done} />
          <p role="status" aria-live="polite" className="mt-1 text-sm">
            {running
              ? `${progress.serversDone} of ${servers.length} server${servers.length === 1 ? "" : "s"} done: ${done} of ${total} accounts.`
              : `Finished: ${done} of ${total} accounts.`}
          </p>
        </section>
      ) : null}

      {finished && counts ? (
        <section aria-labelledby="batch-result-heading" className="rounded-md bg-white p-4 shadow-sm">
          <h2 id="batch-result-heading" ref={resultHeading} tabIndex={-1} className="font-semibold">
            Result
          </h2>
          {finished.fatal ? (
            <p role="alert" className="mt-1 text-sm font-medium text-red-800">
              {finished.fatal}
            </p>
          ) : null}
          <p className="mt-1 text-sm">
            {counts.updated} updated, {counts.already} already required, {counts.failed} failed, {counts.unknown} not confirmed, {counts.skipped} not
            attempted.
          </p>
          <table className="mt-2 w-full border-collapse text-left text-sm">
            <TableHead caption="Result per account" columns={["Account", "cPanel user", "Server", "Result", "Reason"]} />
            <tbody>
              {finished.results.map((r) => (
                <tr key={r.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2">{r.primaryDomain}</td>
                  <td className="px-3 py-2 font-mono">{r.cpanelUser}</td>
                  <td className="px-3 py-2">{r.serverName}</td>
                  <td className={`px-3 py-2 ${OUTCOME_CLASS[r.outcome]}`}>{OUTCOME_TEXT[r.outcome]}</td>
                  <td className="px-3 py-2">{r.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
