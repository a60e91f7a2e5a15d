// POST …/email-accounts/{address}/secure as a route handler with real bearer tokens, every answer checked against its declaration.
import { beforeAll, describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { createApiToken } from "@/lib/db/api-tokens";
import { listAuditEvents } from "@/lib/audit";
import { READ_SCOPE, WRITE_SCOPE } from "@/lib/auth/scopes";
import { POST as POST_SECURE } from "@/app/api/v2/shared-hosting/[accountId]/email-accounts/[address]/secure/route";
import { checkedAgainstSpec } from "./expect-matches-spec";

const postSecure = checkedAgainstSpec(POST_SECURE);
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

function post(accountId: string, address: string, body: unknown, token: string) {
  const request = new Request(`${BASE}/${accountId}/email-accounts/${encodeURIComponent(address)}/secure`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return postSecure(request, { params: Promise.resolve({ accountId, address: encodeURIComponent(address) }) });
}

type Report = { incidentId: string; steps: { id: string; outcome: string }[]; inEffect: { loginSuspended: boolean; outgoingHeld: boolean } };

describe("POST …/secure", () => {
  it("the owner's token secures the mailbox and gets the report; the password is never in it", async () => {
    const { accountId, emulator } = panel();
    const response = await post(accountId.examplecom, "old@example.com", {}, writeToken);
    expect(response.status).toBe(200);
    const text = await response.text();
    const report = JSON.parse(text) as Report;
    expect(report.steps.map((s) => [s.id, s.outcome])).toEqual([
      ["suspend_login", "done"],
      ["hold_outgoing", "done"],
      ["replace_password", "done"],
      ["end_sessions", "skipped"],
      ["notify_owner", "done"],
    ]);
    expect(report.inEffect).toEqual({ loginSuspended: true, outgoingHeld: true });
    const state = await emulator.control.state("examplecom");
    expect(state.mailboxes.find((m: { email: string }) => m.email === "old@example.com")).toMatchObject({ suspendedLogin: true, holdOutgoing: true });
    const events = (await listAuditEvents({ accountId: accountId.examplecom, limit: 20 })).filter((e) => e.detail?.incidentId === report.incidentId);
    expect(events.every((e) => e.detail?.via === "api")).toBe(true);
    expect(events.length).toBe(4);
  });

  it("a read-only token is forbidden, another customer's mailbox is not found, staff without a reason are refused", async () => {
    const { accountId } = panel();
    expect((await post(accountId.shopcp, "dev@shop.example", {}, readToken)).status).toBe(403);
    expect((await post(accountId.shopcp, "dev@shop.example", {}, otherToken)).status).toBe(404);
    const refused = await post(accountId.shopcp, "dev@shop.example", {}, supportToken);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: "invalid_request" });
  });

  it("staff with a reason also end the account's sessions", async () => {
    const { accountId } = panel();
    const response = await post(accountId.shopcp, "dev@shop.example", { reason: "Ticket #99: spam complaints" }, supportToken);
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report.steps.find((s) => s.id === "end_sessions")?.outcome).toBe("done");
  });
});
