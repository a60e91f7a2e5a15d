import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { quotaMb, classifyForwardDestination } from "./mappers";
import { api2, uapi, whm, type Endpoint } from "./endpoints";
import { readEnvelope, whmEnvelopeSchema } from "./envelope";

/** The client parses the real examples: every response example of the official specs in ../shared/cpanel-api/openapi. */
// Copied from ../shared/cpanel-api/openapi (cPanel's official spec extracts), so CI needs nothing outside the repo.
const SPEC_DIR = join(process.cwd(), "tests", "fixtures", "cpanel-api", "openapi");

type Schema = {
  example?: unknown;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  default?: unknown;
};

/** Builds the response example the spec documents, from the `example` of each property (as the docs site renders it). */
function exampleOf(schema: Schema | undefined): unknown {
  if (!schema) return null;
  if ("example" in schema) return schema.example;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.[0]) return exampleOf(alternatives[0]);
  if (schema.properties || schema.type === "object") {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, exampleOf(v)]));
  }
  if (schema.type === "array") return [exampleOf(schema.items)];
  return schema.default ?? null;
}

function specExample(file: string): { path: string; body: unknown } {
  const doc = JSON.parse(readFileSync(file, "utf8")) as Record<
    string,
    { get: { responses: { 200: { content: { "application/json": { schema: Schema } } } } } }
  >;
  const [path, item] = Object.entries(doc)[0]!;
  return { path, body: exampleOf(item.get.responses[200].content["application/json"].schema) };
}

const allDefs: Endpoint[] = [...Object.values(uapi), ...Object.values(api2), ...Object.values(whm)];

const uapiFiles = readdirSync(join(SPEC_DIR, "uapi")).filter((f) => f.endsWith(".json"));
// api_token_get_details.json refers to components ($ref) that were not extracted: it has no example to parse.
const whmFiles = readdirSync(join(SPEC_DIR, "whm")).filter(
  (f) => f.endsWith(".json") && !readFileSync(join(SPEC_DIR, "whm", f), "utf8").includes('"$ref"'),
);

