import "server-only";
import { CpanelError } from "@/lib/cpanel";
import { UpstreamError, type RollbackReport } from "@/lib/core/errors";

export type { RollbackReport } from "@/lib/core/errors";
import { settleWrite } from "@/lib/mail/settle";

/** One cPanel write of a multi-part save, with the write that restores the value read before it. */
export type UndoableStep = {
  /** What the step changes, in words ("the quota (1024 MB → 2048 MB)"). */
  label: string;
  apply: () => Promise<void>;
  /** Restores the value read before the save; must be safe to run when `apply` did not land. */
  undo: () => Promise<void>;
  /**
   * Reads back whether `apply` took effect. After a timeout the original request may still be running on the
   * server, so an undo sent at once could land before it: the step is first settled by reading back.
   */
  landed?: () => Promise<boolean>;
  /** What the step does that no undo brings back, said when it is undone ("open sessions were ended"). */
  lasting?: string;
};

/** A save that failed part-way: `cause` is the first failure, `report` says what is in effect now. */
export class RollbackError extends Error {
  constructor(
    readonly report: RollbackReport,
    cause: unknown,
  ) {
    super(`step failed: ${report.failed}`, { cause });
    this.name = "RollbackError";
  }
}

/**
 * Runs the steps in order (cPanel has no transactions); when one fails, restores the earlier ones in reverse
 * order, and the failed one too when its outcome is unknown. An undo is a write: it is tried once, never retried.
 */
export async function runAllOrNothing(steps: UndoableStep[]): Promise<void> {
  const done: UndoableStep[] = [];
  for (const [index, step] of steps.entries()) {
    try {
      await step.apply();
      done.push(step);
    } catch (error) {
      const failedOutcomeUnknown =
        (error instanceof CpanelError && error.outcomeUnknown) || (error instanceof UpstreamError && error.failure === "unknown_outcome");
      const undone: string[] = [];
      const stillApplied: string[] = [];
      const lasting: string[] = [];
      let undoFailedStep = failedOutcomeUnknown;
      let failedStepLanded = false;
      if (failedOutcomeUnknown && step.landed) {
        const settled = await settleWrite(step.landed, (landed) => landed);
        // Landed: undo it now that the request is over. Not shown after the wait: nothing to undo.
        // No answer at all: it may or may not be in effect, and an undo could race it.
        failedStepLanded = settled.outcome === "landed";
        undoFailedStep = failedStepLanded;
        if (settled.outcome === "no_answer") stillApplied.push(`${step.label} (may have been applied)`);
      }
      const toUndo = undoFailedStep ? [...done, step] : [...done];
      for (const applied of toUndo.reverse()) {
        try {
          await applied.undo();
          if (applied.lasting) lasting.push(applied.lasting);
          // The failed step is named only when it is known to have gone through; otherwise its undo was a precaution.
          if (applied !== step) undone.push(applied.label);
          else if (failedStepLanded) undone.push(`${applied.label}, which went through after all`);
        } catch {
          stillApplied.push(applied === step ? `${applied.label} (may have been applied)` : applied.label);
        }
      }
      const notSent = steps.slice(index + 1).map((s) => s.label);
      throw new RollbackError({ failed: step.label, failedOutcomeUnknown, undone, stillApplied, notSent, lasting }, error);
    }
  }
}

/** The report in one or two sentences a customer can act on. */
export function describeRollback(report: RollbackReport): string {
  const list = (items: string[]) => items.join(", ");
  const parts: string[] = [];
  if (report.stillApplied.length === 0) {
    const lead = report.lasting.length ? "Everything was put back" : "Nothing was changed";
    parts.push(report.undone.length ? `${lead}: ${list(report.undone)} ${report.undone.length === 1 ? "was" : "were"} undone.` : `${lead}.`);
    if (report.lasting.length) parts.push(`Only this remains: ${list(report.lasting)}.`);
  } else {
    parts.push(`Undoing failed too, so these changes are still in effect: ${list(report.stillApplied)}.`);
    if (report.undone.length) parts.push(`Undone: ${list(report.undone)}.`);
    parts.push("Check the settings and save again.");
  }
  if (report.notSent.length) parts.push(`Not sent: ${list(report.notSent)}.`);
  return parts.join(" ");
}
