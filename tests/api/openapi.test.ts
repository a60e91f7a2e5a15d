// openapi.json: built from the routes' own declarations, equivalent to the document as it was written by hand
// (tests/api/fixtures/openapi-v2.json, saved before the routes declared themselves).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GET as openApi } from "@/app/api/v2/openapi.json/route";

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
  Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));

describe("openapi.json", () => {
  it("has the same operations as the saved document", async () => {
    const doc = (await (await openApi()).json()) as Document;
    expect(operationsOf(doc).map((o) => o.key).sort()).toEqual(operationsOf(saved).map((o) => o.key).sort());
  });

  it("each operation has the saved parameters, bodies, answers and error statuses, key for key", async () => {
    const doc = (await (await openApi()).json()) as Document;
    const now = new Map(operationsOf(doc).map(({ key, op }) => [key, operationStructure(op)]));
    for (const { key, op } of operationsOf(saved)) expect(now.get(key), key).toEqual(operationStructure(op));
    expect(keyStructure(doc.components.schemas)).toEqual(keyStructure(saved.components.schemas));
  });
});
