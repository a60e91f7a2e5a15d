import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpanelClient, CpanelApiError, CpanelAuthError, type CpanelServerConnection } from "@/lib/cpanel";
import { api2, uapi, whm, type Endpoint } from "@/lib/cpanel/endpoints";
import { startEmulatorProcess, type EmulatorProcess } from "../support/emulator";

/**
 * Contract with real cPanel: each file in real-cpanel/ is one answer shaped from cPanel's own source (its `source` names
 * the file and sub). It is (1) served by a tiny local HTTP server and run through the client, which must read it as
 * `expect` says, and (2) compared with the emulator's answer to the same call: same HTTP status, same keys and JSON
 * types (recursively; arrays by their first element). `emulator.omits` lists real keys the emulator leaves out.
 */

type Request =
  | ["whm", string, Record<string, string>]
  | ["proxy", string, string, string, Record<string, string>]
  | ["uapi", string, string, Record<string, string>]
  | ["api2", string, string, Record<string, string>];
type Setup = Request | ["control", string, unknown];
type Fixture = {
  source: string;
  response: { status: number; contentType?: string; body: unknown };
  /** `sends`: patterns the request (path, then the decoded form) must match, e.g. an empty `stop`. */
  client: { call: string; args?: unknown[]; user?: string; auth?: "reseller" | "narrow"; cpanelMode?: boolean; sends?: string[] };
  expect: { result?: unknown; error?: string; kind?: string; messages?: string[]; httpStatus?: number; messageContains?: string };
  emulator?: { auth?: "reseller" | "narrow" | "bad"; setup?: Setup[]; request: Request; omits?: string[] };
};

const DIR = join(import.meta.dirname, "real-cpanel");
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((file) => ({ name: file.replace(/\.json$/, ""), fixture: JSON.parse(readFileSync(join(DIR, file), "utf8")) as Fixture }));

const RESELLER = { user: "resfull", token: "CONTRACTRESELLERTOKEN00000000000" };
const NARROW = { user: "resnarrow", token: "CONTRACTNARROWTOKEN0000000000000" };
const EXAMPLECOM_TOKEN = "EXAMPLECOMDEMOTOKEN0000000000000";

// ---------- (1) the fixture through the client ----------

let current: Fixture["response"] = { status: 200, body: {} };
/** What the client sent for the current fixture (path and decoded form), to check it called the fixture's function. */
let received: string[] = [];
let fake: Server;
let fakeUrl = "";

beforeAll(async () => {
  fake = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push(`${req.url ?? ""} ${decodeURIComponent(Buffer.concat(chunks).toString("utf8").replace(/\+/g, " "))}`);
      res.writeHead(current.status, { "Content-Type": current.contentType ?? "application/json" });
      res.end(JSON.stringify(current.body));
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));

function connection(f: Fixture, n: number): CpanelServerConnection {
  const who =
    f.client.auth === "reseller" ? RESELLER : f.client.auth === "narrow" ? NARROW : { user: "root", token: "CONTRACTROOTTOKEN000000000000000" };
  return f.client.cpanelMode
    ? { serverId: `contract-${n}`, baseUrl: fakeUrl, authMode: "cpanel", username: f.client.user!, token: EXAMPLECOM_TOKEN, retryDelaysMs: [] }
    : { serverId: `contract-${n}`, baseUrl: fakeUrl, authMode: "whm", username: who.user, token: who.token, retryDelaysMs: [] };
}

/** JSON has no dates: an argument written `{"$date": "2026-01-01T00:00:00Z"}` is passed as a Date. */
function withDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withDates);
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.$date === "string") return new Date(record.$date);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, withDates(v)]));
  }
  return value;
}

