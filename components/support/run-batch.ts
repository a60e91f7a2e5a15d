/** The batch force-password-change as the browser runs it: one server action per server, in order. Isomorphic, no React. */

export type BatchAccountItem = { id: string; cpanelUser: string; primaryDomain: string };
export type BatchServerItem = { serverId: string; serverName: string; accounts: BatchAccountItem[] };
export type BatchOutcome = "updated" | "already" | "failed" | "skipped" | "unknown";
export type BatchResultItem = BatchAccountItem & { serverName: string; outcome: BatchOutcome; reason: string | null };

/** What one server's call answers: every account's result, or a message (fatal = the whole batch must stop, e.g. signed out). */
export type ServerAnswer = { ok: true; results: BatchResultItem[] } | { ok: false; message: string; fatal?: boolean };

const STOPPED = "Not attempted: the batch stopped at the first failure.";

function marked(server: BatchServerItem, outcome: BatchOutcome, reason: string): BatchResultItem[] {
  return server.accounts.map((a) => ({ ...a, serverName: server.serverName, outcome, reason }));
}

/**
 * Runs the servers one after another. With stopOnFailure, the servers after a failed (or unconfirmed)
 * account are not asked, and their accounts are reported as not attempted. A server whose call itself
 * fails reports that failure on each of its accounts; the next server still runs unless stopping.
 */
export async function runBatch(
  servers: BatchServerItem[],
  options: { stopOnFailure: boolean },
  callServer: (server: BatchServerItem) => Promise<ServerAnswer>,
  onProgress: (results: BatchResultItem[], serversDone: number) => void = () => undefined,
): Promise<{ results: BatchResultItem[]; fatal: string | null }> {
  const results: BatchResultItem[] = [];
  let stopped = false;
  let fatal: string | null = null;
  for (const [index, server] of servers.entries()) {
    if (stopped || fatal) {
      results.push(...marked(server, "skipped", fatal ? `Not attempted: ${fatal}` : STOPPED));
    } else {
      let answer: ServerAnswer;
      try {
        answer = await callServer(server);
      } catch {
        answer = { ok: false, message: "The panel could not be reached; this server's accounts were not confirmed." };
      }
      if (answer.ok) results.push(...answer.results);
      else if (answer.fatal) {
        fatal = answer.message;
        results.push(...marked(server, "skipped", `Not attempted: ${answer.message}`));
      } else results.push(...marked(server, "unknown", answer.message));
      if (options.stopOnFailure && results.some((r) => r.outcome === "failed" || r.outcome === "unknown")) stopped = true;
    }
    onProgress([...results], index + 1);
  }
  return { results, fatal };
}

/** Counts per outcome, for the summary line. */
export function countOutcomes(results: BatchResultItem[]): Record<BatchOutcome, number> {
  const counts: Record<BatchOutcome, number> = { updated: 0, already: 0, failed: 0, skipped: 0, unknown: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}
