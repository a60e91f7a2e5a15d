import "server-only";
import { recordAuditEvent, type AuditOutcome } from "@/lib/audit";
import type { WriteContext } from "@/lib/mail/write-context";

/** Records one write in the audit log: who, on which account, what, to what, how it ended. Never a secret. */
export async function auditWrite(
  context: WriteContext,
  event: { accountId: string | null; action: string; target?: string; outcome: AuditOutcome; detail?: Record<string, unknown> },
): Promise<void> {
  await recordAuditEvent({
    actorUserId: context.actor.id,
    actorRole: context.actor.role,
    accountId: event.accountId,
    action: event.action,
    target: event.target ?? null,
    outcome: event.outcome,
    reason: context.reason ?? null,
    detail: { via: context.via, ...event.detail },
    requestId: context.requestId,
  });
}

/** The audit detail of a failure: the error's kind and safe message, never its cause chain. */
export function failureDetail(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.name, message: error.message };
  return { error: "unknown" };
}
