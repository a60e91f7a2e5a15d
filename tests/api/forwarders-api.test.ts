// The forwarding endpoints called as route handlers with real bearer tokens, against the emulator.
import { beforeAll, describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { createApiToken } from "@/lib/db/api-tokens";
import { READ_SCOPE, WRITE_SCOPE } from "@/lib/auth/scopes";
import { findHostingAccount } from "@/lib/db/hosting-accounts";
import { accountApi } from "@/lib/mail/cpanel-access";
import * as forwardersRoute from "@/app/api/v2/shared-hosting/[accountId]/email-accounts/[address]/forwarders/route";
import * as forwarderRoute from "@/app/api/v2/shared-hosting/[accountId]/email-accounts/[address]/forwarders/[destination]/route";
import * as domainForwardersRoute from "@/app/api/v2/shared-hosting/[accountId]/domain-forwarders/route";
import * as domainForwarderRoute from "@/app/api/v2/shared-hosting/[accountId]/domain-forwarders/[domain]/route";
import { GET as openApi } from "@/app/api/v2/openapi.json/route";
import { checkedAgainstSpec } from "./expect-matches-spec";

// Every answer is checked against the route's declaration (status, body keys, documented problem codes).
const getForwarders = checkedAgainstSpec(forwardersRoute.GET);
const postForwarders = checkedAgainstSpec(forwardersRoute.POST);
const deleteForwarder = checkedAgainstSpec(forwarderRoute.DELETE);
const getDomainForwarders = checkedAgainstSpec(domainForwardersRoute.GET);
const postDomainForwarders = checkedAgainstSpec(domainForwardersRoute.POST);
const deleteDomainForwarder = checkedAgainstSpec(domainForwarderRoute.DELETE);

const panel = withDemoPanel();
const BASE = "http://localhost:3000/api/v2/shared-hosting";
let writeToken: string;
let readToken: string;
let otherToken: string;
let supportToken: string;

beforeAll(async () => {
  writeToken = (await createApiToken({ userId: panel().customer.id, name: "script", scopes: [WRITE_SCOPE] })).token;
  readToken = (await createApiToken({ userId: panel().customer.id, name: "read only", scopes: [READ_SCOPE] })).token;
  otherToken = (await createApiToken({ userId: panel().other.id, name: "other", scopes: [WRITE_SCOPE] })).token;
  supportToken = (await createApiToken({ userId: panel().support.id, name: "support", scopes: [WRITE_SCOPE] })).token;
});

function call(
  handler: (request: Request, route: { params: Promise<unknown> }) => Promise<Response>,
  method: string,
  path: string,
  params: Record<string, string>,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const request = new Request(`${BASE}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve(params) });
}

const fwd = (accountId: string, address: string) => ({
  path: `/${accountId}/email-accounts/${encodeURIComponent(address)}/forwarders`,
  params: { accountId, address: encodeURIComponent(address) },
});

async function emulatorForwarders(user: string, address: string): Promise<string[]> {
  const state = await panel().emulator.control.state(user);
  return (state.forwarders as { address: string; forward: string }[])
    .filter((f) => f.address === address)
    .map((f) => f.forward)
    .sort();
}

describe("address forwarders", () => {
  it("GET lists every kind with the delivery sentence; read scope is enough", async () => {
    const { path, params } = fwd(panel().accountId.examplecom, "hello@example.com");
    const response = await call(getForwarders, "GET", path, params, readToken);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      email: "hello@example.com",
      hasMailbox: false,
      delivery: "Mail to hello@example.com is not stored; it is sent to info@example.com and sales@example.com.",
      forwarders: [
        { kind: "address", destination: "info@example.com" },
        { kind: "address", destination: "sales@example.com" },
      ],
    });
    const nobody = fwd(panel().accountId.examplecom, "nobody@example.com");
    expect((await (await call(getForwarders, "GET", nobody.path, nobody.params, readToken)).json()).forwarders).toEqual([
      { kind: "fail", destination: ":fail: No such person at this address", failMessage: "No such person at this address" },
    ]);
  });

  it("POST adds (201, read back), DELETE removes; state verified in the emulator", async () => {
    const { path, params } = fwd(panel().accountId.shopcp, "dev@shop.example");
    const added = await call(postForwarders, "POST", path, params, writeToken, { destinations: ["Ops@Bücher.example", "oncall+dev@example.net"] });
    expect(added.status).toBe(201);
    const body = await added.json();
    expect(body).toMatchObject({ email: "dev@shop.example", hasMailbox: true, delivery: expect.stringMatching(/^A copy stays in this mailbox/) });
    expect(await emulatorForwarders("shopcp", "dev@shop.example")).toEqual(["oncall+dev@example.net", "ops@xn--bcher-kva.example"]);

    const destination = encodeURIComponent("ops@xn--bcher-kva.example");
    const removed = await call(deleteForwarder, "DELETE", `${path}/${destination}`, { ...params, destination }, writeToken);
    expect(removed.status).toBe(200);
    expect((await removed.json()).forwarders).toEqual([{ kind: "address", destination: "oncall+dev@example.net" }]);
    expect(await emulatorForwarders("shopcp", "dev@shop.example")).toEqual(["oncall+dev@example.net"]);
  });

  it("refusals are invalid_request with pointers: invalid, itself, duplicate, loop, too many", async () => {
    const { path, params } = fwd(panel().accountId.examplecom, "info@example.com");
    const response = await call(postForwarders, "POST", path, params, writeToken, { destinations: ["info@example.com", "not-an-address"] });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem).toMatchObject({ code: "invalid_request", status: 400 });
    expect(problem.errors).toEqual([
      { pointer: "/destinations", detail: "Mail to info@example.com can't be forwarded to itself" },
      { pointer: "/destinations", detail: expect.stringMatching(/not a full email address/) },
    ]);
    const loop = await call(postForwarders, "POST", path, params, writeToken, { destinations: ["hello@example.com"] });
    expect((await loop.json()).errors[0].detail).toMatch(/would send mail in a circle: info@example.com → hello@example.com → info@example.com/);
    const many = await call(postForwarders, "POST", path, params, writeToken, {
      destinations: Array.from({ length: 21 }, (_, i) => `d${i}@example.net`),
    });
    expect((await many.json()).errors).toEqual([
      expect.objectContaining({ pointer: "/destinations", detail: "At most 20 destinations per address" }),
    ]);
    expect(await emulatorForwarders("examplecom", "info@example.com")).toEqual([]);
  });

  it.each([
    ["|/bin/sh@example.com", /program/],
    ["  |/bin/sh@example.com", /program/],
    ["x|/bin/sh@example.com", /program/],
    ['"|/bin/sh"@example.com', /quoted/],
    ["/tmp/mail@example.com", /file/],
    [":fail:@example.com", /before the @/],
    [":blackhole:@example.com", /before the @/],
  ])(
    "an address destination cPanel would read as a program, a file or a special (%j) is 400, nothing sent (issue 13)",
    async (destination, detail) => {
      const { emulator, accountId } = panel();
      const { path, params } = fwd(accountId.shopcp, "intake@shop.example");
      const before = (await emulator.control.state("shopcp")).forwarders;
      await emulator.control.clearRequestCounts();
      const response = await call(postForwarders, "POST", path, params, writeToken, { destinations: [destination] });
      expect(response.status).toBe(400);
      expect((await response.json()).errors).toEqual([{ pointer: "/destinations", detail: expect.stringMatching(detail) }]);
      expect((await emulator.control.requestCounts())["Email::add_forwarder"]).toBeUndefined();
      expect((await emulator.control.state("shopcp")).forwarders).toEqual(before);
      const listed = await (await call(getForwarders, "GET", path, params, readToken)).json();
      expect(listed.forwarders.filter((f: { kind: string }) => f.kind !== "address")).toEqual([]);
    },
  );

  it("the cPanel client itself refuses to send an address destination cPanel would not read as an address", async () => {
    const { emulator, accountId } = panel();
    const api = await accountApi((await findHostingAccount(accountId.shopcp))!);
    await emulator.control.clearRequestCounts();
    for (const destination of [
      "|/bin/sh@example.com",
      ' "|/bin/sh"@example.com',
      "/tmp/x@example.com",
      ":fail: gone",
      ":blackhole:",
      "shopcp",
      "a@example.com,|x@example.com",
      "a@example.com\n|x",
    ]) {
      await expect(api.addForwarder({ source: "intake@shop.example", kind: "address", destinations: [destination] })).rejects.toThrow(
        /not an email address/,
      );
    }
    expect((await emulator.control.requestCounts())["Email::add_forwarder"]).toBeUndefined();
  });

  it("a bounce message or a staff reason with a control character or a line separator is 400 beside the field (issue 13)", async () => {
    const { emulator, accountId } = panel();
    const { path, params } = fwd(accountId.shopcp, "gone@shop.example");
    const before = (await emulator.control.state("shopcp")).forwarders;
    const bounce = await call(postForwarders, "POST", path, params, writeToken, { kind: "fail", failMessage: "Gone\u2028X-Spam: no" });
    expect(bounce.status).toBe(400);
    expect((await bounce.json()).errors).toEqual([
      expect.objectContaining({ pointer: "/failMessage", detail: expect.stringMatching(/^The bounce message must be one line/) }),
    ]);
    const reason = await call(postForwarders, "POST", path, params, supportToken, {
      destinations: ["x@example.net"],
      reason: "Ticket #901\u0000: copy",
    });
    expect(reason.status).toBe(400);
    expect((await reason.json()).errors).toEqual([
      expect.objectContaining({ pointer: "/reason", detail: expect.stringMatching(/^The reason must be one line/) }),
    ]);
    expect((await emulator.control.state("shopcp")).forwarders).toEqual(before);
  });

  it("a customer cannot create a pipe (403); support can, with a reason", async () => {
    const { path, params } = fwd(panel().accountId.shopcp, "intake@shop.example");
    const denied = await call(postForwarders, "POST", path, params, writeToken, { kind: "pipe", command: "bin/intake.sh" });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ code: "forbidden", detail: expect.stringMatching(/Only support/) });
    expect(await emulatorForwarders("shopcp", "intake@shop.example")).toEqual([]);

    const noReason = await call(postForwarders, "POST", path, params, supportToken, { kind: "pipe", command: "bin/intake.sh" });
    expect(noReason.status).toBe(400);
    const ok = await call(postForwarders, "POST", path, params, supportToken, {
      kind: "pipe",
      command: "bin/intake.sh",
      reason: "Ticket #900: order intake",
    });
    expect(ok.status).toBe(201);
    const raw = encodeURIComponent("|/home/shopcp/bin/intake.sh");
    const staffDelete = await call(deleteForwarder, "DELETE", `${path}/${raw}`, { ...params, destination: raw }, supportToken);
    expect(staffDelete.status).toBe(400);
    const withReason = await call(
      deleteForwarder,
      "DELETE",
      `${path}/${raw}?reason=${encodeURIComponent("Ticket #900: undo")}`,
      { ...params, destination: raw },
      supportToken,
    );
    expect(withReason.status).toBe(200);
    expect(await emulatorForwarders("shopcp", "intake@shop.example")).toEqual([]);
  });

  it("scopes, another customer's account, and a missing forwarder", async () => {
    const { path, params } = fwd(panel().accountId.examplecom, "billing@example.com");
    expect((await call(postForwarders, "POST", path, params, readToken, { destinations: ["x@example.net"] })).status).toBe(403);
    expect((await call(getForwarders, "GET", path, params, null)).status).toBe(401);
    const foreign = await call(getForwarders, "GET", path, params, otherToken);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ code: "not_found" });
    expect((await call(postForwarders, "POST", path, params, otherToken, { destinations: ["x@example.net"] })).status).toBe(404);
    const ghost = encodeURIComponent("ghost@example.net");
    expect((await call(deleteForwarder, "DELETE", `${path}/${ghost}`, { ...params, destination: ghost }, writeToken)).status).toBe(404);
    expect(await emulatorForwarders("examplecom", "billing@example.com")).toEqual(["accountant@example.net"]);
  });

  it("an upstream failure is upstream_unavailable and leaves the list unchanged", async () => {
    const { emulator, accountId } = panel();
    const { path, params } = fwd(accountId.shopcp, "marketing@shop.example");
    await emulator.control.fault({ fn: "Email::add_forwarder", kind: "status0", message: "Disk quota exceeded.", times: 1 });
    const response = await call(postForwarders, "POST", path, params, writeToken, { destinations: ["agency@example.net"] });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      code: "upstream_unavailable",
      detail: "cPanel refused the request: Disk quota exceeded.",
      upstream: "rejected",
    });
    expect(await emulatorForwarders("shopcp", "marketing@shop.example")).toEqual([]);
  });

  it("an Idempotency-Key replays the first answer instead of adding twice", async () => {
    const { emulator, accountId } = panel();
    const { path, params } = fwd(accountId.shopcp, "archive@shop.example");
    await emulator.control.clearRequestCounts();
    const headers = { "idempotency-key": "fwd-archive-0001" };
    const first = await call(postForwarders, "POST", path, params, writeToken, { destinations: ["vault@example.net"] }, headers);
    const second = await call(postForwarders, "POST", path, params, writeToken, { destinations: ["vault@example.net"] }, headers);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect((await emulator.control.requestCounts())["Email::add_forwarder"]).toBe(1);
  });
});

describe("domain forwarders", () => {
  it("GET, POST, DELETE with read back; another customer's account is 404", async () => {
    const accountId = panel().accountId.shopcp;
    const path = `/${accountId}/domain-forwarders`;
    const list = await call(getDomainForwarders, "GET", path, { accountId }, readToken);
    expect(await list.json()).toEqual({ domainForwarders: [{ sourceDomain: "shop.example", destinationDomain: "example.com" }] });

    const twice = await call(postDomainForwarders, "POST", path, { accountId }, writeToken, {
      sourceDomain: "shop.example",
      destinationDomain: "example.org",
    });
    expect(twice.status).toBe(400);
    expect((await twice.json()).errors).toEqual([
      { pointer: "/sourceDomain", detail: "shop.example already forwards to example.com; remove that domain forwarder first" },
    ]);

    const removed = await call(deleteDomainForwarder, "DELETE", `${path}/shop.example`, { accountId, domain: "shop.example" }, writeToken);
    expect(await removed.json()).toEqual({ domainForwarders: [] });
    const added = await call(postDomainForwarders, "POST", path, { accountId }, writeToken, {
      sourceDomain: "shop.example",
      destinationDomain: "example.org",
    });
    expect(added.status).toBe(201);
    expect((await panel().emulator.control.state("shopcp")).domainForwarders).toEqual([{ domain: "shop.example", destdomain: "example.org" }]);

    expect((await call(getDomainForwarders, "GET", path, { accountId }, otherToken)).status).toBe(404);
    expect((await call(deleteDomainForwarder, "DELETE", `${path}/shop.example`, { accountId, domain: "shop.example" }, otherToken)).status).toBe(404);
  });
});

describe("OpenAPI", () => {
  it("documents the forwarding operations", async () => {
    const doc = await (await openApi()).json();
    const paths = doc.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths["/api/v2/shared-hosting/{accountId}/email-accounts/{address}/forwarders"]!).sort()).toEqual(["get", "post"]);
    expect(Object.keys(paths["/api/v2/shared-hosting/{accountId}/email-accounts/{address}/forwarders/{destination}"]!)).toEqual(["delete"]);
    expect(Object.keys(paths["/api/v2/shared-hosting/{accountId}/domain-forwarders"]!).sort()).toEqual(["get", "post"]);
    expect(Object.keys(paths["/api/v2/shared-hosting/{accountId}/domain-forwarders/{domain}"]!)).toEqual(["delete"]);
  });
});