async function runClient(f: Fixture, n: number): Promise<unknown> {
  const client = cpanelClient(connection(f, n));
  const [side, method] = f.client.call.split(".") as ["whm" | "account", string];
  const target = side === "whm" ? client.whm : client.account(f.client.user!);
  const fn = (target as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[method];
  if (!fn) throw new Error(`the client has no ${f.client.call}`);
  return fn(...(withDates(f.client.args ?? []) as unknown[]));
}

/** The cPanel function a fixture answers: `Module/func` (UAPI, API 2, the proxy) or the WHM function name. */
function functionOf(f: Fixture): string | undefined {
  const request = f.emulator?.request;
  if (!request) return undefined;
  if (request[0] === "whm") return request[1];
  if (request[0] === "proxy") return `${request[2]}/${request[3]}`;
  return `${request[1]}/${request[2]}`;
}

describe("real cPanel answers through the client", () => {
  it.each(fixtures.map((f, i) => [f.name, f.fixture, i] as const))("%s", async (_name, f, i) => {
    expect(f.source).toMatch(/\S/);
    current = f.response;
    received = [];
    const outcome = await runClient(f, i).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    // The answer was read by the call it was written for (the fake server answers whatever is asked).
    const fn = functionOf(f);
    if (fn)
      expect(
        received.some((r) => r.includes(fn.split("/").pop()!)),
        `${fn} not among ${received.join(" | ")}`,
      ).toBe(true);
    for (const pattern of f.client.sends ?? []) {
      expect(
        received.some((r) => new RegExp(pattern).test(r)),
        `${pattern} not in ${received.join(" | ")}`,
      ).toBe(true);
    }
    if (f.expect.error) {
      expect("error" in outcome, "the client should have thrown").toBe(true);
      const error = (outcome as { error: Error }).error;
      expect(error.name).toBe(f.expect.error);
      if (f.expect.kind) expect((error as CpanelApiError).kind).toBe(f.expect.kind);
      if (f.expect.messages) expect((error as CpanelApiError).messages).toEqual(f.expect.messages);
      if (f.expect.httpStatus) expect((error as CpanelAuthError).httpStatus).toBe(f.expect.httpStatus);
      if (f.expect.messageContains) expect(error.message).toContain(f.expect.messageContains);
    } else {
      expect(outcome).toEqual({ result: withDates(f.expect.result) });
    }
  });
});

describe("coverage", () => {
  it("every function the client calls has a success answer", () => {
    const covered = new Set(fixtures.filter((f) => !f.fixture.expect.error).map((f) => functionOf(f.fixture)));
    const called = [...Object.values(uapi), ...Object.values(api2), ...Object.values(whm)].map((def: Endpoint) =>
      def.api === "whm" ? def.func : `${def.module}/${def.func}`,
    );
    expect(called.filter((fn) => !covered.has(fn))).toEqual([]);
  });
});

// ---------- (2) the emulator answers the same call in the same shape ----------

type Shape = string | { array: Shape | undefined } | { object: Record<string, Shape> };

function shapeOf(value: unknown, omits: readonly string[] = []): Shape {
  if (value === null) return "null";
  if (Array.isArray(value)) return { array: value.length ? shapeOf(value[0], omits) : undefined };
  if (typeof value === "object") {
    const keys = Object.keys(value as object)
      .filter((k) => !omits.includes(k))
      .sort();
    return { object: Object.fromEntries(keys.map((k) => [k, shapeOf((value as Record<string, unknown>)[k], omits)])) };
  }
  return typeof value === "number" && !Number.isInteger(value) ? "number" : typeof value === "number" ? "integer" : typeof value;
}

/** An empty array matches any array (its element type is unknown). */
function sameShape(a: Shape, b: Shape): boolean {
  if (typeof a === "string" || typeof b === "string") return a === b;
  if ("array" in a && "array" in b) return a.array === undefined || b.array === undefined || sameShape(a.array, b.array);
  if ("object" in a && "object" in b) {
    const ka = Object.keys(a.object);
    const kb = Object.keys(b.object);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameShape(a.object[k]!, b.object[k]!));
  }
  return false;
}

let emulator: EmulatorProcess;

