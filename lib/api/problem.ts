// No server-only marker: the proxy (proxy.ts) answers bad API addresses with it too, and it holds nothing secret.

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

const titles: Record<ProblemCode, string> = {
  invalid_request: "The request is not valid",
  unauthorized: "Authentication is required",
  forbidden: "The token may not do this",
  not_found: "Not found",
  conflict: "Conflict",
  payload_too_large: "The request body is too large",
  account_not_eligible_cpanel: "The account cannot be managed through cPanel",
  password_too_weak: "The password is too weak",
  rate_limited: "Too many requests",
  internal_error: "Internal error",
  upstream_unavailable: "cPanel could not complete the request",
};

export type ProblemFieldError = { pointer: string; detail: string; code?: string };

export type Problem = {
  code: ProblemCode;
  detail: string;
  instance: string;
  requestId: string;
  errors?: ProblemFieldError[];
  retryAfterSeconds?: number;
  extra?: Record<string, unknown>;
};

/** An RFC 9457 application/problem+json answer with the panel's stable code and the request id. */
export function problemResponse(problem: Problem): Response {
  const status = problemStatus[problem.code];
  const body = {
    type: `urn:mailroom:problem:${problem.code}`,
    title: titles[problem.code],
    status,
    detail: problem.detail,
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
