// Reseller tokens: fewer ACLs, only their own accounts (Whostmgr/XMLUI/Meta.pm, Whostmgr/XMLUI/cPanel.pm, Whostmgr/API/1/ACLS.pm).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, whmAuth, type TestEmulator } from "./test-helpers";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());

const FULL = "RESELLERFULLTOKEN000000000000000";
const NARROW = "RESELLERNARROWTOKEN0000000000000";
const full = `whm resfull:${FULL}`;
const narrow = `whm resnarrow:${NARROW}`;
const ACCESS_DENIED = { cpanelresult: { apiversion: "2", error: "Access denied", data: { reason: "Access denied", result: "0" }, type: "text" } };

beforeEach(async () => {
  await t.reset();
  await t.control("POST", "/__emulator/resellers", {
    user: "resfull",
    token: FULL,
    acls: ["basic-whm-functions", "list-accts", "acct-summary", "cpanel-api"],
  });
  await t.control("POST", "/__emulator/resellers", { user: "resnarrow", token: NARROW, acls: ["basic-whm-functions", "list-accts"] });
  await t.control("POST", "/__emulator/accounts", {
    user: "mine",
    domain: "mine.example",
    owner: "resfull",
    mailboxes: [{ email: "a@mine.example" }],
  });
  await t.control("POST", "/__emulator/accounts", { user: "theirs", domain: "theirs.example", owner: "resnarrow" });
});

const proxy = (auth: string, user: string) =>
  t.raw(`${t.whmUrl}/json-api/cpanel`, {
    method: "POST",
    headers: { Authorization: auth, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      "api.version": "1",
      cpanel_jsonapi_user: user,
      cpanel_jsonapi_apiversion: "3",
      cpanel_jsonapi_module: "Email",
      cpanel_jsonapi_func: "list_pops",
    }).toString(),
  });

describe("reseller tokens", () => {
  it("listaccts shows only the reseller's accounts, with owner", async () => {
    const r = await t.whm("listaccts", {}, full);
    expect(r.data.acct.map((a: { user: string; owner: string }) => [a.user, a.owner])).toEqual([["mine", "resfull"]]);
    expect((await t.whm("listaccts", {}, whmAuth)).data.acct.map((a: { user: string }) => a.user)).toContain("theirs");
  });

  it("the cpanel proxy needs the cpanel-api ACL: without it WHM answers 403 like a refused token", async () => {
    const refused = await proxy(narrow, "theirs");
    expect(refused.status).toBe(403);
    expect(refused.contentType).toMatch(/^text\/plain/);
    expect(refused.json).toEqual(ACCESS_DENIED);
    const allowed = await proxy(full, "mine");
    expect(allowed.status).toBe(200);
    expect(allowed.json!.result.status).toBe(1);
  });

  it("a reseller cannot act on another reseller's account", async () => {
    const r = await proxy(full, "theirs");
    expect(r.json).toEqual({ data: { reason: "Access Denied to theirs", result: "0" }, type: "text", error: "Access Denied to theirs" });
    expect((await t.whm("accountsummary", { user: "theirs" }, full)).metadata.reason).toBe("Account does not exist.");
    expect((await t.whm("forcepasswordchange", { users_json: JSON.stringify({ mine: 1, theirs: 1 }) }, full)).metadata.reason).toBe(
      "Invalid user(s): theirs",
    );
    expect((await t.state("mine")).forcePasswordChange).toBe(false);
    expect((await t.whm("suspend_outgoing_email", { user: "theirs" }, full)).metadata.result).toBe(0);
  });

  it("accountsummary needs acct-summary", async () => {
    const r = await t.raw(`${t.whmUrl}/json-api/accountsummary?api.version=1&user=theirs`, { headers: { Authorization: narrow } });
    expect(r.status).toBe(403);
  });

  it("myprivs and version", async () => {
    const mine = await t.whm("myprivs", {}, narrow);
    expect(mine.data.privileges[0]).toMatchObject({ all: 0, "list-accts": 1, "cpanel-api": 0, "basic-whm-functions": 1 });
    expect((await t.whm("myprivs", {}, whmAuth)).data.privileges[0]).toMatchObject({ all: 1, "cpanel-api": 1 });
    expect((await t.whm("version", {}, full)).data).toEqual({ version: "11.120.0.16" });
  });
});
