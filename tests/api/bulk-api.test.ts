// POST …/bulk-actions and /api/v2/jobs/{jobId} as route handlers with real bearer tokens, every answer checked against its
// declaration: the dry run, the 202 with Location, progress and results, CSV, cancel, and who may see a job.
import { beforeAll, describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { createApiToken } from "@/lib/db/api-tokens";
import { READ_SCOPE, WRITE_SCOPE } from "@/lib/auth/scopes";
import { DatabaseRunner } from "@/lib/jobs/database-queue";
import { bulkJobHandlers } from "@/lib/mail/bulk-mailboxes";
import { POST as POST_BULK } from "@/app/api/v2/shared-hosting/[accountId]/bulk-actions/route";
import { GET as GET_JOB } from "@/app/api/v2/jobs/[jobId]/route";
import { POST as POST_CANCEL } from "@/app/api/v2/jobs/[jobId]/cancel/route";
import { GET as GET_CSV } from "@/app/api/v2/jobs/[jobId]/results.csv/route";
import { checkedAgainstSpec } from "./expect-matches-spec";

const postBulk = checkedAgainstSpec(POST_BULK);
const getJob = checkedAgainstSpec(GET_JOB);
const postCancel = checkedAgainstSpec(POST_CANCEL);
const getCsv = checkedAgainstSpec(GET_CSV);
const panel = withDemoPanel();
const ORIGIN = "http://localhost:3000";
const tokens = { owner: "", read: "", other: "", support: "" };

beforeAll(async () => {
  tokens.owner = (await createApiToken({ userId: panel().customer.id, name: "script", scopes: [WRITE_SCOPE] })).token;
  tokens.read = (await createApiToken({ userId: panel().customer.id, name: "read only", scopes: [READ_SCOPE] })).token;
  tokens.other = (await createApiToken({ userId: panel().other.id, name: "other", scopes: [WRITE_SCOPE] })).token;
  tokens.support = (await createApiToken({ userId: panel().support.id, name: "support", scopes: [WRITE_SCOPE] })).token;
});

function bulk(accountId: string, body: unknown, token: string) {
  const request = new Request(`${ORIGIN}/api/v2/shared-hosting/${accountId}/bulk-actions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return postBulk(request, { params: Promise.resolve({ accountId }) });
}

const onJob =
  (handler: (request: Request, route: { params: Promise<unknown> }) => Promise<Response>, path: string, method = "GET") =>
  (jobId: string, token: string) =>
    handler(new Request(`${ORIGIN}/api/v2/jobs/${jobId}${path}`, { method, headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ jobId }),
    });
const job = onJob(getJob, "");
const cancel = onJob(postCancel, "/cancel", "POST");
const csv = onJob(getCsv, "/results.csv");

type Plan = { items: { email: string; call: string | null; skip: string | null }[]; accountCalls: string[] };
type Job = { state: string; progress: number; results: { item: string; outcome: string; call: string | null; detail: string | null }[] };

describe("POST …/bulk-actions", () => {
  it("dryRun answers the plan and changes nothing; the run answers 202 with Location, and the job then does what the plan said", async () => {
    const { accountId, emulator } = panel();
    const addresses = ["info@shop.example", "orders@shop.example", "ghost@shop.example"];
    await emulator.control.clearRequestCounts();
    const dry = await bulk(accountId.shopcp, { addresses, action: "set_quota", quotaMb: 321, dryRun: true }, tokens.owner);
    expect(dry.status).toBe(200);
    const plan = (await dry.json()) as Plan;
    expect(plan.items.map((i) => [i.email, i.call !== null])).toEqual([
      ["info@shop.example", true],
      ["orders@shop.example", true],
      ["ghost@shop.example", false],
    ]);
    expect((await emulator.control.requestCounts())["Email::edit_pop_quota"]).toBeUndefined();

    const run = await bulk(accountId.shopcp, { addresses, action: "set_quota", quotaMb: 321 }, tokens.owner);
    expect(run.status).toBe(202);
    const { jobId, href } = (await run.json()) as { jobId: string; href: string };
    expect(run.headers.get("location")).toBe(`/api/v2/jobs/${jobId}`);
    expect(href).toBe(`/api/v2/jobs/${jobId}`);
    const queued = (await (await job(jobId, tokens.read)).json()) as Job;
    expect(queued.state).toBe("queued");
    expect(queued.results.map((r) => r.outcome)).toEqual(["pending", "pending", "pending"]);

    await new DatabaseRunner(bulkJobHandlers, { pollMs: 60_000 }).runDue();
    const done = (await (await job(jobId, tokens.owner)).json()) as Job;
    expect(done).toMatchObject({ state: "succeeded", progress: 100 });
    expect(done.results.map((r) => [r.item, r.outcome, r.call])).toEqual(plan.items.map((i) => [i.email, i.call ? "success" : "skipped", i.call]));
    expect((await emulator.control.requestCounts())["Email::edit_pop_quota"]).toBe(2);

    const file = await csv(jobId, tokens.read);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="mailroom-${jobId}.csv"`);
    const lines = (await file.text()).split("\r\n");
    expect(lines[0]).toBe("mailbox,outcome,call,skipped,error");
    expect(lines[3]).toBe("ghost@shop.example,skipped,,no such mailbox on this account,");

    // Finished: cancelling it is refused, and changes nothing.
    expect((await cancel(jobId, tokens.owner)).status).toBe(400);
  });

  it("refuses bad input with a pointer per field, a read-only token, another customer's account, and staff without a reason", async () => {
    const { accountId } = panel();
    const missingQuota = await bulk(accountId.shopcp, { addresses: ["info@shop.example"], action: "set_quota" }, tokens.owner);
    expect(missingQuota.status).toBe(400);
    expect(((await missingQuota.json()) as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual(["/quotaMb"]);
    expect((await bulk(accountId.shopcp, { addresses: [], action: "secure" }, tokens.owner)).status).toBe(400);
    expect((await bulk(accountId.shopcp, { addresses: ["info@shop.example"], action: "delete" }, tokens.owner)).status).toBe(400);
    expect((await bulk(accountId.shopcp, { addresses: ["info@shop.example"], action: "secure" }, tokens.read)).status).toBe(403);
    expect((await bulk(accountId.shopcp, { addresses: ["info@shop.example"], action: "secure" }, tokens.other)).status).toBe(404);
    const noReason = await bulk(accountId.shopcp, { addresses: ["info@shop.example"], action: "secure" }, tokens.support);
    expect(noReason.status).toBe(400);
    // A staff dry run changes nothing, so it needs no reason.
    expect((await bulk(accountId.shopcp, { addresses: ["info@shop.example"], action: "secure", dryRun: true }, tokens.support)).status).toBe(200);
  });
});

describe("/api/v2/jobs/{jobId}", () => {
  it("only the account's owner and staff see or cancel a job; a cancelled job's items are not_done", async () => {
    const { accountId } = panel();
    const run = await bulk(accountId.shopcp, { addresses: ["dev@shop.example"], action: "hold_outgoing" }, tokens.owner);
    const { jobId } = (await run.json()) as { jobId: string };
    expect((await job(jobId, tokens.other)).status).toBe(404);
    expect((await csv(jobId, tokens.other)).status).toBe(404);
    expect((await cancel(jobId, tokens.other)).status).toBe(404);
    expect((await cancel(jobId, tokens.read)).status).toBe(403);
    expect((await job(jobId, tokens.support)).status).toBe(200);
    const cancelled = await cancel(jobId, tokens.owner);
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as Job).results).toEqual([{ item: "dev@shop.example", outcome: "not_done", call: null, detail: null }]);
    expect((await job("job_nothere", tokens.support)).status).toBe(404);
  });
});
