import "server-only";
import { CpanelError } from "@/lib/cpanel";
import { UpstreamError } from "@/lib/mail/errors";

/** One cPanel write of a multi-part save, with the write that restores the value read before it. */
export type UndoableStep = {
  /** What the step changes, in words ("the quota (1024 MB → 2048 MB)"). */
  label: string;
  apply: () => Promise<void>;
  /** Restores the value read before the save; must be safe to run when `apply` did not land. */
  undo: () => Promise<void>;
};

/** What happened to each step of a save that failed part-way. */
export type RollbackReport = {
  /** The step that failed. */
  failed: string;
  /** The failed step may have landed (timeout, dropped connection, 5xx): it was undone too. */
  failedOutcomeUnknown: boolean;
  /** Steps that were applied and then restored. */
  undone: string[];
  /** Steps still in effect, because restoring them failed too. */
  stillApplied: string[];
  /** Steps never sent. */
  notSent: string[];
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
      const toUndo = failedOutcomeUnknown ? [...done, step] : [...done];
      const undone: string[] = [];
      const stillApplied: string[] = [];
      for (const applied of toUndo.reverse()) {
        try {
          await applied.undo();
          if (applied !== step) undone.push(applied.label);
        } catch {
          stillApplied.push(applied === step ? `${applied.label} (may have been applied)` : applied.label);
        }
      }
      const notSent = steps.slice(index + 1).map((s) => s.label);
      throw new RollbackError({ failed: step.label, failedOutcomeUnknown, undone, stillApplied, notSent }, error);
    }
  }
}

/** The report in one or two sentences a customer can act on. */
export function describeRollback(report: RollbackReport): string {
  const list = (items: string[]) => items.join(", ");
  const parts: string[] = [];
  if (report.stillApplied.length === 0) {
    parts.push(
      report.undone.length
        ? `Nothing was changed: ${list(report.undone)} ${report.undone.length === 1 ? "was" : "were"} undone.`
        : "Nothing was changed.",
    );
  } else {
    parts.push(`Undoing failed too, so these changes are still in effect: ${list(report.stillApplied)}.`);
    if (report.undone.length) parts.push(`Undone: ${list(report.undone)}.`);
    parts.push("Check the settings and save again.");
  }
  if (report.notSent.length) parts.push(`Not sent: ${list(report.notSent)}.`);
  return parts.join(" ");
}