describe("the client parses the real examples (UAPI)", () => {
  it("finds the extracted spec files", () => {
    expect(uapiFiles.length).toBeGreaterThanOrEqual(29);
  });

  it.each(uapiFiles)("%s", (file) => {
    const { path, body } = specExample(join(SPEC_DIR, "uapi", file));
    const [, module, func] = path.split("/");
    const def = allDefs.find((d) => d.api === "uapi" && d.module === module && d.func === func);
    expect(def, `an endpoint definition for ${module}::${func}`).toBeDefined();
    // As the spec (CLI layout), and as /execute sends it (the inner result).
    const layouts = [body, (body as { result?: unknown }).result].filter((b) => b !== undefined);
    for (const layout of layouts) {
      const outcome = readEnvelope("uapi", layout);
      expect(outcome.ok).toBe(true);
      if (outcome.ok !== true) continue;
      const parsed = def!.data.safeParse(outcome.data);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });
});

describe("the client parses the real examples (WHM API 1)", () => {
  it.each(whmFiles)("%s", (file) => {
    const { path, body } = specExample(join(SPEC_DIR, "whm", file));
    const func = path.slice(1);
    expect(whmEnvelopeSchema.safeParse(body).success).toBe(true);
    const def = allDefs.find((d) => d.api === "whm" && d.func === func);
    if (!def) return; // api_token_*, cpanel: envelope only (not called by the client)
    const outcome = readEnvelope("whm", body);
    expect(outcome.ok).toBe(true);
    if (outcome.ok === true) expect(def.data.safeParse(outcome.data).success).toBe(true);
  });

  it("reads list_pops_with_disk's example into numbers and booleans", () => {
    const { body } = specExample(join(SPEC_DIR, "uapi", "Email_list_pops_with_disk.json"));
    const outcome = readEnvelope("uapi", body);
    if (outcome.ok !== true) throw new Error("not ok");
    const rows = uapi.listPopsWithDisk.data.parse(outcome.data);
    expect(rows[0]).toMatchObject({ email: "user@example.com", _diskused: 483, suspended_login: false, hold_outgoing: false });
  });
});

describe("envelopes", () => {
  it("UAPI status 0 carries cPanel's errors", () => {
    const outcome = readEnvelope("uapi", {
      status: 0,
      data: null,
      errors: ["You do not have an email account named “nobody@example.com”."],
      messages: null,
      warnings: null,
      metadata: {},
    });
    expect(outcome).toEqual({ ok: false, messages: ["You do not have an email account named “nobody@example.com”."] });
  });

  it("tolerates numbers as strings and null lists", () => {
    const outcome = readEnvelope("uapi", { status: "1", data: null, errors: null, messages: null, warnings: null, metadata: null });
    expect(outcome.ok).toBe(true);
    expect(uapi.listPopsWithDisk.data.parse(null)).toEqual([]);
    const row = uapi.listPopsWithDisk.data.parse([{ email: "a@b.c", _diskquota: "1048576", suspended_login: "1", hold_outgoing: 0 }])[0];
    expect(row).toMatchObject({ suspended_login: true, hold_outgoing: false, suspended_outgoing: false });
  });

  it("WHM result 0 carries metadata.reason", () => {
    expect(
      readEnvelope("whm", { metadata: { result: 0, reason: "You do not have a user named “ghost”.", command: "accountsummary", version: 1 } }),
    ).toEqual({
      ok: false,
      messages: ["You do not have a user named “ghost”."],
    });
  });

  it("WHM proxy: UAPI result wrapped in the spec layout, inside data, or bare", () => {
    const inner = { status: 1, data: [{ domain: "example.com", select: 1 }], errors: null, messages: null, warnings: null, metadata: {} };
    for (const body of [
      { apiversion: 3, func: "list_mail_domains", module: "Email", result: inner },
      { metadata: { result: 1, reason: "OK", command: "cpanel", version: 1 }, data: inner },
      { metadata: { result: 1, reason: "OK", command: "cpanel", version: 1 }, result: inner, apiversion: 3 },
    ]) {
      const outcome = readEnvelope("uapi", body);
      expect(outcome).toMatchObject({ ok: true, data: inner.data });
    }
    const failed = readEnvelope("uapi", { metadata: { result: 1 }, data: { ...inner, status: 0, errors: ["nope"], data: null } });
    expect(failed).toEqual({ ok: false, messages: ["nope"] });
  });

  it("API 2: error, event.result 0 and per-row result 0 are failures", () => {
    expect(readEnvelope("api2", { cpanelresult: { apiversion: 2, data: [{ result: 1, reason: "" }], event: { result: 1 } } }).ok).toBe(true);
    expect(readEnvelope("api2", { cpanelresult: { error: "Access denied", data: { result: "0" } } })).toEqual({
      ok: false,
      messages: ["Access denied"],
    });
    expect(readEnvelope("api2", { cpanelresult: { data: [{ result: 0, reason: "too weak" }], event: { result: 1 } } })).toEqual({
      ok: false,
      messages: ["too weak"],
    });
  });

  it("anything else is unrecognized", () => {
    for (const body of [null, "x", [], { foo: 1 }, { status: "yes?" }]) expect(readEnvelope("uapi", body).ok).toBe("unrecognized");
  });
});

describe("reshaping helpers", () => {
  it("reads quotas in cPanel's forms", () => {
    expect(quotaMb("unlimited")).toBeNull();
    expect(quotaMb("None")).toBeNull();
    expect(quotaMb(0)).toBeNull();
    expect(quotaMb("250")).toBe(250);
    expect(quotaMb("14M", false)).toBe(14);
    expect(quotaMb(1024)).toBe(1024);
  });

  it("classifies forward destinations", () => {
    expect(classifyForwardDestination("a@example.com")).toEqual({ kind: "address" });
    expect(classifyForwardDestination(":fail: No such person at this address")).toEqual({
      kind: "fail",
      failMessage: "No such person at this address",
    });
    expect(classifyForwardDestination(":blackhole:")).toEqual({ kind: "blackhole" });
    expect(classifyForwardDestination("|/home/u/bin/handler.pl")).toEqual({ kind: "pipe" });
    expect(classifyForwardDestination("examplecom")).toEqual({ kind: "system" });
  });
});
