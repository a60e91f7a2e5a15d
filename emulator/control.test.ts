import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { STRONG, cpanelAuth, startTestEmulator, whmAuth, type TestEmulator } from "./test-helpers";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.reset();
  await t.control("DELETE", "/__emulator/faults");
});

describe("control: state", () => {
  it("reset empties everything, tokens of deleted accounts die", async () => {
    expect((await t.control("POST", "/__emulator/reset")).status).toBe(200);
    // Whostmgr/API/1/Accounts.pm listaccts: no accounts → result 1 with no data at all.
    expect(await t.whm("listaccts")).toEqual({ metadata: { command: "listaccts", reason: "OK", result: 1, version: 1 } });
    const r = await t.raw(`${t.cpanelUrl}/execute/Email/list_pops`, { headers: { Authorization: cpanelAuth() } });
    expect(r.status).toBe(401);
    expect((await t.control("GET", "/__emulator/state/examplecom")).status).toBe(404);
  });

  it("seed demo is idempotent and matches the contract", async () => {
    const before = await t.state("examplecom");
    expect((await t.control("POST", "/__emulator/seed", { preset: "demo" })).status).toBe(200);
    expect(await t.state("examplecom")).toEqual(before);
    expect((await t.control("POST", "/__emulator/seed", { preset: "nope" })).status).toBe(400);

    for (const user of ["examplecom", "shopcp", "othernet"]) {
      const s = await t.state(user);
      expect(s.mailboxes.length).toBeGreaterThanOrEqual(5);
      expect(s.mailboxes.some((m: { quotaMb: number | null }) => m.quotaMb === null)).toBe(true);
      for (const flag of ["suspendedLogin", "suspendedIncoming", "suspendedOutgoing", "holdOutgoing"]) {
        expect(s.mailboxes.some((m: Record<string, unknown>) => m[flag] === true)).toBe(true);
      }
      expect(new Set(s.forwarders.map((f: { kind: string }) => f.kind))).toEqual(new Set(["fwd", "fail", "blackhole", "pipe", "system"]));
      expect(s.domainForwarders.length).toBeGreaterThanOrEqual(1);
      expect(s.autoresponders).toHaveLength(1);
      expect(JSON.stringify(s)).not.toMatch(/scrypt|hash|TOKEN/);
    }
    const info = (await t.state("examplecom")).mailboxes.find((m: { email: string }) => m.email === "info@example.com");
    expect(info).toBeDefined();
    const basicAuth = `Basic ${Buffer.from("shopcp:Demo-cpanel-shopcp-2026").toString("base64")}`;
    expect((await t.uapi("Email", "list_pops", {}, basicAuth)).status).toBe(1);
    expect((await t.uapi("Email", "list_pops", {}, "cpanel othernet:OTHERNETDEMOTOKEN000000000000000")).status).toBe(1);
  });

  it("creates an account with 5,000 mailboxes quickly", async () => {
    const mailboxes = Array.from({ length: 5000 }, (_, i) => ({
      email: `user${i}@big.example`,
      password: STRONG,
      quotaMb: i % 3 ? 100 : null,
      diskUsedBytes: i,
    }));
    const started = Date.now();
    const r = await t.control("POST", "/__emulator/accounts", { user: "bigcorp", domain: "big.example", token: "BIGTOKEN", mailboxes });
    expect(r).toEqual({ status: 201, json: { user: "bigcorp" } });
    expect(Date.now() - started).toBeLessThan(5000);
    const pops = await t.uapi("Email", "list_pops_with_disk", {}, "cpanel bigcorp:BIGTOKEN");
    expect(pops.data).toHaveLength(5000);
    expect((await t.uapi("Email", "verify_password", { email: "user42@big.example", password: STRONG }, "cpanel bigcorp:BIGTOKEN")).data).toBe(1);
  });

  it("refuses a duplicate account or domain and invalid bodies", async () => {
    expect((await t.control("POST", "/__emulator/accounts", { user: "examplecom", domain: "new.example" })).status).toBe(409);
    expect((await t.control("POST", "/__emulator/accounts", { user: "fresh", domain: "example.com" })).status).toBe(409);
    expect(
      (await t.control("POST", "/__emulator/accounts", { user: "fresh", domain: "fresh.example", token: "EXAMPLECOMDEMOTOKEN0000000000000" })).status,
    ).toBe(409);
    expect((await t.control("POST", "/__emulator/accounts", { domain: "x.example" })).status).toBe(400);
    expect((await t.control("GET", "/__emulator/state/fresh")).status).toBe(404);
  });

  it("opens mailbox sessions", async () => {
    const r = await t.control("POST", "/__emulator/sessions", { email: "Sales@Example.com" });
    expect(r).toEqual({ status: 201, json: { email: "sales@example.com", sessions: 1 } });
    expect((await t.control("POST", "/__emulator/sessions", { email: "ghost@example.com" })).status).toBe(404);
  });
});

