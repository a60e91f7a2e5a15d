import "server-only";
import { listAuditEvents, type AuditEvent } from "@/lib/audit";

/**
 * The audit events of one run of a job (those whose detail[key] is `runId`), oldest first: read 500 at a time from the
 * newest back to `since` (the run's start, less a minute for clocks that differ between instances).
 */
export async function runAuditEvents(
  filter: { action: string; accountId?: string; since?: number },
  key: string,
  runId: string,
): Promise<AuditEvent[]> {
  const since = filter.since === undefined ? undefined : filter.since - 60_000;
  const events: AuditEvent[] = [];
  let before: { at: number; id: string } | undefined;
  for (;;) {
    const page = await listAuditEvents({
      action: filter.action,
      limit: 500,
      ...(filter.accountId ? { accountId: filter.accountId } : {}),
      ...(since !== undefined ? { since } : {}),
      ...(before ? { before } : {}),
    });
    events.push(...page.filter((e) => e.detail?.[key] === runId));
    if (page.length < 500) return events.reverse();
    const last = page[page.length - 1]!;
    before = { at: last.at, id: last.id };
  }
}
