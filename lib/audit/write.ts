import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
// The function next/navigation re-exports on the server, imported from where it lives: next/navigation itself loads
// React's client router context, which a script (the admin CLI, the bench: Node with the react-server condition)
// cannot load, so every CLI command that audits a write failed at start with "createContext is not a function".
import { unstable_rethrow } from "next/dist/client/components/unstable-rethrow";
import { recordAuditEvent, type AuditOutcome } from "@/lib/audit";
import type { Actor } from "@/lib/core/actor";
import { rateLimiter } from "@/lib/auth/rate-limit";
import { clientAddressFrom, UNKNOWN_ADDRESS } from "@/lib/http/client-address";
import { errorField, log } from "@/lib/log";
import type { WriteContext } from "@/lib/core/write-context";

/** What the REST layer knows about the request an audit event comes from (set around each API call). */
export type AuditScope = {
  /** The panel's own id of the request, also sent back in X-Request-Id. */
  requestId: string;
  /** The client's X-Request-Id, cleaned (printable, at most 128 characters); never used as the panel's id. */
  clientRequestId?: string;
  /** The client address resolved at the server (TRUST_PROXY). */
  ip: string;
  /** `METHOD /path` of the API call. */
  operation: string;
};

const scopes = new AsyncLocalStorage<AuditScope>();

/** Runs `run` with the API request's facts available to every audit event recorded inside it. */
export function withAuditScope<T>(scope: AuditScope, run: () => Promise<T>): Promise<T> {
  return scopes.run(scope, run);
}

/** The request facts an event carries (also for security notices): from the API scope, else (pages, server actions) the request's own headers. */
export async function requestFacts(): Promise<{ via?: "web" | "api"; ip?: string; clientRequestId?: string; requestId?: string }> {
  const scope = scopes.getStore();
  const known = (ip: string) => (ip === UNKNOWN_ADDRESS ? {} : { ip });
  if (scope) {
    return {
      via: "api",
      requestId: scope.requestId,
      ...known(scope.ip),
      ...(scope.clientRequestId ? { clientRequestId: scope.clientRequestId } : {}),
    };
  }
  try {
    return { via: "web", ...known(clientAddressFrom(await headers())) };
  } catch (error) {
    unstable_rethrow(error);
    return {}; // no request (a script, a test calling lib/mail directly)
  }
}

/** Records one write in the audit log: who, on which account, what, to what, how it ended, and from which address. Never a secret. */
export async function auditWrite(
  context: WriteContext,
  event: { accountId: string | null; action: string; target?: string; outcome: AuditOutcome; detail?: Record<string, unknown> },
): Promise<void> {
  const { ip, clientRequestId } = await requestFacts();
  await recordAuditEvent({
    actorUserId: context.actor.id,
    actorRole: context.actor.role,
    accountId: event.accountId,
    action: event.action,
    target: event.target ?? null,
    outcome: event.outcome,
    reason: context.reason ?? null,
    detail: { via: context.via, ...(ip ? { ip } : {}), ...(clientRequestId ? { clientRequestId } : {}), ...event.detail },
    requestId: context.requestId,
  });
}

/** Refusals recorded per actor: enough to see probing, too few to flood the log with it. */
const DENIALS_RECORDED = { limit: 20, windowSeconds: 15 * 60 };

/**
 * Records a refused attempt (outcome "denied": another's account, a staff action, a scope the token lacks) so
 * support can see probing; at most 20 per actor per 15 minutes, the last one saying so. Never throws: the refusal
 * stands whether or not it could be written down.
 */
export async function auditDenied(
  actor: Actor,
  event: { action: string; target?: string | null; accountId?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  try {
    const budget = await rateLimiter().hit(`audit:denied:${actor.id}`, DENIALS_RECORDED);
    if (!budget.allowed) return;
    const { requestId, ...facts } = await requestFacts();
    const operation = scopes.getStore()?.operation;
    await recordAuditEvent({
      actorUserId: actor.id,
      actorRole: actor.role,
      accountId: event.accountId ?? null,
      action: event.action,
      target: event.target ?? null,
      outcome: "denied",
      detail: {
        ...facts,
        ...(operation ? { operation } : {}),
        ...event.detail,
        ...(budget.remaining === 0
          ? { note: `Further refusals of this user in the next ${DENIALS_RECORDED.windowSeconds / 60} minutes are not recorded` }
          : {}),
      },
      requestId: requestId ?? null,
    });
  } catch (error) {
    unstable_rethrow(error);
    log().error({ err: errorField(error), action: event.action }, "could not record a refused attempt in the audit log");
  }
}

/** The audit detail of a failure: the error's kind and safe message, never its cause chain. */
export function failureDetail(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.name, message: error.message };
  return { error: "unknown" };
}