describe("control: faults", () => {
  const passwd = { email: "info@example.com", password: STRONG };

  it("delay waits, then answers normally", async () => {
    await t.control("POST", "/__emulator/faults", { fn: "Email::list_pops", kind: "delay", ms: 300, times: 1 });
    const started = Date.now();
    expect((await t.uapi("Email", "list_pops")).status).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    const again = Date.now();
    await t.uapi("Email", "list_pops");
    expect(Date.now() - again).toBeLessThan(250);
  });

  it("http answers the status; times limits it", async () => {
    await t.control("POST", "/__emulator/faults", { fn: "Email::passwd_pop", kind: "http", status: 503, times: 2 });
    const url = `${t.cpanelUrl}/execute/Email/passwd_pop`;
    const init = {
      method: "POST",
      headers: { Authorization: cpanelAuth(), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(passwd).toString(),
    };
    expect((await t.raw(url, init)).status).toBe(503);
    expect((await t.raw(url, init)).status).toBe(503);
    expect((await t.raw(url, init)).status).toBe(200);
  });

  it("drop destroys the socket", async () => {
    await t.control("POST", "/__emulator/faults", { fn: "listaccts", kind: "drop" });
    await expect(t.whm("listaccts")).rejects.toThrow();
    await t.control("DELETE", "/__emulator/faults");
    expect((await t.whm("listaccts")).metadata.result).toBe(1);
  });

  it("malformed answers 200 with a body that is not JSON", async () => {
    await t.control("POST", "/__emulator/faults", { fn: "*", kind: "malformed", times: 1 });
    const r = await t.raw(`${t.whmUrl}/json-api/listaccts?api.version=1`, { headers: { Authorization: whmAuth } });
    expect(r.status).toBe(200);
    expect(r.json).toBeUndefined();
  });

  it("status0 answers each route's failure envelope and leaves the state alone", async () => {
    await t.control("POST", "/__emulator/faults", { fn: "Email::passwd_pop", kind: "status0", message: "Injected." });
    expect(await t.uapi("Email", "passwd_pop", passwd)).toEqual({
      status: 0,
      data: null,
      errors: ["Injected."],
      messages: null,
      warnings: null,
      metadata: {},
    });
    const viaWhm = await t.raw(`${t.whmUrl}/json-api/cpanel`, {
      method: "POST",
      headers: { Authorization: whmAuth, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        "api.version": "1",
        cpanel_jsonapi_user: "examplecom",
        cpanel_jsonapi_apiversion: "3",
        cpanel_jsonapi_module: "Email",
        cpanel_jsonapi_func: "passwd_pop",
        ...passwd,
      }).toString(),
    });
    expect(viaWhm.json?.result).toMatchObject({ status: 0, errors: ["Injected."] });
    expect((await t.uapi("Email", "verify_password", passwd)).data).toBe(0);

    await t.control("POST", "/__emulator/faults", { fn: "Email::passwdpop", kind: "status0", message: "API 2 down." });
    const api2 = await t.raw(
      `${t.cpanelUrl}/json-api/cpanel?cpanel_jsonapi_apiversion=2&cpanel_jsonapi_module=Email&cpanel_jsonapi_func=passwdpop&email=info&password=${STRONG}`,
      {
        headers: { Authorization: cpanelAuth() },
      },
    );
    expect(api2.json?.cpanelresult).toMatchObject({ error: "API 2 down." });

    await t.control("POST", "/__emulator/faults", { fn: "forcepasswordchange", kind: "status0", message: "WHM down." });
    expect(await t.whm("forcepasswordchange", { users_json: '{"examplecom":1}' })).toEqual({
      metadata: { command: "forcepasswordchange", reason: "WHM down.", result: 0, version: 1 },
    });
    expect((await t.state("examplecom")).forcePasswordChange).toBe(false);
  });

  it("refuses an invalid fault", async () => {
    expect((await t.control("POST", "/__emulator/faults", { fn: "x", kind: "explode" })).status).toBe(400);
  });
});

describe("control: request counts", () => {
  it("counts every API request by function name, whatever the route, including failures", async () => {
    await t.uapi("Email", "passwd_pop", { email: "info@example.com", password: "weak" });
    await t.uapi("Email", "passwd_pop", { email: "info@example.com", password: STRONG });
    await t.raw(`${t.cpanelUrl}/execute/Email/list_pops`); // 401
    await t.whm("listaccts");
    await t.whm("cpanel", {
      cpanel_jsonapi_user: "examplecom",
      cpanel_jsonapi_apiversion: "3",
      cpanel_jsonapi_module: "Email",
      cpanel_jsonapi_func: "passwd_pop",
      email: "info",
      password: STRONG,
    });
    await t.control("POST", "/__emulator/faults", { fn: "listaccts", kind: "http" });
    await t.raw(`${t.whmUrl}/json-api/listaccts?api.version=1`, { headers: { Authorization: whmAuth } });
    const counts = (await t.control("GET", "/__emulator/requests")).json.counts;
    expect(counts).toEqual({ "Email::passwd_pop": 3, "Email::list_pops": 1, listaccts: 2 });
    await t.control("DELETE", "/__emulator/requests");
    expect((await t.control("GET", "/__emulator/requests")).json).toEqual({ counts: {} });
  });
});
