// No server-only marker: the proxy (proxy.ts) answers bad API addresses with it too, and it holds nothing secret.
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";

/** The stable error codes of the REST API (DESIGN §7) and their HTTP statuses: one table, one place. */
export const problemStatus = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  account_not_eligible_cpanel: 409,
  password_too_weak: 422,
  rate_limited: 429,
  internal_error: 500,
  upstream_unavailable: 502,
} as const;

export type ProblemCode = keyof typeof problemStatus;

/** The Problems messages of one locale (titles by code, the REST layer's own details); English unless the caller says. */
export type ProblemWords = ReturnType<typeof createTranslator<typeof en, "Problems">>;

const english: ProblemWords = createTranslator({ locale: "en", messages: en, namespace: "Problems" });

/** A sentence of the REST layer itself (Problems.details.<key>); domain errors bring their own words. */
export type ProblemDetailKey = keyof typeof en.Problems.details;
export type ProblemDetail = string | { key: ProblemDetailKey; values?: Record<string, string | number> };

export type ProblemFieldError = { pointer: string; detail: string; code?: string };

export type Problem = {
  code: ProblemCode;
  detail: ProblemDetail;
  instance: string;
  requestId: string;
  errors?: ProblemFieldError[];
  retryAfterSeconds?: number;
  extra?: Record<string, unknown>;
};

/**
 * An RFC 9457 application/problem+json answer with the panel's stable code and the request id; `title` and the REST
 * layer's own `detail` in the caller's language (by Accept-Language, lib/api/route.ts), the code never translated.
 */
export function problemResponse(problem: Problem, words: ProblemWords = english): Response {
  const status = problemStatus[problem.code];
  const detail = typeof problem.detail === "string" ? problem.detail : words(`details.${problem.detail.key}`, problem.detail.values);
  const body = {
    type: `urn:mailroom:problem:${problem.code}`,
    title: words(`titles.${problem.code}`),
    status,
    detail,
    code: problem.code,
    instance: problem.instance,
    requestId: problem.requestId,
    timestamp: new Date().toISOString(),
    ...(problem.errors ? { errors: problem.errors } : {}),
    ...problem.extra,
  };
  const headers = new Headers({ "content-type": "application/problem+json", "cache-control": "no-store", "x-request-id": problem.requestId });
  if (problem.retryAfterSeconds !== undefined) headers.set("retry-after", String(Math.max(1, Math.ceil(problem.retryAfterSeconds))));
  if (problem.code === "unauthorized") headers.set("www-authenticate", 'Bearer realm="mailroom"');
  return new Response(JSON.stringify(body), { status, headers });
}

/** A JSON success answer with the request id. */
export function jsonResponse(body: unknown, requestId: string, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", "x-request-id": requestId },
  });
}
