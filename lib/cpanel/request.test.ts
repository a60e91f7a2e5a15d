import "server-only";
import { describe, expect, it } from "vitest";
import { CpanelConfigError } from "./errors";
import { buildRequest, redactText } from "./request";
import type { CpanelServerConnection } from "./types";

const whmConn: CpanelServerConnection = {
  serverId: "s1",
  baseUrl: "https://whm.example.net:2087",
  authMode: "whm",
  username: "root",
  token: "WHMTOKEN0123456789",
};
const cpConn: CpanelServerConnection = {
  ...whmConn,
  baseUrl: "https://cp.example.net:2083",
  authMode: "cpanel",
  username: "examplecom",
  token: "CPTOKEN0123456789",
};

describe("buildRequest", () => {
  it("WHM API 1: /json-api/<fn>, api.version=1 and params in a POST body, nothing in the query", () => {
    const r = buildRequest(whmConn, { api: "whm", func: "listaccts", params: { search: "example", searchtype: "domain" } });
    expect(r.method).toBe("POST");
    expect(r.origin).toBe("https://whm.example.net:2087");
    expect(r.path).toBe("/json-api/listaccts");
    expect(r.path).not.toContain("?");
    expect(new URLSearchParams(r.body).get("api.version")).toBe("1");
    expect(new URLSearchParams(r.body).get("search")).toBe("example");
    expect(r.headers.authorization).toBe("whm root:WHMTOKEN0123456789");
    expect(r.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  });

  it("UAPI in whm mode goes through the cpanel proxy with apiversion 3 and a lowercase user", () => {
    const r = buildRequest(whmConn, {
      api: "uapi",
      module: "Email",
      func: "passwd_pop",
      cpanelUser: "ExampleCom",
      params: { email: "info", domain: "example.com", password: "S3cret pass&word" },
      secretParams: ["password"],
    });
    expect(r.path).toBe("/json-api/cpanel");
    const body = new URLSearchParams(r.body);
    expect(Object.fromEntries(body)).toMatchObject({
      "api.version": "1",
      cpanel_jsonapi_user: "examplecom",
      cpanel_jsonapi_module: "Email",
      cpanel_jsonapi_func: "passwd_pop",
      cpanel_jsonapi_apiversion: "3",
      email: "info",
      password: "S3cret pass&word",
    });
  });

  it("UAPI in cpanel mode posts to /execute/Module/func with the cpanel header", () => {
    const r = buildRequest(cpConn, {
      api: "uapi",
      module: "Email",
      func: "list_pops",
      cpanelUser: "examplecom",
      params: { skip_main: 1, x: true, y: undefined },
    });
    expect(r.path).toBe("/execute/Email/list_pops");
    expect(r.body).toBe("skip_main=1&x=1");
    expect(r.headers.authorization).toBe("cpanel examplecom:CPTOKEN0123456789");
  });

  it("API 2 uses /json-api/cpanel with apiversion 2 in both modes", () => {
    for (const conn of [whmConn, cpConn]) {
      const r = buildRequest(conn, { api: "api2", module: "Email", func: "passwdpop", cpanelUser: "examplecom", params: { password: "x" } });
      expect(r.path).toBe("/json-api/cpanel");
      expect(new URLSearchParams(r.body).get("cpanel_jsonapi_apiversion")).toBe("2");
    }
  });

  it("keeps a baseUrl path prefix", () => {
    const r = buildRequest({ ...whmConn, baseUrl: "https://proxy.example.net/whm1/" }, { api: "whm", func: "listaccts", params: {} });
    expect(r.path).toBe("/whm1/json-api/listaccts");
  });

  it("secrets never appear in the URL or the description", () => {
    const password = "Very-Secret-Pa55!";
    const r = buildRequest(whmConn, { api: "uapi", module: "Email", func: "verify_password", cpanelUser: "u", params: { email: "a@b.c", password } });
    expect(`${r.origin}${r.path}`).not.toContain("Secret");
    expect(r.description).not.toContain(password);
    expect(r.description).not.toContain(whmConn.token);
    expect(r.description).toContain("password=[REDACTED]");
    expect(r.description).toContain("email=a@b.c");
    expect(r.secrets).toEqual(expect.arrayContaining([password, whmConn.token]));
  });

  it("refuses WHM calls on a cPanel token", () => {
    expect(() => buildRequest(cpConn, { api: "whm", func: "listaccts", params: {} })).toThrow(CpanelConfigError);
  });
});

describe("redactText", () => {
  it("replaces raw and URL-encoded secrets", () => {
    const out = redactText("pw=a b&c and a%20b%26c and a+b%26c", ["a b&c"]);
    expect(out).toBe("pw=[REDACTED] and [REDACTED] and [REDACTED]");
  });
});
