// openapi.json: built from the routes' own declarations, equivalent to the document as it was written by hand
// (tests/api/fixtures/openapi-v2.json, saved before the routes declared themselves).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { GET as openApi } from "@/app/api/v2/openapi.json/route";
import { registeredOperations } from "@/lib/api/openapi/routes";
import type { ApiHandler } from "@/lib/api/route";
import type { RouteSpec } from "@/lib/api/route-spec";
import { passwordRoute } from "@/lib/api/routes/password";
import { expectMatchesSpec } from "./expect-matches-spec";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json> } };
type Operation = {
  summary?: string;
  security: Json;
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { required: boolean; content: Record<string, { schema: Json }> };
  responses: Record<string, { content: Record<string, { schema: Json }> }>;
};

const saved = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", "openapi-v2.json"), "utf8")) as Document;

/** A JSON Schema reduced to what a client relies on: types, property names, required keys, items, variants, enums, refs. */
function keyStructure(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(keyStructure);
  if (schema === null || typeof schema !== "object") return schema;
  const kept: Record<string, Json> = {};
  for (const key of ["type", "$ref", "enum", "const", "additionalProperties"]) if (key in schema) kept[key] = schema[key]!;
  if (schema.properties && typeof schema.properties === "object" && !Array.isArray(schema.properties)) {
    kept.properties = Object.fromEntries(Object.entries(schema.properties).map(([name, value]) => [name, keyStructure(value)]));
  }
  if (Array.isArray(schema.required)) kept.required = [...(schema.required as string[])].sort();
  for (const key of ["items", "anyOf", "oneOf", "allOf"]) if (key in schema) kept[key] = keyStructure(schema[key]!);
  return kept;
}

function operationStructure(op: Operation) {
  return {
    summary: op.summary,
    security: op.security,
    parameters: op.parameters.map((p) => `${p.in} ${p.name}${p.required ? " (required)" : ""}`).sort(),
    requestBody: op.requestBody
      ? Object.fromEntries(Object.entries(op.requestBody.content).map(([type, { schema }]) => [type, keyStructure(schema)]))
      : null,
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, { content }]) => [
        status,
        Object.fromEntries(Object.entries(content).map(([type, { schema }]) => [type, keyStructure(schema)])),
      ]),
    ),
  };
}

const operationsOf = (doc: Document) =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );

describe("openapi.json", () => {
  it("has the same operations as the saved document", async () => {
    const doc = (await (await openApi()).json()) as Document;
    expect(
      operationsOf(doc)
        .map((o) => o.key)
        .sort(),
    ).toEqual(
      operationsOf(saved)
        .map((o) => o.key)
        .sort(),
    );
  });

  it("each operation has the saved parameters, bodies, answers and error statuses, key for key", async () => {
    const doc = (await (await openApi()).json()) as Document;
    const now = new Map(operationsOf(doc).map(({ key, op }) => [key, operationStructure(op)]));
    for (const { key, op } of operationsOf(saved)) expect(now.get(key), key).toEqual(operationStructure(op));
    expect(keyStructure(doc.components.schemas)).toEqual(keyStructure(saved.components.schemas));
  });
});

const V2 = join(process.cwd(), "app", "api", "v2");
/** Routes under app/api/v2 that are not REST operations of the API, and why. */
const NOT_OPERATIONS: Record<string, string> = { "openapi.json/route.ts": "the document itself" };
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(join(dir, entry.name)) : /^route\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

/** `shared-hosting/[accountId]/email-accounts/route.ts` → `/api/v2/shared-hosting/{accountId}/email-accounts`. */
function openApiPathOf(file: string): string {
  const segments = relative(V2, file).split(sep).slice(0, -1);
  return ["/api/v2", ...segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))].join("/");
}

describe("the route registry (lib/api/openapi/routes.ts)", () => {
  const files = routeFiles(V2).filter((file) => !(relative(V2, file).split(sep).join("/") in NOT_OPERATIONS));

  it("finds the route files", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it("holds the declaration of every handler exported by a route file under app/api/v2, at the file's path", async () => {
    const served: RouteSpec[] = [];
    for (const file of files) {
      const exports = (await import(file)) as Record<string, unknown>;
      const handlers = METHODS.filter((method) => typeof exports[method] === "function");
      expect(handlers, `${relative(V2, file)} exports no handler`).not.toEqual([]);
      for (const method of handlers) {
        const where = `${method} in app/api/v2/${relative(V2, file)}`;
        const spec = (exports[method] as Partial<ApiHandler>).spec;
        expect(spec, `${where} is not made with apiRoute(spec, handler)`).toBeDefined();
        expect(registeredOperations, `${where}: its spec is not in lib/api/openapi/routes.ts`).toContain(spec);
        expect(`${spec!.method} ${spec!.path}`, where).toBe(`${method} ${openApiPathOf(file)}`);
        served.push(spec!);
      }
    }
    // And nothing is documented that no route serves.
    for (const op of registeredOperations) expect(served, `${op.method} ${op.path} is registered but no route file serves it`).toContain(op);
  });

  it("declares each path parameter the path names, and no other", () => {
    for (const op of registeredOperations) {
      const named = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(Object.keys(op.params.shape).sort(), `${op.method} ${op.path}`).toEqual(named);
    }
  });
});

describe("expectMatchesSpec", () => {
  const json = (body: unknown, status = 200, type = "application/json") =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": type } });
  const problem = (code: string, status: number) =>
    json(
      {
        type: `urn:mailroom:problem:${code}`,
        title: "t",
        status,
        detail: "d",
        code,
        instance: "/x",
        requestId: "r",
        timestamp: "2026-01-01T00:00:00Z",
      },
      status,
      "application/problem+json",
    );

  it("accepts the documented answer and a documented problem", async () => {
    await expectMatchesSpec(json({ email: "info@example.com" }), passwordRoute.PUT);
    await expectMatchesSpec(problem("password_too_weak", 422), passwordRoute.PUT);
    await expectMatchesSpec(problem("payload_too_large", 413), passwordRoute.PUT);
  });

  it("refuses a wrong type, an undocumented key, another status and an undocumented problem code", async () => {
    await expect(expectMatchesSpec(json({ email: 1 }), passwordRoute.PUT)).rejects.toThrow(/not the documented answer/);
    await expect(expectMatchesSpec(json({ email: "a@b.c", password: "x" }), passwordRoute.PUT)).rejects.toThrow(/keys the document does not list/);
    await expect(expectMatchesSpec(json({ email: "a@b.c" }, 201), passwordRoute.PUT)).rejects.toThrow();
    await expect(expectMatchesSpec(problem("conflict", 409), passwordRoute.PUT)).rejects.toThrow(/not among the operation's documented errors/);
  });
});
