// Issue 13, finding 9: refused attempts leave a trace (outcome "denied", a bounded number per actor), token events keep
// the token's id, and the audit request id is the panel's own, with the client's X-Request-Id only beside it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { IncomingMessage } from "node:http";
import { withDemoPanel, actorFor } from "../support/panel";
import { createApiToken } from "@/lib/db/api-tokens";
import { createUser } from "@/lib/db/users";
import { listAuditEvents, recordAuditEvent, type AuditEvent } from "@/lib/audit";
import { READ_SCOPE, WRITE_SCOPE } from "@/lib/auth/scopes";
import { stampClientAddress } from "@/lib/http/client-address";
import { writeContext } from "@/lib/core/write-context";
import { changeMailboxPassword } from "@/lib/mail/passwords";
import { supportSearch } from "@/lib/mail/support";
import { requireAdmin } from "@/lib/mail/guards";
import { NotFoundError } from "@/lib/core/errors";
import { PUT as putPassword } from "@/app/api/v2/shared-hosting/[accountId]/email-accounts/[address]/password/route";

const panel = withDemoPanel();
const BASE = "http://localhost:3000/api/v2/shared-hosting";
const STRONG = "Harbor-quince-2026-lark";
let otherToken: string;
let readToken: { token: string; id: string };
let writeToken: string;

beforeAll(async () => {
  otherToken = (await createApiToken({ userId: panel().other.id, name: "other", scopes: [WRITE_SCOPE] })).token;
  const read = await createApiToken({ userId: panel().customer.id, name: "read only", scopes: [READ_SCOPE] });
  readToken = { token: read.token, id: read.apiToken.id };
  writeToken = (await createApiToken({ userId: panel().customer.id, name: "writer", scopes: [WRITE_SCOPE] })).token;
});

/** Headers as the server hands them to the app: stamped with the client address resolved from the socket. */
function fromSocket(remoteAddress: string, sent: Record<string, string> = {}): Record<string, string> {
  const message = { headers: { ...sent }, socket: { remoteAddress } } as unknown as IncomingMessage;
  stampClientAddress(message, { kind: "none" });
  return message.headers as Record<string, string>;
}

function put(accountId: string, address: string, token: string, headers: Record<string, string> = {}) {
  const request = new Request(`${BASE}/${accountId}/email-accounts/${encodeURIComponent(address)}/password`, {
    method: "PUT",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ newPassword: STRONG }),
  });
  return putPassword(request, { params: Promise.resolve({ accountId, address: encodeURIComponent(address) }) });
}

async function deniedOf(actorUserId: string, action: string): Promise<AuditEvent[]> {
  return listAuditEvents({ actorUserId, action, outcome: "denied", limit: 500 });
}

