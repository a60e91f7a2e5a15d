import "server-only";
import { CpanelError } from "@/lib/cpanel";
import type { AuditOutcome } from "@/lib/audit";
import { auditWrite, failureDetail } from "@/lib/audit/write";
import { UpstreamError } from "@/lib/core/errors";
import { settleWrite } from "@/lib/mail/settle";
import { toUpstreamError } from "@/lib/mail/upstream";
import type { WriteContext } from "@/lib/core/write-context";
import { timed } from "@/lib/timings";

/** The audit row of one write: everything but the outcome, which the write decides. */
export type AuditRow = { accountId: string | null; action: string; target: string; detail?: Record<string, unknown> };

/** Records how a write ended on its audit row; `extra` is merged into the row's detail. */
export type AuditRecorder = (outcome: AuditOutcome, extra?: Record<string, unknown>) => Promise<void>;

/** A recorder bound to one audit row, for checks that refuse a write before it is sent. */
export function auditRecorder(context: WriteContext, row: AuditRow): AuditRecorder {
  return (outcome, extra) => timed("audit", () => auditWrite(context, { ...row, outcome, detail: { ...row.detail, ...extra } }));
}

/** How to see in cPanel whether a write is in effect. */
export type ReadBack<S> = {
  read: () => Promise<S>;
  landed: (state: S) => boolean;
  /** Also read back after cPanel said yes, and refuse when it does not show the change (cPanel sometimes answers 1 and does nothing). */
  confirm?: boolean;
};

export type CpanelWrite<R, S> = {
  context: WriteContext;
  audit: AuditRow;
  /** For error messages ("The cPanel server “web1” …"). */
  serverName: string;
  /** The one cPanel write. Sent once: never retried, whatever happens. */
  write: () => Promise<R>;
  /** Without it, a write whose answer was lost stays "unknown". */
  readBack?: ReadBack<S>;
  /** After a lost answer, cPanel answered but never showed the change: true when that means it failed (create, delete), not "unknown". */
  notShownMeansFailed?: boolean;
  /** A cPanel refusal the domain words itself (a too-weak password): the error to throw and its audit detail. */
  refusal?: (error: unknown) => { error: Error; detail: Record<string, unknown> } | undefined;
  /** The sentence for an unknown outcome: cPanel answered without showing the change, or could not be asked at all. */
  unknownOutcome: (settled: "not_landed" | "no_answer") => string;
  /** The sentence when cPanel said yes but does not show the change (with `readBack.confirm`). */
  notApplied?: string;
  /** Audit detail of a success, from the state read back (undefined when nothing was read). */
  successDetail?: (state: S | undefined) => Record<string, unknown> | undefined;
};

/** What a write ended with: cPanel's answer (undefined when it was lost and settled) and the state read back, if any. */
export type WriteResult<R, S> = { result: R | undefined; state: S | undefined };

/**
 * Every cPanel write of lib/mail goes through here: send it once → if the answer was lost (timeout, dropped
 * connection, 5xx), settle by reading back, never by sending again → audit exactly one outcome → map the failure
 * to a domain error. Checks that refuse before sending record their own row with `auditRecorder`.
 */
export async function auditedCpanelWrite<R, S = never>(spec: CpanelWrite<R, S>): Promise<WriteResult<R, S>> {
  const record = auditRecorder(spec.context, spec.audit);
  let result: R;
  try {
    result = await timed("cpanel", spec.write);
  } catch (error) {
    const refused = spec.refusal?.(error);
    if (refused) {
      await record("failure", refused.detail);
      throw refused.error;
    }
    if (error instanceof CpanelError && error.outcomeUnknown) return settleLostAnswer(spec, record, error);
    const upstream = toUpstreamError(error, spec.serverName);
    await record("failure", failureDetail(upstream));
    throw upstream;
  }
  let state: S | undefined;
  if (spec.readBack?.confirm) {
    try {
      state = await spec.readBack.read();
    } catch (readError) {
      // cPanel said yes, then could not be asked: the change is most likely in effect, but not seen.
      const upstream = toUpstreamError(readError, spec.serverName);
      await record("unknown", { error: "read_back_failed", ...failureDetail(upstream) });
      throw upstream;
    }
    if (!spec.readBack.landed(state)) {
      await record("failure", { error: "not_applied" });
      throw new UpstreamError(
        "rejected",
        spec.notApplied ?? "cPanel answered that it made the change, but does not show it afterwards. Nothing was changed; try again or ask support.",
      );
    }
  }
  await record("success", spec.successDetail?.(state));
  return { result, state };
}

async function settleLostAnswer<R, S>(spec: CpanelWrite<R, S>, record: AuditRecorder, error: CpanelError): Promise<WriteResult<R, S>> {
  const settled = spec.readBack ? await settleWrite(spec.readBack.read, spec.readBack.landed) : ({ outcome: "no_answer" } as const);
  if (settled.outcome === "landed") {
    await record("success", { ...spec.successDetail?.(settled.state), settledAfter: error.name });
    return { result: undefined, state: settled.state };
  }
  if (settled.outcome === "not_landed" && spec.notShownMeansFailed) {
    const upstream = toUpstreamError(error, spec.serverName);
    await record("failure", { ...failureDetail(upstream), settled: settled.outcome });
    throw upstream;
  }
  await record("unknown", { error: error.name, settled: settled.outcome });
  throw new UpstreamError("unknown_outcome", spec.unknownOutcome(settled.outcome), { cause: error });
}
