import "server-only";
import { jsonResponse } from "@/lib/api/problem";
import type { RouteSpec } from "@/lib/api/route-spec";

/** What a route's handler answers: the body, and optionally which declared success status and extra headers (Location). */
export type SuccessResult = { body: unknown; status?: number; headers?: Record<string, string> };

/**
 * The success response of an operation: the declared status (or one of its `otherResponses` the handler picked), JSON or
 * a text/csv download as declared, with the request id. A status the declaration does not list is a programming error.
 */
export function successResponse(spec: RouteSpec, result: SuccessResult, requestId: string): Response {
  const status = result.status ?? spec.response.status;
  const declared = [spec.response, ...(spec.otherResponses ?? [])].find((r) => r.status === status);
  if (!declared) throw new Error(`${spec.method} ${spec.path} does not declare the answer ${status}`);
  const response =
    declared.contentType === "text/csv"
      ? new Response(String(result.body), {
          status,
          headers: { "content-type": "text/csv; charset=utf-8", "cache-control": "no-store", "x-request-id": requestId },
        })
      : jsonResponse(result.body, requestId, status);
  for (const [name, value] of Object.entries(result.headers ?? {})) response.headers.set(name, value);
  return response;
}