describe("refused attempts are audited", () => {
  it("a customer's write to another customer's account: 404, and a denied event with the request id and address", async () => {
    const { other, accountId } = panel();
    const response = await put(accountId.examplecom, "info@example.com", otherToken, fromSocket("203.0.113.44"));
    expect(response.status).toBe(404);
    const [event] = await deniedOf(other.id, "access.account");
    expect(event).toMatchObject({
      actorUserId: other.id,
      accountId: null, // not on the owner's own trail (the owner reads it); support finds it by actor, action or outcome
      target: accountId.examplecom,
      requestId: response.headers.get("x-request-id"),
      detail: expect.objectContaining({ via: "api", ip: "203.0.113.44", operation: expect.stringMatching(/^PUT \/api\/v2\/shared-hosting\/acct_/) }),
    });
  });

  it("the same through the domain layer (server actions): denied, and still a NotFoundError", async () => {
    const { accountId } = panel();
    const prober = await actorFor((await createUser({ email: "prober-web@example.net", role: "customer", password: STRONG })).email);
    await expect(changeMailboxPassword(writeContext(prober, "web"), accountId.shopcp, "info@shop.example", STRONG)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await deniedOf(prober.id, "access.account")).toEqual([expect.objectContaining({ target: accountId.shopcp })]);
  });

  it("a read-only token trying a write: 403, and a denied event naming the token (by id) and the scope", async () => {
    const { customer, accountId } = panel();
    const response = await put(accountId.examplecom, "info@example.com", readToken.token);
    expect(response.status).toBe(403);
    const [event] = await deniedOf(customer.id, "access.scope");
    expect(event).toMatchObject({
      requestId: response.headers.get("x-request-id"),
      detail: expect.objectContaining({ tokenId: readToken.id, scope: WRITE_SCOPE }),
    });
    expect(JSON.stringify(event)).not.toContain(readToken.token);
  });

  it("a customer calling staff and admin actions: refused as before, and denied events", async () => {
    const { customer } = panel();
    await expect(supportSearch(customer, { query: "example" })).rejects.toBeInstanceOf(NotFoundError);
    expect(() => requireAdmin(customer)).toThrow(NotFoundError);
    // The guards are synchronous: the event is written just after.
    await vi.waitFor(async () => {
      expect(await deniedOf(customer.id, "access.staff")).toHaveLength(1);
      expect(await deniedOf(customer.id, "access.admin")).toHaveLength(1);
    });
  });

  it("probing cannot flood the log: at most 20 refusals per actor are recorded, the last one says so", async () => {
    const { accountId } = panel();
    const prober = await actorFor((await createUser({ email: "prober-flood@example.net", role: "customer", password: STRONG })).email);
    for (let i = 0; i < 30; i++) {
      await expect(changeMailboxPassword(writeContext(prober, "web"), accountId.examplecom, "info@example.com", STRONG)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    const events = await deniedOf(prober.id, "access.account");
    expect(events).toHaveLength(20);
    expect(events[0]!.detail).toMatchObject({ note: expect.stringContaining("not recorded") });
  });
});

describe("request ids", () => {
  it("a client's X-Request-Id is not the audit request id: the panel's own is, the client's is logged beside it", async () => {
    const { customer, accountId } = panel();
    const evil = "evil-request-id-0001";
    const response = await put(accountId.examplecom, "support@example.com", writeToken, { "x-request-id": evil });
    expect(response.status).toBe(200);
    const ours = response.headers.get("x-request-id");
    expect(ours).toMatch(/^[0-9a-f-]{36}$/);
    const [event] = await listAuditEvents({ actorUserId: customer.id, action: "mailbox.password.change", limit: 1 });
    expect(event).toMatchObject({ requestId: ours, detail: expect.objectContaining({ clientRequestId: evil }) });
  });

  it("the client's id is kept printable and at most 128 characters", async () => {
    const { customer, accountId } = panel();
    const response = await put(accountId.examplecom, "support@example.com", writeToken, { "x-request-id": `evil\u0007${"x".repeat(300)}` });
    expect(response.status).toBe(200);
    const [event] = await listAuditEvents({ actorUserId: customer.id, action: "mailbox.password.change", limit: 1 });
    expect(event!.detail!.clientRequestId).toBe(`evil${"x".repeat(124)}`);
  });
});

describe("token events", () => {
  it("keep the token's id (not a secret), so a creation and a revocation can be tied; secrets stay redacted", async () => {
    const created = await createApiToken({ userId: panel().customer.id, name: "tied", scopes: [READ_SCOPE] });
    const event = await recordAuditEvent({
      action: "api_token.create",
      outcome: "success",
      detail: { tokenId: created.apiToken.id, token: created.token, apiTokenIds: [created.apiToken.id], tokenIdLooksLikeSecret: created.token },
    });
    expect(event.detail).toEqual({
      tokenId: created.apiToken.id,
      token: "[redacted]",
      apiTokenIds: [created.apiToken.id],
      tokenIdLooksLikeSecret: "[redacted]",
    });
    const smuggled = await recordAuditEvent({ action: "api_token.create", outcome: "success", detail: { tokenId: created.token } });
    expect(smuggled.detail).toEqual({ tokenId: "[redacted]" });
  });
});
