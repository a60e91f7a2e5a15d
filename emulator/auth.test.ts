import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EXAMPLECOM_TOKEN,
  ROOT_PASSWORD,
  SHOPCP_TOKEN,
  WHM_TOKEN,
  basic,
  cpanelAuth,
  startTestEmulator,
  whmAuth,
  type TestEmulator,
} from "./test-helpers";

const ACCESS_DENIED = {
  cpanelresult: {
    apiversion: "2",
    error: "Access denied",
    data: { reason: "Access denied", result: "0" },
    type: "text",
  },
};

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());

describe("authentication", () => {
  it.each([
    ["no header", undefined],
    ["wrong root token", "whm root:WRONGTOKEN"],
    ["token of another user", `whm examplecom:${WHM_TOKEN}`],
    ["a cPanel token on the WHM port", cpanelAuth()],
    ["wrong root password", basic("root", "nope")],
    ["garbage", "Bearer abc"],
  ])("WHM refuses %s with 403, text/plain, and cpsrvd's body", async (_name, auth) => {
    const r = await t.raw(`${t.whmUrl}/json-api/listaccts?api.version=1`, {
      headers: auth ? { Authorization: auth } : {},
    });
    expect(r.status).toBe(403);
    expect(r.contentType).toMatch(/^text\/plain/);
    expect(r.json).toEqual(ACCESS_DENIED);
  });

  it.each([
    ["no header", undefined],
    ["wrong token", "cpanel examplecom:WRONG"],
    ["another account's token", `cpanel examplecom:${SHOPCP_TOKEN}`],
    ["unknown user", `cpanel nobodyhere:${EXAMPLECOM_TOKEN}`],
    ["the WHM token", whmAuth],
    ["wrong account password", basic("examplecom", "nope")],
    ["root's password", basic("root", ROOT_PASSWORD)],
  ])("cPanel refuses %s with 401 and cpsrvd's body", async (_name, auth) => {
    const r = await t.raw(`${t.cpanelUrl}/execute/Email/list_pops`, { headers: auth ? { Authorization: auth } : {} });
    expect(r.status).toBe(401);
    expect(r.json).toEqual(ACCESS_DENIED);
  });

  it("accepts the root token, root basic auth, account tokens and account basic auth", async () => {
    expect((await t.whm("listaccts")).metadata.result).toBe(1);
    expect((await t.whm("listaccts", {}, basic("root", ROOT_PASSWORD))).metadata.result).toBe(1);
    expect((await t.uapi("Email", "list_pops")).status).toBe(1);
    expect((await t.uapi("Email", "list_pops", {}, cpanelAuth("shopcp", SHOPCP_TOKEN))).status).toBe(1);
    expect((await t.uapi("Email", "list_pops", {}, basic("examplecom", "Demo-cpanel-examplecom-2026"))).status).toBe(1);
  });

  it("answers 403 with cpsrvd's text when a cPanel token is used outside UAPI/API 2", async () => {
    for (const path of ["/json-api/listaccts?api.version=1", "/frontend/jupiter/index.html", "/"]) {
      const r = await t.raw(`${t.cpanelUrl}${path}`, { headers: { Authorization: cpanelAuth() } });
      expect(r.status).toBe(403);
      expect(r.text).toBe("Token authentication allows access to UAPI or API 2 calls only.");
    }
  });

  it("keeps accounts apart: a token only sees its own account", async () => {
    const r = await t.uapi("Email", "list_pops", { skip_main: "1" }, cpanelAuth("shopcp", SHOPCP_TOKEN));
    const emails = (r.data as Array<{ email: string }>).map((p) => p.email);
    expect(emails.every((e) => e.endsWith("@shop.example"))).toBe(true);
    const other = await t.uapi(
      "Email",
      "passwd_pop",
      { email: "info@example.com", password: "Quartz-harbor-123-meadow" },
      cpanelAuth("shopcp", SHOPCP_TOKEN),
    );
    expect(other.errors).toEqual(["The domain “example.com” does not exist on this account."]);
  });

  it("accepts the cpsess URL form for UAPI", async () => {
    const r = await t.raw(`${t.cpanelUrl}/cpsess1234567890/execute/Email/list_pops`, { headers: { Authorization: cpanelAuth() } });
    expect(r.status).toBe(200);
    expect(r.json?.status).toBe(1);
  });

  it("requires api.version=1 for WHM API 1", async () => {
    const r = await t.raw(`${t.whmUrl}/json-api/listaccts`, { headers: { Authorization: whmAuth } });
    expect(r.status).toBe(200);
    expect(r.json?.metadata).toBeUndefined();
    expect(r.json?.status).toBe(0);
  });
});

describe("control interface switch", () => {
  it("is 404 without EMULATOR_CONTROL", async () => {
    const other = await startTestEmulator({ control: false });
    try {
      const r = await other.raw(`${other.whmUrl}/__emulator/requests`);
      expect(r.status).toBe(404);
      const seed = await other.raw(`${other.whmUrl}/__emulator/reset`, { method: "POST" });
      expect(seed.status).toBe(404);
    } finally {
      await other.close();
    }
  });
});
