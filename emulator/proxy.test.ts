import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_MAILBOX_PASSWORD, STRONG, cpanelAuth, startTestEmulator, whmAuth, type TestEmulator } from "./test-helpers";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const TOO_WEAK = "The given password is too weak. Please enter a password with a strength rating of 65 or higher.";

async function jsonApi(port: "whm" | "cpanel", params: Record<string, string>, method: "GET" | "POST" = "POST") {
  const base = port === "whm" ? t.whmUrl : t.cpanelUrl;
  const auth = port === "whm" ? whmAuth : cpanelAuth();
  const qs = new URLSearchParams(params).toString();
  const r =
    method === "GET"
      ? await t.raw(`${base}/json-api/cpanel?${qs}`, { headers: { Authorization: auth } })
      : await t.raw(`${base}/json-api/cpanel`, {
          method: "POST",
          headers: { Authorization: auth, "Content-Type": "application/x-www-form-urlencoded" },
          body: qs,
        });
  expect(r.status).toBe(200);
  return r.json!;
}

const verify = async (password: string) => (await t.uapi("Email", "verify_password", { email: "info@example.com", password })).data;

describe("API 2 Email::passwdpop", () => {
  const base = { cpanel_jsonapi_apiversion: "2", cpanel_jsonapi_module: "Email", cpanel_jsonapi_func: "passwdpop" };

  it("changes the password on the cPanel port (GET, as documented)", async () => {
    const r = await jsonApi("cpanel", { ...base, email: "info", domain: "example.com", password: STRONG }, "GET");
    expect(r).toEqual({
      cpanelresult: { apiversion: 2, module: "Email", func: "passwdpop", event: { result: 1 }, data: [{ result: 1, reason: "OK" }] },
    });
    expect(await verify(STRONG)).toBe(1);
  });

  it("answers a weak password in API 2's failure shape", async () => {
    const r = await jsonApi("cpanel", { ...base, email: "info", domain: "example.com", password: "abc" });
    expect(r).toEqual({
      cpanelresult: {
        apiversion: 2,
        module: "Email",
        func: "passwdpop",
        event: { result: 1 },
        data: [{ result: 0, reason: TOO_WEAK }],
        error: TOO_WEAK,
      },
    });
    expect(await verify(DEMO_MAILBOX_PASSWORD)).toBe(1);
  });

  it("defaults to API 2 and works through WHM's cpanel proxy with cpanel_jsonapi_user", async () => {
    const r = await jsonApi("whm", {
      "api.version": "1",
      cpanel_jsonapi_user: "examplecom",
      cpanel_jsonapi_module: "Email",
      cpanel_jsonapi_func: "passwdpop",
      email: "info",
      domain: "example.com",
      password: STRONG,
    });
    expect(r.cpanelresult.data).toEqual([{ result: 1, reason: "OK" }]);
    expect(await verify(STRONG)).toBe(1);
  });

  it("reports a missing mailbox and an unknown API 2 function", async () => {
    const r = await jsonApi("cpanel", { ...base, email: "ghost", domain: "example.com", password: STRONG });
    expect(r.cpanelresult.error).toBe("You do not have an email account named “ghost@example.com”.");
    const unknown = await jsonApi("cpanel", { ...base, cpanel_jsonapi_func: "nosuch" });
    expect(unknown.cpanelresult).toMatchObject({ event: { result: 0 }, error: "Could not find function “nosuch” in module “Email”." });
  });
});

describe("UAPI through /json-api/cpanel (cpanel_jsonapi_apiversion=3)", () => {
  it("wraps the UAPI result on the WHM port", async () => {
    const r = await jsonApi("whm", {
      "api.version": "1",
      cpanel_jsonapi_user: "examplecom",
      cpanel_jsonapi_apiversion: "3",
      cpanel_jsonapi_module: "Email",
      cpanel_jsonapi_func: "get_pop_quota",
      email: "info@example.com",
    });
    expect(r).toEqual({
      apiversion: 3,
      module: "Email",
      func: "get_pop_quota",
      result: { status: 1, data: 1024, errors: null, messages: null, warnings: null, metadata: {} },
    });
  });

  it("runs as the authenticated user on the cPanel port, ignoring cpanel_jsonapi_user", async () => {
    const r = await jsonApi("cpanel", {
      cpanel_jsonapi_user: "shopcp",
      cpanel_jsonapi_apiversion: "3",
      cpanel_jsonapi_module: "Email",
      cpanel_jsonapi_func: "passwd_pop",
      email: "info@example.com",
      password: STRONG,
    });
    expect(r.result.status).toBe(1);
    expect(await verify(STRONG)).toBe(1);
  });

  it("passes failures through in result", async () => {
    const r = await jsonApi("whm", {
      "api.version": "1",
      cpanel_jsonapi_user: "examplecom",
      cpanel_jsonapi_apiversion: "3",
      cpanel_jsonapi_module: "Email",
      cpanel_jsonapi_func: "passwd_pop",
      email: "info@example.com",
      password: "abc",
    });
    expect(r.result).toEqual({ status: 0, data: null, errors: [TOO_WEAK], messages: null, warnings: null, metadata: {} });
  });

  it("refuses a missing, unknown or root user in Whostmgr/XMLUI/cPanel.pm's _format_error shape", async () => {
    const common = { "api.version": "1", cpanel_jsonapi_apiversion: "3", cpanel_jsonapi_module: "Email", cpanel_jsonapi_func: "list_pops" };
    const invalid = "User parameter is invalid or was not supplied";
    expect(await jsonApi("whm", common)).toEqual({ data: { reason: invalid, result: "0" }, type: "text", error: invalid });
    expect(await jsonApi("whm", { ...common, cpanel_jsonapi_user: "ghost" })).toEqual({
      data: { reason: invalid, result: "0" },
      type: "text",
      error: invalid,
    });
    const root = "The user “root” is not associated with a cPanel account and cannot call cPanel API 2";
    expect((await jsonApi("whm", { ...common, cpanel_jsonapi_user: "root" })).error).toBe(root);
    // API 2 (cpanel_jsonapi_apiversion=2) wraps the same object in `cpanelresult`.
    expect(await jsonApi("whm", { ...common, cpanel_jsonapi_apiversion: "2", cpanel_jsonapi_user: "ghost" })).toEqual({
      cpanelresult: { data: { reason: invalid, result: "0" }, type: "text", error: invalid },
    });
  });
});
