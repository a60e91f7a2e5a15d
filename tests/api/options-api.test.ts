// The mailbox settings endpoints (GET/PATCH/DELETE …/email-accounts/{address}, POST …/email-accounts), called as
// route handlers with real bearer tokens; every change is checked in the emulator's state.
import { beforeAll, describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { createApiToken } from "@/lib/db/api-tokens";
import { accountApi } from "@/lib/mail/cpanel-access";
import { findHostingAccount } from "@/lib/db/hosting-accounts";
import { READ_SCOPE, WRITE_SCOPE } from "@/lib/auth/scopes";
import * as mailboxRoute from "@/app/api/v2/shared-hosting/[accountId]/email-accounts/[address]/route";
import * as mailboxesRoute from "@/app/api/v2/shared-hosting/[accountId]/email-accounts/route";
import { GET as openApi } from "@/app/api/v2/openapi.json/route";
import { checkedAgainstSpec } from "./expect-matches-spec";

// Every answer is checked against the route's declaration (status, body keys, documented problem codes).
const GET = checkedAgainstSpec(mailboxRoute.GET);
const PATCH = checkedAgainstSpec(mailboxRoute.PATCH);
const DELETE = checkedAgainstSpec(mailboxRoute.DELETE);
const POST = checkedAgainstSpec(mailboxesRoute.POST);

const panel = withDemoPanel();
const BASE = "http://localhost:3000/api/v2/shared-hosting";
let writeToken: string;
let readToken: string;
let otherToken: string;

beforeAll(async () => {
  writeToken = (await createApiToken({ userId: panel().customer.id, name: "script", scopes: [WRITE_SCOPE] })).token;
  readToken = (await createApiToken({ userId: panel().customer.id, name: "read only", scopes: [READ_SCOPE] })).token;
  otherToken = (await createApiToken({ userId: panel().other.id, name: "other", scopes: [WRITE_SCOPE] })).token;
});

type Method = "GET" | "PATCH" | "DELETE";
const handlers = { GET, PATCH, DELETE };

function call(method: Method, address: string, body?: unknown, token: string | null = writeToken, accountId = panel().accountId.shopcp) {
  const request = new Request(`${BASE}/${accountId}/email-accounts/${encodeURIComponent(address)}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handlers[method](request, { params: Promise.resolve({ accountId, address: encodeURIComponent(address) }) });
}

function create(body: unknown, token = writeToken, accountId = panel().accountId.shopcp) {
  const request = new Request(`${BASE}/${accountId}/email-accounts`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return POST(request, { params: Promise.resolve({ accountId }) });
}

async function emuMailbox(email: string) {
  const state = await panel().emulator.control.state("shopcp");
  return state.mailboxes.find((m: { email: string }) => m.email === email);
}

describe("GET …/email-accounts/{address}", () => {
  it("answers settings and usage; another customer's mailbox is 404", async () => {
    const response = await call("GET", "dev@shop.example", undefined, readToken);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      email: "dev@shop.example",
      quotaMb: 100,
      suspendIncoming: true,
      accountMaxQuotaMb: null,
      autoresponder: { enabled: false },
      forwards: [],
    });
    expect((await call("GET", "dev@shop.example", undefined, otherToken)).status).toBe(404);
  });
});

describe("PATCH …/email-accounts/{address}", () => {
  it("applies a valid combination and answers what cPanel reads back", async () => {
    const response = await call("PATCH", "orders@shop.example", {
      quota: 4096,
      suspendLogin: true,
      holdOutgoing: true,
      autoresponder: {
        enabled: true,
        subject: "Closed for inventory",
        body: "Back on Monday.",
        intervalHours: 6,
        start: "2030-03-01T09:00:00+01:00",
        end: "2030-03-03T18:00:00+01:00",
      },
      forwards: ["Owner@Example.net"],
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      quotaMb: 4096,
      suspendLogin: true,
      holdOutgoing: true,
      autoresponder: {
        enabled: true,
        subject: "Closed for inventory",
        from: "orders@shop.example",
        intervalHours: 6,
        start: "2030-03-01T08:00:00.000Z",
        end: "2030-03-03T17:00:00.000Z",
      },
      forwards: ["owner@example.net"],
    });
    expect(await emuMailbox("orders@shop.example")).toMatchObject({ quotaMb: 4096, suspendedLogin: true, holdOutgoing: true });
    const state = await panel().emulator.control.state("shopcp");
    expect(state.autoresponders.find((a: { email: string }) => a.email === "orders@shop.example")).toMatchObject({
      start: Date.UTC(2030, 2, 1, 8) / 1000,
      stop: Date.UTC(2030, 2, 3, 17) / 1000,
    });

    // A partial autoresponder keeps the other fields; quota "unlimited" and unsuspending.
    const second = await call("PATCH", "orders@shop.example", {
      quota: "unlimited",
      suspendLogin: false,
      autoresponder: { enabled: true, subject: "Open again" },
    });
    expect(await second.json()).toMatchObject({
      quotaMb: null,
      suspendLogin: false,
      autoresponder: { subject: "Open again", body: "Back on Monday.", intervalHours: 6 },
    });
  });

  it("newPassword goes through the password policy and is applied with the rest", async () => {
    const response = await call("PATCH", "info@shop.example", { holdOutgoing: true, newPassword: "Harbor-quince-2026-lark" });
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain("Harbor-quince-2026-lark");
    const account = (await findHostingAccount(panel().accountId.shopcp))!;
    expect(await (await accountApi(account)).verifyMailboxPassword("info@shop.example", "Harbor-quince-2026-lark")).toBe(true);

    const weak = await call("PATCH", "info@shop.example", { holdOutgoing: false, newPassword: "info1234" });
    expect(weak.status).toBe(422);
    expect(await weak.json()).toMatchObject({
      code: "password_too_weak",
      errors: expect.arrayContaining([expect.objectContaining({ pointer: "/newPassword" })]),
    });
    expect((await emuMailbox("info@shop.example")).holdOutgoing).toBe(true);
  });

  it.each([
    [{ quota: -5 }, "/quota"],
    [{ quota: "lots" }, "/quota"],
    [{ suspendLogin: "yes" }, "/suspendLogin"],
    [{ autoresponder: { enabled: true, start: "tomorrow" } }, "/autoresponder/start"],
    [{ autoresponder: { enabled: true, subject: "x".repeat(201) } }, "/autoresponder/subject"],
    [{ forwards: "a@example.net" }, "/forwards"],
    [{ surprise: true }, ""],
    [{}, ""],
  ])("refuses %j with invalid_request at %s, sending nothing", async (body, pointer) => {
    const { emulator } = panel();
    await emulator.control.clearRequestCounts();
    const response = await call("PATCH", "marketing@shop.example", body);
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.code).toBe("invalid_request");
    if (pointer) expect(problem.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    const writes = Object.keys(await emulator.control.requestCounts()).filter(
      (fn) => /suspend|quota|hold|release|auto_responder|forwarder/.test(fn) && !fn.startsWith("Email::list"),
    );
    expect(writes).toEqual([]);
  });

  it("a forward cPanel would read as a program or a file is refused at /forwards, nothing sent (issue 13)", async () => {
    const { emulator } = panel();
    const before = (await emulator.control.state("shopcp")).forwarders;
    await emulator.control.clearRequestCounts();
    const response = await call("PATCH", "marketing@shop.example", { forwards: ["|/bin/sh@example.com", "/tmp/mail@example.com", "ok@example.net"] });
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.errors).toEqual([
      { pointer: "/forwards", detail: expect.stringMatching(/program/) },
      { pointer: "/forwards", detail: expect.stringMatching(/file/) },
    ]);
    expect((await emulator.control.requestCounts())["Email::add_forwarder"]).toBeUndefined();
    expect((await emulator.control.state("shopcp")).forwarders).toEqual(before);
  });

  it.each([
    ["U+2028 in the subject", { subject: "Away\u2028Bcc: all@example.net" }, "/autoresponder/subject"],
    ["NUL in the subject", { subject: "Away\u0000" }, "/autoresponder/subject"],
    ["U+0085 in the sender name", { from: "Desk\u0085Bcc: all@example.net" }, "/autoresponder/from"],
  ])("an autoresponder with %s is 400 beside the field, nothing sent (issue 13)", async (_name, fields, pointer) => {
    const { emulator } = panel();
    const before = (await emulator.control.state("shopcp")).autoresponders;
    await emulator.control.clearRequestCounts();
    const response = await call("PATCH", "marketing@shop.example", {
      autoresponder: { enabled: true, subject: "Away", body: "Back soon", ...fields },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual([
      expect.objectContaining({ pointer, detail: expect.stringMatching(/one line of text, without line breaks or control characters/) }),
    ]);
    expect((await emulator.control.requestCounts())["Email::add_auto_responder"]).toBeUndefined();
    expect((await emulator.control.state("shopcp")).autoresponders).toEqual(before);
  });

  it("reports every semantic problem at once with pointers, before anything is sent", async () => {
    const response = await call("PATCH", "dev@shop.example", {
      quota: 50,
      suspendLogin: true,
      autoresponder: { enabled: true, subject: "", end: "2020-01-01T00:00:00Z" },
      forwards: ["dev@shop.example", "not an address"],
    });
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(
      ["/autoresponder/body", "/autoresponder/end", "/autoresponder/subject", "/forwards", "/forwards", "/quota"].sort(),
    );
    expect(problem.errors.find((e: { pointer: string }) => e.pointer === "/quota").detail).toMatch(/new mail to it is refused/);
    expect(await emuMailbox("dev@shop.example")).toMatchObject({ quotaMb: 100, suspendedLogin: false });
  });

  it("a fault in the middle rolls back the earlier parts (state verified in the emulator)", async () => {
    const { emulator } = panel();
    await emulator.control.fault({ fn: "Email::add_auto_responder", kind: "http", status: 500, times: 1 });
    const response = await call("PATCH", "marketing@shop.example", {
      quota: 3000,
      suspendIncoming: true,
      suspendOutgoing: false,
      autoresponder: { enabled: true, subject: "Hi", body: "Soon." },
    });
    await emulator.control.clearFaults();
    expect(response.status).toBe(502);
    const problem = await response.json();
    expect(problem).toMatchObject({ code: "upstream_unavailable" });
    expect(problem.detail).toMatch(
      /Nothing was changed: allowing outgoing mail, suspending incoming mail, the quota \(1,024 MB → 3,000 MB\) were undone\./,
    );
    expect(await emuMailbox("marketing@shop.example")).toMatchObject({ quotaMb: 1024, suspendedIncoming: false, suspendedOutgoing: true });
    const state = await emulator.control.state("shopcp");
    expect(state.autoresponders.find((a: { email: string }) => a.email === "marketing@shop.example")).toBeUndefined();
  });

  it("when an undo fails too, the problem says which change is still in effect", async () => {
    const { emulator } = panel();
    // Suspending login lands, holding fails, and the undo (unsuspend_login) works.
    await emulator.control.fault({ fn: "Email::hold_outgoing", kind: "status0", message: "Queue locked.", times: 1 });
    const response = await call("PATCH", "archive@shop.example", { suspendLogin: true, holdOutgoing: true });
    await emulator.control.clearFaults();
    expect(response.status).toBe(502);
    expect((await response.json()).detail).toMatch(
      /Queue locked\. Everything was put back: suspending login was undone\. Only this remains: the mailbox's open mail sessions were ended/,
    );
    expect(await emuMailbox("archive@shop.example")).toMatchObject({ holdOutgoing: false, suspendedLogin: false });

    // The same, but the undo is refused too.
    await emulator.control.fault({ fn: "Email::hold_outgoing", kind: "status0", message: "Queue locked.", times: 1 });
    await emulator.control.fault({ fn: "Email::unsuspend_login", kind: "status0", message: "Login table busy.", times: 1 });
    const stuck = await call("PATCH", "archive@shop.example", { suspendLogin: true, holdOutgoing: true });
    await emulator.control.clearFaults();
    const problem = await stuck.json();
    expect(problem).toMatchObject({
      code: "upstream_unavailable",
      upstream: "unknown_outcome",
      rollback: { stillApplied: ["suspending login"], undone: [], notSent: [] },
    });
    expect(problem.detail).toMatch(/Queue locked\. Undoing failed too, so these changes are still in effect: suspending login\. Check the settings/);
    expect(await emuMailbox("archive@shop.example")).toMatchObject({ holdOutgoing: false, suspendedLogin: true });
  });

  it("needs the write scope; another customer's mailbox is 404", async () => {
    expect((await call("PATCH", "dev@shop.example", { suspendLogin: true }, readToken)).status).toBe(403);
    expect((await call("PATCH", "dev@shop.example", { suspendLogin: true }, otherToken)).status).toBe(404);
    expect((await call("PATCH", "dev@shop.example", { suspendLogin: true }, null)).status).toBe(401);
    expect((await emuMailbox("dev@shop.example")).suspendedLogin).toBe(false);
  });
});

describe("POST …/email-accounts and DELETE …/email-accounts/{address}", () => {
  it("creates (201, read back) and deletes a mailbox", async () => {
    const response = await create({ email: "Sales@shop.example", password: "Juniper-canyon-2026-kite", quota: 300 });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ email: "sales@shop.example", quotaMb: 300, id: expect.stringMatching(/^mbx_/) });
    expect(await emuMailbox("sales@shop.example")).toMatchObject({ quotaMb: 300 });

    const deleted = await call("DELETE", "sales@shop.example");
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ email: "sales@shop.example", deleted: true });
    expect(await emuMailbox("sales@shop.example")).toBeUndefined();
    expect((await call("DELETE", "sales@shop.example")).status).toBe(404);
  });

  it("refuses a bad address, a foreign domain, a weak password", async () => {
    const bad = await create({ email: "a b@elsewhere.example", password: "Juniper-canyon-2026-kite" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { pointer: string }) => e.pointer)).toEqual(["/email", "/email"]);
    const weak = await create({ email: "weak@shop.example", password: "password" });
    expect(weak.status).toBe(422);
    expect(await emuMailbox("weak@shop.example")).toBeUndefined();
    expect((await create({ email: "x@shop.example", password: "Juniper-canyon-2026-kite" }, otherToken)).status).toBe(404);
  });
});

it("documents the endpoints in openapi.json", async () => {
  const doc = await (await openApi()).json();
  const path = doc.paths["/api/v2/shared-hosting/{accountId}/email-accounts/{address}"];
  expect(Object.keys(path).sort()).toEqual(["delete", "get", "patch"]);
  expect(doc.paths["/api/v2/shared-hosting/{accountId}/email-accounts"].post.responses["201"]).toBeDefined();
  expect(path.patch.requestBody.content["application/json"].schema.properties).toHaveProperty("autoresponder");
});
