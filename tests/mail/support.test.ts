// Support's WHM actions through the domain layer, checked in the emulator's state, not by trusting answers.
import { describe, expect, it, vi } from "vitest";
import { withDemoPanel } from "../support/panel";
import { listAuditEvents } from "@/lib/audit";
import { NotFoundError, UpstreamError, ValidationError } from "@/lib/core/errors";
import { CpanelAbortedError } from "@/lib/cpanel";
import { ServerTransport } from "@/lib/cpanel/transport";
import { listServers } from "@/lib/db/servers";
import { writeContext } from "@/lib/core/write-context";
import { openAccountSession, runAccountMailAction, setSystemForward, supportAccountView, supportSearch } from "@/lib/mail/support";
import { listAccountActivity, listAuditLog, auditLogCsv } from "@/lib/mail/activity";

const panel = withDemoPanel({ requestTimeoutMs: 1500 });
const REASON = "Ticket #9001: spam run from this account";

async function collect(lines: AsyncGenerator<string>): Promise<string> {
  let text = "";
  for await (const line of lines) text += line;
  return text;
}

describe("support search", () => {
  it("finds an account by a mailbox address on an addon domain, with the matching address", async () => {
    const { support, accountId } = panel();
    const started = performance.now();
    const result = await supportSearch(support, { query: "newsletter@example.org" });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.mailboxLookup).toBe(true);
    expect(result.accounts).toEqual([expect.objectContaining({ id: accountId.examplecom, matchedMailboxes: ["newsletter@example.org"] })]);
  });

  it("finds by domain, cPanel user and owner email", async () => {
    const { support, accountId } = panel();
    expect((await supportSearch(support, { query: "example.net" })).accounts.map((a) => a.id)).toContain(accountId.othernet);
    expect((await supportSearch(support, { query: "shopcp" })).accounts.map((a) => a.id)).toEqual([accountId.shopcp]);
    expect((await supportSearch(support, { query: "other@example.net" })).accounts.map((a) => a.id)).toEqual([accountId.othernet]);
  });

  it("is not there for customers", async () => {
    const { customer } = panel();
    await expect(supportSearch(customer, { query: "example" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("names a server too slow for the mailbox lookup as unanswered, and cancels its cPanel calls instead of leaving them running", async () => {
    const { support, emulator } = panel();
    // Each cPanel request's outcome, as the transport settles it.
    const outcomes: Promise<unknown>[] = [];
    const send = ServerTransport.prototype.send;
    const spy = vi.spyOn(ServerTransport.prototype, "send").mockImplementation(function (this: ServerTransport, ...args) {
      const sent = send.apply(this, args);
      outcomes.push(
        sent.then(
          () => "answered",
          (error: unknown) => error,
        ),
      );
      return sent;
    });
    // Slower than the lookup's deadline even with the transport's own retries (1.5 s request timeout, two retries).
    await emulator.control.fault({ fn: "listaccts", kind: "delay", ms: 10_000 });
    try {
      const started = performance.now();
      const result = await supportSearch(support, { query: "newsletter@example.org" });
      expect(performance.now() - started).toBeLessThan(4_000);
      expect(result.unansweredServers).toEqual((await listServers()).map((s) => s.name).sort());
      expect(result.accounts.flatMap((a) => a.matchedMailboxes)).toEqual([]);
      expect(outcomes.length).toBeGreaterThan(0);
      // Cancelled by the deadline, not left to time out (and retry) on their own.
      for (const outcome of await Promise.all(outcomes)) expect(outcome).toBeInstanceOf(CpanelAbortedError);
    } finally {
      spy.mockRestore();
      await emulator.control.clearFaults();
    }
  });
});

describe("support account view", () => {
  it("shows the outgoing state, the system forward and the mailboxes", async () => {
    const { support, accountId } = panel();
    const view = await supportAccountView(support, accountId.shopcp);
    expect(view.account).toMatchObject({ cpanelUser: "shopcp", ownerEmail: "customer@example.com" });
    expect(view.whm).toMatchObject({ ok: true, value: { outgoingSuspended: false, outgoingHeld: false } });
    expect(view.systemForward.ok).toBe(true);
    expect(view.mailboxes.ok && view.mailboxes.value.map((m) => m.email)).toContain("info@shop.example");
  });

  it("reports a part cPanel cannot give without losing the rest", async () => {
    const { support, accountId, emulator } = panel();
    await emulator.control.fault({ fn: "get_user_email_forward_destination", kind: "http", status: 503 });
    const view = await supportAccountView(support, accountId.shopcp).finally(() => emulator.control.clearFaults());
    expect(view.systemForward.ok).toBe(false);
    expect(view.mailboxes.ok).toBe(true);
  });

  it("is not there for customers, even for their own account", async () => {
    const { customer, accountId } = panel();
    await expect(supportAccountView(customer, accountId.examplecom)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("WHM mail actions", () => {
  it.each([
    ["suspend_outgoing", { outgoingSuspended: true }, "account.outgoing.suspend"],
    ["unsuspend_outgoing", { outgoingSuspended: false }, "account.outgoing.unsuspend"],
    ["hold_outgoing", { outgoingHeld: true }, "account.outgoing.hold"],
    ["release_outgoing", { outgoingHeld: false }, "account.outgoing.release"],
  ] as const)("%s changes the emulator's state and is audited with the reason", async (action, expected, auditAction) => {
    const { support, accountId, emulator } = panel();
    const result = await runAccountMailAction(writeContext(support, "web", REASON), accountId.othernet, action);
    expect(result.state).toMatchObject(expected);
    expect(await emulator.control.state("othernet")).toMatchObject(expected);
    const [event] = await listAuditEvents({ accountId: accountId.othernet, action: auditAction });
    expect(event).toMatchObject({ actorUserId: support.id, reason: REASON, outcome: "success", target: "othernet" });
  });

  it("ends every IMAP/POP session of the account", async () => {
    const { support, accountId, emulator } = panel();
    await emulator.control.openSession("info@example.net");
    await emulator.control.openSession("admin@example.net");
    await runAccountMailAction(writeContext(support, "web", REASON), accountId.othernet, "terminate_sessions");
    const state = await emulator.control.state("othernet");
    expect(state.mailboxes.map((m: { sessions: number }) => m.sessions)).toEqual(state.mailboxes.map(() => 0));
  });

  it("needs a reason of at least 10 characters, and sends nothing without one", async () => {
    const { support, accountId, emulator } = panel();
    await emulator.control.clearRequestCounts();
    const error = await runAccountMailAction(writeContext(support, "web", "spam"), accountId.othernet, "suspend_outgoing").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.reason).toBeDefined();
    expect((await emulator.control.requestCounts())["suspend_outgoing_email"]).toBeUndefined();
  });

  it("is refused to customers as not found", async () => {
    const { customer, accountId, emulator } = panel();
    await emulator.control.clearRequestCounts();
    await expect(runAccountMailAction(writeContext(customer, "web", REASON), accountId.examplecom, "suspend_outgoing")).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await emulator.control.requestCounts())["suspend_outgoing_email"]).toBeUndefined();
  });

  it("a refused call is an UpstreamError, audited as a failure, state unchanged", async () => {
    const { support, accountId, emulator } = panel();
    await emulator.control.fault({ fn: "hold_outgoing_email", kind: "status0", message: "Exim is not running.", times: 1 });
    const error = await runAccountMailAction(writeContext(support, "web", REASON), accountId.othernet, "hold_outgoing").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).toContain("Exim is not running.");
    expect((await emulator.control.state("othernet")).outgoingHeld).toBe(false);
    const [event] = await listAuditEvents({ accountId: accountId.othernet, action: "account.outgoing.hold" });
    expect(event).toMatchObject({ outcome: "failure", reason: REASON });
  });

  it("a lost answer is settled by reading back, not by sending again", async () => {
    const { support, accountId, emulator } = panel();
    await emulator.control.clearRequestCounts();
    await emulator.control.fault({ fn: "suspend_outgoing_email", kind: "delay", ms: 2000, times: 1 });
    const result = await runAccountMailAction(writeContext(support, "web", REASON), accountId.othernet, "suspend_outgoing");
    expect(result.state).toMatchObject({ outgoingSuspended: true });
    expect((await emulator.control.requestCounts())["suspend_outgoing_email"]).toBe(1);
    await runAccountMailAction(writeContext(support, "web", REASON), accountId.othernet, "unsuspend_outgoing");
  });
});

describe("system account forward", () => {
  it("sets, reads back and clears the forward destination", async () => {
    const { support, accountId, emulator } = panel();
    const after = await setSystemForward(writeContext(support, "web", REASON), accountId.othernet, ["ops@example.net", "noc@example.org"]);
    expect(after).toEqual(["ops@example.net", "noc@example.org"]);
    expect((await emulator.control.state("othernet")).systemForward).toEqual(["ops@example.net", "noc@example.org"]);
    await setSystemForward(writeContext(support, "web", REASON), accountId.othernet, []);
    expect((await emulator.control.state("othernet")).systemForward).toEqual([]);
    const [event] = await listAuditEvents({ accountId: accountId.othernet, action: "account.system_forward.set" });
    expect(event!.detail).toMatchObject({ before: ["ops@example.net", "noc@example.org"], after: [] });
  });

  it("refuses something that is not an address", async () => {
    const { support, accountId } = panel();
    const error = await setSystemForward(writeContext(support, "web", REASON), accountId.othernet, ["not an address"]).catch((e: unknown) => e);
    expect((error as ValidationError).fieldErrors.forwardTo).toBeDefined();
  });
});

describe("single sign-on into cPanel", () => {
  it("returns a one-time link that opens once, and never writes the link down", async () => {
    const { support, accountId } = panel();
    const { url } = await openAccountSession(writeContext(support, "web", REASON), accountId.othernet, "cpaneld");
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(await first.text()).toMatch(/Signed in to cPanel as <strong>othernet<\/strong>/);
    expect((await fetch(url)).status).toBe(401);

    const events = await listAuditEvents({ accountId: accountId.othernet, action: "account.session.open" });
    expect(events[0]).toMatchObject({ outcome: "success", reason: REASON, detail: { via: "web", service: "cpaneld" } });
    const token = new URL(url).searchParams.get("session")!;
    expect(JSON.stringify(await listAuditEvents({ limit: 500 }))).not.toContain(token);
    expect(await collect(auditLogCsv(support, {}))).not.toContain(token);
  });

  it("opens Webmail too; customers cannot", async () => {
    const { support, customer, accountId } = panel();
    const { url } = await openAccountSession(writeContext(support, "web", REASON), accountId.othernet, "webmaild");
    expect(await (await fetch(url)).text()).toContain("Signed in to Webmail");
    await expect(openAccountSession(writeContext(customer, "web", REASON), accountId.examplecom, "cpaneld")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("audit log and customer activity", () => {
  it("support filters by actor, account, action and outcome, newest first, with the reason", async () => {
    const { support, accountId } = panel();
    await runAccountMailAction(writeContext(support, "web", "Ticket #77: audit filter check"), accountId.othernet, "terminate_sessions");
    const log = await listAuditLog(support, {
      actor: "SUPPORT@example.com",
      account: "example.net",
      action: "account.sessions.terminate",
      outcome: "success",
    });
    expect(log.rows[0]).toMatchObject({
      actorEmail: "support@example.com",
      reason: "Ticket #77: audit filter check",
      account: { primaryDomain: "example.net" },
    });
    expect(log.rows.every((r) => r.action === "account.sessions.terminate")).toBe(true);
    const times = log.rows.map((r) => r.at);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("the Action filter takes an action's title words too; words naming several actions match nothing and say so", async () => {
    const { support, accountId } = panel();
    await runAccountMailAction(writeContext(support, "web", "Ticket #78: audit words check"), accountId.othernet, "terminate_sessions");
    const byWords = await listAuditLog(support, { action: "ended every IMAP" });
    expect(byWords.rows.length).toBeGreaterThan(0);
    expect(byWords.rows.every((r) => r.action === "account.sessions.terminate" && r.what === "Ended every IMAP and POP session")).toBe(true);
    const several = await listAuditLog(support, { action: "forwarder" });
    expect(several.rows).toEqual([]);
    expect(several.filterProblems[0]).toContain("several actions");
    expect((await listAuditLog(support, { action: "no such thing" })).filterProblems[0]).toContain("No action is called");
  });

  it("a date range and an unknown actor narrow the log", async () => {
    const { support } = panel();
    expect((await listAuditLog(support, { to: "2000-01-01" })).rows).toEqual([]);
    const nobody = await listAuditLog(support, { actor: "nobody@example.com" });
    expect(nobody.rows).toEqual([]);
    expect(nobody.filterProblems[0]).toContain("nobody@example.com");
  });

  it("exports CSV with the reason, safe against spreadsheet formulas", async () => {
    const { support, accountId } = panel();
    await runAccountMailAction(writeContext(support, "web", '=HYPERLINK("x") ticket 12'), accountId.othernet, "terminate_sessions");
    const csv = await collect(auditLogCsv(support, { account: "othernet" }));
    expect(csv.split("\r\n")[0]).toMatch(/^time_utc,actor_email,/);
    expect(csv).toContain(`"'=HYPERLINK(""x"") ticket 12"`);
  });

  it("customers see their account's trail with staff shown as Support, and no one else's", async () => {
    const { other, customer, accountId } = panel();
    const page = await listAccountActivity(other, accountId.othernet);
    const staffEntry = page.entries.find((e) => e.what === "Suspended outgoing email");
    expect(staffEntry).toMatchObject({ by: "support", reason: REASON, outcome: "success" });
    expect(JSON.stringify(page)).not.toContain("support@example.com");
    await expect(listAccountActivity(customer, accountId.othernet)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAuditLog(customer, {})).rejects.toBeInstanceOf(NotFoundError);
  });
});
