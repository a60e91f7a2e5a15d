import type { z } from "zod";
import type { ProblemCode } from "@/lib/api/problem";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One operation of a REST route, declared once: `apiRoute` validates with it, openapi.json documents it, and the
 * tests check the handler's answers against it.
 */
export type OperationSpec = {
  summary: string;
  description?: string;
  /** Reads need the read scope; writes the write scope, a JSON body (when `body` is set), and may carry an Idempotency-Key. */
  access: "read" | "write";
  /** The path's segments; `z.object({})` for a route without any. A value that does not validate is a 404. */
  params: z.ZodObject;
  /** Query parameters; a value that does not validate is ignored, as if it were absent. */
  query?: z.ZodObject;
  /** The JSON body; one that does not validate is a 400 with a pointer per field. */
  body?: z.ZodType;
  /** The success answer: its status (the handler's answer is sent with it unless it picks one of `otherResponses`) and shape. */
  response: ResponseSpec;
  /** Other success answers the handler may pick by returning their status (a dry run's 200 beside a started job's 202). */
  otherResponses?: readonly ResponseSpec[];
  /** The problem codes it may answer besides payload_too_large, which every operation with a body may answer. */
  errors: readonly ProblemCode[];
};

/** One success answer: status, shape, and its media type (JSON unless it says text/csv, whose body is the text itself). */
export type ResponseSpec = { status: number; description: string; schema: z.ZodType; contentType?: "application/json" | "text/csv" };

/** An operation with the route it belongs to. */
export type RouteSpec = OperationSpec & { method: HttpMethod; path: string };

/**
 * A route's operations under its OpenAPI path (`/api/v2/shared-hosting/{accountId}/…`, one `{name}` per `[name]`
 * folder), each keyed by HTTP method. The route file passes each to `apiRoute`; lib/api/openapi/routes.ts lists them.
 */
export function defineRoute<Operations extends { [M in HttpMethod]?: OperationSpec }>(
  path: string,
  operations: Operations,
): { [M in keyof Operations & HttpMethod]: Operations[M] & { method: M; path: string } } {
  return Object.fromEntries(Object.entries(operations).map(([method, operation]) => [method, { ...operation, method, path }])) as never;
}