async function control(path: string, body?: unknown) {
  const r = await fetch(`${emulator.whmUrl}${path}`, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
  if (r.status >= 400) throw new Error(`${path}: ${r.status} ${await r.text()}`);
}

function authFor(kind: "reseller" | "narrow" | "bad" | undefined): string {
  if (kind === "reseller") return `whm ${RESELLER.user}:${RESELLER.token}`;
  if (kind === "narrow") return `whm ${NARROW.user}:${NARROW.token}`;
  if (kind === "bad") return "whm root:WRONGTOKEN000000000000000000000";
  return `whm root:${emulator.whmToken}`;
}

async function send(request: Request, auth: string): Promise<{ status: number; body: unknown }> {
  const form = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const headers = { Authorization: auth, "Content-Type": "application/x-www-form-urlencoded" };
  let r;
  if (request[0] === "whm") {
    r = await fetch(`${emulator.whmUrl}/json-api/${request[1]}`, { method: "POST", headers, body: form({ "api.version": "1", ...request[2] }) });
  } else if (request[0] === "proxy") {
    const [, user, module, func, params] = request;
    const body = {
      "api.version": "1",
      cpanel_jsonapi_user: user,
      cpanel_jsonapi_apiversion: "3",
      cpanel_jsonapi_module: module,
      cpanel_jsonapi_func: func,
      ...params,
    };
    r = await fetch(`${emulator.whmUrl}/json-api/cpanel`, { method: "POST", headers, body: form(body) });
  } else if (request[0] === "api2") {
    const [, module, func, params] = request;
    const body = { cpanel_jsonapi_apiversion: "2", cpanel_jsonapi_module: module, cpanel_jsonapi_func: func, ...params };
    r = await fetch(`${emulator.cpanelUrl}/json-api/cpanel`, {
      method: "POST",
      headers: { ...headers, Authorization: `cpanel examplecom:${EXAMPLECOM_TOKEN}` },
      body: form(body),
    });
  } else {
    const [, module, func, params] = request;
    r = await fetch(`${emulator.cpanelUrl}/execute/${module}/${func}`, {
      method: "POST",
      headers: { ...headers, Authorization: `cpanel examplecom:${EXAMPLECOM_TOKEN}` },
      body: form(params),
    });
  }
  const text = await r.text();
  return { status: r.status, body: JSON.parse(text) as unknown };
}

describe("the emulator answers in the same shape", () => {
  beforeAll(async () => {
    emulator = await startEmulatorProcess({ seed: "demo" });
  }, 60_000);
  afterAll(async () => {
    await emulator?.stop();
  });

  const withEmulator = fixtures.filter((f) => f.fixture.emulator);
  it.each(withEmulator.map((f) => [f.name, f.fixture] as const))("%s", async (_name, f) => {
    const spec = f.emulator!;
    await control("/__emulator/reset");
    await control("/__emulator/seed", { preset: "demo" });
    await control("/__emulator/resellers", { ...RESELLER, acls: ["basic-whm-functions", "list-accts", "acct-summary", "cpanel-api"] });
    await control("/__emulator/resellers", { ...NARROW, acls: ["basic-whm-functions", "list-accts"] });
    await control("/__emulator/accounts", { user: "theirs", domain: "theirs.example", owner: NARROW.user });
    await control("/__emulator/accounts", { user: "narrowown", domain: "narrowown.example", owner: NARROW.user });
    for (const step of spec.setup ?? []) {
      if (step[0] === "control") await control(step[1], step[2]);
      else await send(step, authFor(undefined));
    }
    const answer = await send(spec.request, authFor(spec.auth));
    expect(answer.status).toBe(f.response.status);
    const want = shapeOf(f.response.body, spec.omits);
    const got = shapeOf(answer.body, spec.omits);
    expect(sameShape(want, got), `fixture ${JSON.stringify(want)}\nemulator ${JSON.stringify(got)}`).toBe(true);
  });
});
