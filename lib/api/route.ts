import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { authenticateApiRequest, type ApiCaller } from "@/lib/api/authenticate";
import { problemResponse, type Problem } from "@/lib/api/problem";
import { successResponse } from "@/lib/api/success";
import { problemFromError } from "@/lib/api/problem-from-error";
import { grants, READ_SCOPE, WRITE_SCOPE } from "@/lib/auth/scopes";
import { claimIdempotencyKey, completeIdempotentRequest, releaseIdempotencyKey } from "@/lib/db/idempotency";
import { writeContext, type WriteContext } from "@/lib/core/write-context";
import { requestLog } from "@/lib/log";
import { requestFingerprint } from "@/lib/api/request-fingerprint";
import { rateLimiter } from "@/lib/auth/rate-limit";
import { clientAddressFrom } from "@/lib/http/client-address";
import { auditDenied, withAuditScope } from "@/lib/audit/write";
import { timed } from "@/lib/timings";
import type { RouteSpec } from "@/lib/api/route-spec";
import { DEFAULT_LOCALE, localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/server";

const MAX_BODY_BYTES = 64 * 1024;
/** Per token (or per signed-in user): generous for scripts, a wall for runaway loops. Shared through Redis when set. */
const API_RATE_LIMIT = { limit: 600, windowSeconds: 60 };

type HandlerInput<Spec extends RouteSpec> = {
  caller: ApiCaller;
  context: WriteContext;
  params: z.output<Spec["params"]>;
  /** Only the query values that validate. */
  query: Spec extends { query: infer Query extends z.ZodObject } ? Partial<z.output<Query>> : Record<string, never>;
  body: Spec extends { body: infer Body extends z.ZodType } ? z.output<Body> : undefined;
};

type OtherBody<Spec extends RouteSpec> = Spec extends { otherResponses: readonly (infer R extends { schema: z.ZodType })[] }
  ? z.input<R["schema"]>
  : never;

/** The answer's body, sent with the spec's response status, or with one of its otherResponses' statuses; extra headers (Location). */
type HandlerResult<Spec extends RouteSpec> = {
  body: z.input<Spec["response"]["schema"]> | OtherBody<Spec>;
  status?: number;
  headers?: Record<string, string>;
};

/** A client's X-Request-Id is logged beside the panel's own id, never instead of it: printable ASCII, at most 128 characters. */
function clientRequestIdOf(request: Request): string | undefined {
  const given = request.headers
    .get("x-request-id")
    ?.replace(/[^\x20-\x7e]/g, "")
    .trim()
    .slice(0, 128);
  return given || undefined;
}

function pointerOf(path: readonly PropertyKey[]): string {
  return `/${path.map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`;
}

class RouteProblem extends Error {
  constructor(readonly problem: Omit<Problem, "instance" | "requestId">) {
    super(problem.code);
  }
}

const tooLarge = () => new RouteProblem({ code: "payload_too_large", detail: { key: "bodyTooLarge", values: { kb: MAX_BODY_BYTES / 1024 } } });

/**
 * The body's bytes, read chunk by chunk and abandoned as soon as they pass the limit: a declared Content-Length over
 * it is refused before reading anything, a chunked body after little more than the limit (the stream is cancelled).
 */
async function readLimitedBody(request: Request): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

async function readJsonBody(request: Request): Promise<unknown> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    throw new RouteProblem({ code: "invalid_request", detail: { key: "jsonContentType" } });
  }
  const text = new TextDecoder().decode(await readLimitedBody(request));
  try {
    return JSON.parse(text);
  } catch {
    throw new RouteProblem({ code: "invalid_request", detail: { key: "invalidJson" } });
  }
}

/** Each declared query parameter that validates; one that does not is left out, as if it were absent. */
function queryOf(spec: RouteSpec, request: Request): Record<string, unknown> {
  if (!spec.query) return {};
  const search = new URL(request.url).searchParams;
  const values: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(spec.query.shape)) {
    const parsed = (schema as z.ZodType).safeParse(search.get(name) ?? undefined);
    if (parsed.success && parsed.data !== undefined) values[name] = parsed.data;
  }
  return values;
}

function parseOrProblem<S extends z.ZodType>(schema: S, value: unknown, what: "body" | "params"): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  if (what === "params") throw new RouteProblem({ code: "not_found", detail: { key: "notFound" } });
  throw new RouteProblem({
    code: "invalid_request",
    detail: { key: "invalidFields" },
    errors: result.error.issues.map((issue) => ({ pointer: pointerOf(issue.path), detail: issue.message, code: issue.code })),
  });
}

/** A route handler that carries its declaration, so tests can check it is registered and its answers match. */
export type ApiHandler<Spec extends RouteSpec = RouteSpec> = ((request: Request, route?: { params?: Promise<unknown> }) => Promise<Response>) & {
  spec: Spec;
};

/**
 * The one shape of every REST route, from its declaration (lib/api/route-spec.ts): request id, authentication
 * (bearer token or session), scope, params, query and body validated with zod, Idempotency-Key replay for writes,
 * one domain call answered with the declared status, and every failure as problem+json.
 */
