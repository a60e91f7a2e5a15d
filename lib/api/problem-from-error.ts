import "server-only";
import {
  AccountNotEligibleError,
  ForbiddenError,
  NotFoundError,
  PartialUpdateError,
  PasswordTooWeakError,
  RateLimitedError,
  UpstreamError,
  ValidationError,
} from "@/lib/core/errors";
import type { Problem } from "@/lib/api/problem";
import { errorField, requestLog } from "@/lib/log";

/** Maps a domain error to a problem: the one place the REST API turns errors into codes. */
export function problemFromError(error: unknown, where: { instance: string; requestId: string }): Problem {
  const base = { instance: where.instance, requestId: where.requestId };
  const pointers = (fieldErrors: Record<string, string[]>, code?: string) =>
    Object.entries(fieldErrors).flatMap(([field, messages]) =>
      messages.map((detail) => ({ pointer: `/${field}`, detail, ...(code ? { code } : {}) })),
    );

  if (error instanceof PasswordTooWeakError) {
    return {
      ...base,
      code: "password_too_weak",
      detail: Object.values(error.fieldErrors).flat().join(" "),
      errors: pointers(error.fieldErrors, "password_too_weak"),
      extra: { rules: error.codes },
    };
  }
  if (error instanceof ValidationError) return { ...base, code: "invalid_request", detail: error.message, errors: pointers(error.fieldErrors) };
  if (error instanceof NotFoundError) return { ...base, code: "not_found", detail: { key: "notFound" } };
  if (error instanceof ForbiddenError) return { ...base, code: "forbidden", detail: error.message };
  if (error instanceof RateLimitedError) return { ...base, code: "rate_limited", detail: error.message, retryAfterSeconds: error.retryAfterSeconds };
  if (error instanceof AccountNotEligibleError) return { ...base, code: "account_not_eligible_cpanel", detail: error.message };
  if (error instanceof PartialUpdateError) {
    // Scripts get what was undone and what is still in effect as data, not only as the sentence in `detail`.
    const { undone, stillApplied, notSent, lasting } = error.report;
    return {
      ...base,
      code: "upstream_unavailable",
      detail: error.message,
      extra: { upstream: error.failure, rollback: { undone, stillApplied, notSent, lasting } },
    };
  }
  if (error instanceof UpstreamError) {
    return { ...base, code: "upstream_unavailable", detail: error.message, extra: { upstream: error.failure } };
  }
  requestLog(where.requestId).error({ err: errorField(error), instance: where.instance }, "unexpected error in the REST API");
  return { ...base, code: "internal_error", detail: { key: "internal" } };
}
