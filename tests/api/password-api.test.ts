// The REST API's accounts, mailbox list and password endpoints, called as route handlers with real bearer tokens.
import { beforeAll, describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { createApiToken } from "@/lib/db/api-tokens";
import { accountApi } from "@/lib/mail/cpanel-access";
import { findHostingAccount } from "@/lib/db/hosting-accounts";
import { READ_SCOPE, WRITE_SCOPE } from "@/lib/auth/scopes";
import { GET as LIST_ACCOUNTS } from "@/app/api/v2/shared-hosting/route";
import { GET as LIST_EMAIL_ACCOUNTS } from "@/app/api/v2/shared-hosting/[accountId]/email-accounts/route";
import { PUT as PUT_PASSWORD } from "@/app/api/v2/shared-hosting/[accountId]/email-accounts/[address]/password/route";
import { GET as openApi } from "@/app/api/v2/openapi.json/route";
import { checkedAgainstSpec } from "./expect-matches-spec";

// Every answer is checked against the route's declaration (status, body keys, documented problem codes).
const listAccounts = checkedAgainstSpec(LIST_ACCOUNTS);
const listEmailAccounts = checkedAgainstSpec(LIST_EMAIL_ACCOUNTS);
const putPassword = checkedAgainstSpec(PUT_PASSWORD);

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

function put(accountId: string, address: string, body: unknown, token: string | null, headers: Record<string, string> = {}) {
  const request = new Request(`${BASE}/${accountId}/email-accounts/${encodeURIComponent(address)}/password`, {
    method: "PUT",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return putPassword(request, { params: Promise.resolve({ accountId, address: encodeURIComponent(address) }) });
}

async function passwordWorks(accountId: string, email: string, password: string) {
  return (await accountApi((await findHostingAccount(accountId))!)).verifyMailboxPassword(email, password);
}

describe("GET endpoints", () => {
  it("lists the caller's accounts and an account's mailboxes with public ids", async () => {
    // Next passes no params to a route without dynamic segments.
    const accounts = await listAccounts(new Request(BASE, { headers: { authorization: `Bearer ${readToken}` } }), {});
    expect(accounts.status).toBe(200);
    const { data } = (await accounts.json()) as { data: { id: string; domain: string }[] };
    expect(data.map((a) => a.domain).sort()).toEqual(["example.com", "shop.example"]);

    const accountId = panel().accountId.examplecom;
    const list = await listEmailAccounts(new Request(`${BASE}/${accountId}/email-accounts`, { headers: { authorization: `Bearer ${readToken}` } }), {
      params: Promise.resolve({ accountId }),
    });
    const { emailAccounts } = (await list.json()) as { emailAccounts: { id: string; email: string }[] };
    expect(emailAccounts.find((m) => m.email === "info@example.com")?.id).toMatch(/^mbx_[0-9a-f]{24}$/);
  });

  it("another customer's account is 404 problem+json", async () => {
    const accountId = panel().accountId.examplecom;
    const response = await listEmailAccounts(
      new Request(`${BASE}/${accountId}/email-accounts`, { headers: { authorization: `Bearer ${otherToken}` } }),
      {
        params: Promise.resolve({ accountId }),
      },
    );
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "not_found", status: 404, requestId: expect.any(String), instance: expect.any(String) });
  });
});

describe("PUT …/password", () => {
  it("changes the password (checked in cPanel) and answers only the address", async () => {
    const accountId = panel().accountId.examplecom;
    const response = await put(accountId, "support@example.com", { newPassword: "Harbor-quince-2026-lark" }, writeToken);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ email: "support@example.com" });
    expect(text).not.toContain("Harbor-quince-2026-lark");
    expect(await passwordWorks(accountId, "support@example.com", "Harbor-quince-2026-lark")).toBe(true);
  });

  it("accepts the mailbox's public id", async () => {
    const accountId = panel().accountId.examplecom;
    const list = await listEmailAccounts(new Request(`${BASE}/${accountId}/email-accounts`, { headers: { authorization: `Bearer ${readToken}` } }), {
      params: Promise.resolve({ accountId }),
    });
    const { emailAccounts } = (await list.json()) as { emailAccounts: { id: string; email: string }[] };
    const id = emailAccounts.find((m) => m.email === "contact@example.org")!.id;
    expect((await put(accountId, id, { newPassword: "Harbor-quince-2026-lark" }, writeToken)).status).toBe(200);
  });

  it.each([
    ["no body field", {}, "/newPassword"],
    ["a number", { newPassword: 12345678 }, "/newPassword"],
    ["an unknown field", { newPassword: "Harbor-quince-2026-lark", password: "x" }, ""],
  ])("refuses %s as invalid_request with a pointer", async (_what, body, pointer) => {
    const response = await put(panel().accountId.examplecom, "info@example.com", body, writeToken);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { code: string; errors: { pointer: string }[] };
    expect(problem.code).toBe("invalid_request");
    expect(problem.errors.map((e) => e.pointer)).toContain(pointer === "" ? "/" : pointer);
  });

  it("refuses a body that is not JSON", async () => {
    const response = await put(panel().accountId.examplecom, "info@example.com", "newPassword=x", writeToken);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "invalid_request" });
  });

  it("refuses a weak password as password_too_weak with the rule codes, and never echoes it", async () => {
    const accountId = panel().accountId.examplecom;
    const response = await put(accountId, "info@example.com", { newPassword: "info2026" }, writeToken);
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).not.toContain("info2026");
    const problem = JSON.parse(text) as { code: string; rules: string[]; errors: { pointer: string }[] };
    expect(problem.code).toBe("password_too_weak");
    expect(problem.rules).toEqual(expect.arrayContaining(["needs_uppercase", "contains_mailbox_name"]));
    expect(problem.errors[0]?.pointer).toBe("/newPassword");
  });

  it("401 without a token or with a wrong one, 403 with the read scope only", async () => {
    const accountId = panel().accountId.examplecom;
    const anonymous = await put(accountId, "info@example.com", { newPassword: "Harbor-quince-2026-lark" }, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    expect((await put(accountId, "info@example.com", { newPassword: "Harbor-quince-2026-lark" }, "mr_not-a-token")).status).toBe(401);
    const readOnly = await put(accountId, "info@example.com", { newPassword: "Harbor-quince-2026-lark" }, readToken);
    expect(readOnly.status).toBe(403);
    expect(await readOnly.json()).toMatchObject({ code: "forbidden" });
  });

  it("another customer's mailbox is 404, never 403", async () => {
    const response = await put(panel().accountId.examplecom, "info@example.com", { newPassword: "Harbor-quince-2026-lark" }, otherToken);
    expect(response.status).toBe(404);
  });

  it("an upstream failure is upstream_unavailable and leaves the old password working", async () => {
    const { emulator, accountId } = panel();
    await emulator.control.fault({ fn: "Email::passwd_pop", kind: "status0", message: "Mail service is restarting.", times: 1 });
    const response = await put(accountId.shopcp, "dev@shop.example", { newPassword: "Harbor-quince-2026-lark" }, writeToken);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ code: "upstream_unavailable", detail: expect.stringContaining("Mail service is restarting.") });
    expect(await passwordWorks(accountId.shopcp, "dev@shop.example", "Demo-mailbox-2026!")).toBe(true);
  });

  it("replays an Idempotency-Key instead of changing twice", async () => {
    const { emulator, accountId } = panel();
    await emulator.control.clearRequestCounts();
    const key = { "idempotency-key": "retry-safe-0001" };
    const first = await put(accountId.shopcp, "marketing@shop.example", { newPassword: "Harbor-quince-2026-lark" }, writeToken, key);
    const second = await put(accountId.shopcp, "marketing@shop.example", { newPassword: "Harbor-quince-2026-lark" }, writeToken, key);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect((await emulator.control.requestCounts())["Email::passwd_pop"]).toBe(1);
    // The fingerprint of a request leaves secrets out (the panel stores no hash of a password): the same key with
    // another password is the same request, replayed; with another mailbox it is a misuse of the key.
    const otherPassword = await put(accountId.shopcp, "marketing@shop.example", { newPassword: "Other-quince-2026-lark" }, writeToken, key);
    expect(otherPassword.headers.get("idempotent-replayed")).toBe("true");
    expect((await emulator.control.requestCounts())["Email::passwd_pop"]).toBe(1);
    const reused = await put(accountId.shopcp, "orders@shop.example", { newPassword: "Harbor-quince-2026-lark" }, writeToken, key);
    expect(reused.status).toBe(400);
  });

  it("rate-limits with Retry-After", async () => {
    const { accountId } = panel();
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) last = await put(accountId.shopcp, "info@shop.example", { newPassword: "weak" }, writeToken);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await last!.json()).toMatchObject({ code: "rate_limited" });
  });
});

describe("openapi.json", () => {
  it("documents the endpoints and the error model", async () => {
    const doc = (await (await openApi()).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const put = doc.paths["/api/v2/shared-hosting/{accountId}/email-accounts/{address}/password"]?.put;
    expect(put?.responses).toHaveProperty("422");
    expect(doc.paths).toHaveProperty("/api/v2/shared-hosting/{accountId}/email-accounts");
  });
});