export function apiRoute<Spec extends RouteSpec>(spec: Spec, handler: (input: HandlerInput<Spec>) => Promise<HandlerResult<Spec>>): ApiHandler<Spec> {
  const serve = async (request: Request, route?: { params?: Promise<unknown> }): Promise<Response> => {
    const started = performance.now();
    const requestId = randomUUID();
    const clientRequestId = clientRequestIdOf(request);
    const path = new URL(request.url).pathname;
    const ip = clientAddressFrom(request.headers);
    // Audit events recorded anywhere inside (a refused account, a staff-only call) carry this request's facts.
    const response = await timed("request", () =>
      withAuditScope({ requestId, clientRequestId, ip, operation: `${request.method} ${path}` }, () => handle(request, route, requestId)),
    );
    requestLog(requestId).info(
      {
        method: request.method,
        path,
        status: response.status,
        ms: Math.round(performance.now() - started),
        ip,
        ...(clientRequestId ? { clientRequestId } : {}),
      },
      "api request",
    );
    return response;
  };
  return Object.assign(serve, { spec });

  async function handle(request: Request, route: { params?: Promise<unknown> } | undefined, requestId: string): Promise<Response> {
    const instance = new URL(request.url).pathname;
    // Titles and the REST layer's own sentences follow Accept-Language; the stable `code` never changes.
    const words = await translator("Problems", localeFromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LOCALE);
    const fail = (problem: Omit<Problem, "instance" | "requestId">) => {
      const response = problemResponse({ ...problem, instance, requestId }, words);
      // The rest of an oversized body is not read: the connection ends after the answer instead of draining it.
      if (problem.code === "payload_too_large") response.headers.set("connection", "close");
      return response;
    };

    let idempotencyKey: string | null = null;
    try {
      const caller = await timed("auth", () => authenticateApiRequest(request));
      if (!caller) return fail({ code: "unauthorized", detail: { key: "sendToken" } });
      const budget = await timed("rate-limit", () => rateLimiter().hit(`api:${caller.tokenId ?? caller.actor.id}`, API_RATE_LIMIT));
      if (!budget.allowed) {
        return fail({ code: "rate_limited", detail: { key: "slowDown" }, retryAfterSeconds: budget.retryAfterSeconds });
      }
      const scope = spec.access === "read" ? READ_SCOPE : WRITE_SCOPE;
      if (!grants(caller.scopes, scope)) {
        await auditDenied(caller.actor, { action: "access.scope", detail: { tokenId: caller.tokenId, scope, error: "missing_scope" } });
        return fail({ code: "forbidden", detail: { key: "lacksScope", values: { scope } } });
      }

      // A route without dynamic segments gets no params from Next.
      const params = parseOrProblem(spec.params, (await route?.params) ?? {}, "params") as HandlerInput<Spec>["params"];
      const rawBody = spec.body ? await readJsonBody(request) : undefined;
      const body = (spec.body ? parseOrProblem(spec.body, rawBody, "body") : undefined) as HandlerInput<Spec>["body"];
      const query = queryOf(spec, request) as HandlerInput<Spec>["query"];
      // Staff say why in the body, or in `?reason=` where there is none (DELETE).
      const bodyReason =
        rawBody && typeof rawBody === "object" && "reason" in rawBody && typeof rawBody.reason === "string" ? rawBody.reason : undefined;
      const reason = bodyReason ?? (typeof query.reason === "string" ? query.reason : undefined);

      const clientKey = spec.access === "write" ? request.headers.get("idempotency-key") : null;
      if (clientKey) {
        if (!/^[\w.:-]{8,200}$/.test(clientKey)) return fail({ code: "invalid_request", detail: { key: "idempotencyKeyFormat" } });
        idempotencyKey = `${caller.actor.id}:${clientKey}`;
        const hash = requestFingerprint(request.method, instance, rawBody);
        const claim = await timed("idempotency", () => claimIdempotencyKey(idempotencyKey!, hash));
        if (claim.state === "replay") {
          idempotencyKey = null;
          return new Response(claim.body, {
            status: claim.status,
            headers: {
              "content-type": claim.status < 400 ? "application/json" : "application/problem+json",
              "idempotent-replayed": "true",
              "x-request-id": requestId,
            },
          });
        }
        if (claim.state !== "claimed") {
          idempotencyKey = null;
          return fail({
            code: claim.state === "mismatch" ? "invalid_request" : "conflict",
            detail: { key: claim.state === "mismatch" ? "idempotencyMismatch" : "idempotencyRunning" },
          });
        }
      }

      const context = { ...writeContext(caller.actor, "api", reason, requestId), apiTokenId: caller.tokenId };
      let response: Response;
      try {
        const result = await handler({ caller, context, params, query, body });
        response = successResponse(spec, result, requestId);
      } catch (error) {
        response = problemResponse({ ...problemFromError(error, { instance, requestId }) }, words);
      }
      if (idempotencyKey) {
        const [key, body] = [idempotencyKey, await response.clone().text()];
        await timed("idempotency", () => completeIdempotentRequest(key, response.status, body));
        idempotencyKey = null;
      }
      return response;
    } catch (error) {
      if (idempotencyKey) await releaseIdempotencyKey(idempotencyKey).catch(() => undefined);
      if (error instanceof RouteProblem) return fail(error.problem);
      return problemResponse(problemFromError(error, { instance, requestId }), words);
    }
  }
}
