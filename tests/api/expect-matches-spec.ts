import { expect } from "vitest";
import { problemStatus, type ProblemCode } from "@/lib/api/problem";
import type { ApiHandler } from "@/lib/api/route";
import type { RouteSpec } from "@/lib/api/route-spec";
import { problemSchema } from "@/lib/api/schemas";

/**
 * The handler's answer is what its declaration (and so openapi.json) says: the declared status with a body its response
 * schema reads as it is (a wrong type or an undocumented key fails), or problem+json with a code the operation lists.
 * Takes the route handler (which carries its spec) or the spec; leaves the response unread.
 */
export async function expectMatchesSpec(response: Response, declared: RouteSpec | { spec: RouteSpec }): Promise<void> {
  const spec = "spec" in declared ? declared.spec : declared;
  const where = `${spec.method} ${spec.path} answered ${response.status}`;
  if (response.status < 400) {
    const declared = [spec.response, ...(spec.otherResponses ?? [])].find((r) => r.status === response.status);
    expect(declared ? response.status : undefined, `${where}: a status the document does not list`).toBe(response.status);
    if (declared!.contentType === "text/csv") {
      expect(response.headers.get("content-type"), where).toBe("text/csv; charset=utf-8");
      const text = await response.clone().text();
      expect(declared!.schema.safeParse(text).error?.issues ?? [], `${where}: not the documented answer`).toEqual([]);
      return;
    }
    expect(response.headers.get("content-type"), where).toBe("application/json");
    const body: unknown = await response.clone().json();
    const parsed = declared!.schema.safeParse(body);
    expect(parsed.error?.issues ?? [], `${where}: not the documented answer`).toEqual([]);
    // The schema drops keys it does not know: anything dropped is in the answer but not in the document.
    expect(parsed.data, `${where}: keys the document does not list`).toEqual(body);
    return;
  }
  expect(response.headers.get("content-type"), where).toBe("application/problem+json");
  const body: unknown = await response.clone().json();
  const parsed = problemSchema.safeParse(body);
  expect(parsed.error?.issues ?? [], `${where}: not the documented problem`).toEqual([]);
  expect(parsed.data, `${where}: problem keys the document does not list`).toEqual(body);
  const code = parsed.data!.code as ProblemCode;
  expect(response.status, where).toBe(problemStatus[code]);
  const documented = spec.body ? [...spec.errors, "payload_too_large"] : spec.errors;
  expect(documented, `${where}: ${code} is not among the operation's documented errors`).toContain(code);
}

/** The route handler, with every answer it gives checked by `expectMatchesSpec` before the test sees it. */
export function checkedAgainstSpec<Handler extends ApiHandler>(handler: Handler): Handler {
  const checked = async (request: Request, route?: { params?: Promise<unknown> }) => {
    const response = await handler(request, route);
    await expectMatchesSpec(response, handler);
    return response;
  };
  return Object.assign(checked, { spec: handler.spec }) as unknown as Handler;
}
