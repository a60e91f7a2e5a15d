// "Secure this mailbox" through the domain layer: each step verified in the emulator's state, one incident id on every
// audit event, and a step made to fail with the emulator's fault injection (the rest still run, the report is exact).
import { describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { listAuditEvents } from "@/lib/audit";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { writeContext } from "@/lib/core/write-context";
import { accountApi } from "@/lib/mail/cpanel-access";
import { findHostingAccount } from "@/lib/db/hosting-accounts";
import { addForwarders } from "@/lib/mail/forwarders";
import { secureMailbox } from "@/lib/mail/secure-mailbox";
import { deleteHeldMail, getOutgoingMail, topSenders } from "@/lib/mail/outgoing";

const panel = withDemoPanel({ requestTimeoutMs: 1500 });
const DEMO_PASSWORD = "Demo-mailbox-2026!";
type EmuMailbox = { email: string; suspendedLogin: boolean; holdOutgoing: boolean; sessions: number };

async function emuMailbox(user: string, email: string): Promise<EmuMailbox> {
  const state = await panel().emulator.control.state(user);
  return state.mailboxes.find((m: EmuMailbox) => m.email === email);
}
async function passwordStillWorks(accountId: string, email: string): Promise<boolean> {
  const account = (await findHostingAccount(accountId))!;
  return (await accountApi(account)).verifyMailboxPassword(email, DEMO_PASSWORD);
}

describe("secureMailbox", () => {
  it("the owner secures their mailbox: login suspended, mail held, password replaced, sessions left to support, forwarders listed with recent ones marked", async () => {
    const { customer, accountId } = panel();
    await addForwarders(writeContext(customer, "web"), accountId.shopcp, "archive@shop.example", {
      kind: "address",
      destinations: ["collector@evil.example"],
    });

    const report = await secureMailbox(writeContext(customer, "web"), accountId.shopcp, "archive@shop.example");

    expect(report.incidentId).toMatch(/^inc_/);
    expect(Object.fromEntries(report.steps.map((s) => [s.id, s.outcome]))).toEqual({
      suspend_login: "done",
      hold_outgoing: "done",
      replace_password: "done",
      end_sessions: "skipped",
      notify_owner: "done",
    });
    expect(report.steps.find((s) => s.id === "end_sessions")!.detail).toContain("every mailbox on the hosting account");
    expect(report.inEffect).toEqual({ loginSuspended: true, outgoingHeld: true });
    expect(report.forwarders).toEqual([expect.objectContaining({ destination: "collector@evil.example", kind: "address", recent: true })]);

    const emu = await emuMailbox("shopcp", "archive@shop.example");
    expect(emu).toMatchObject({ suspendedLogin: true, holdOutgoing: true });
    expect(await passwordStillWorks(accountId.shopcp, "archive@shop.example")).toBe(false);

    const events = (await listAuditEvents({ accountId: accountId.shopcp, limit: 50 })).filter((e) => e.detail?.incidentId === report.incidentId);
    expect(events.map((e) => e.action).sort()).toEqual([
      "mailbox.secure",
      "mailbox.secure.hold_outgoing",
      "mailbox.secure.replace_password",
      "mailbox.secure.suspend_login",
    ]);
    expect(JSON.stringify(events)).not.toContain(DEMO_PASSWORD);
  });

  it("a failing step does not stop the others, and the report says exactly what is in effect", async () => {
    const { customer, accountId, emulator } = panel();
    await emulator.control.fault({ fn: "Email::hold_outgoing", kind: "status0", message: "Exim is busy.", times: 1 });

    const report = await secureMailbox(writeContext(customer, "web"), accountId.examplecom, "sales@example.com");

    const step = (id: string) => report.steps.find((s) => s.id === id)!;
    expect(step("suspend_login").outcome).toBe("done");
    expect(step("hold_outgoing")).toMatchObject({ outcome: "failed" });
    expect(step("hold_outgoing").detail).toContain("Exim is busy.");
    expect(step("replace_password").outcome).toBe("done");
    expect(report.inEffect).toEqual({ loginSuspended: true, outgoingHeld: false });
    expect(await emuMailbox("examplecom", "sales@example.com")).toMatchObject({ suspendedLogin: true, holdOutgoing: false });
    expect(await passwordStillWorks(accountId.examplecom, "sales@example.com")).toBe(false);
    const [summary] = await listAuditEvents({ accountId: accountId.examplecom, action: "mailbox.secure", limit: 1 });
    expect(summary).toMatchObject({ outcome: "failure", detail: expect.objectContaining({ incidentId: report.incidentId }) });
  });

  it("staff need a reason, and end the sessions of the whole account", async () => {
    const { support, accountId, emulator } = panel();
    await expect(secureMailbox(writeContext(support, "web"), accountId.othernet, "bob@example.net")).rejects.toBeInstanceOf(ValidationError);
    await emulator.control.openSession("alice@example.net");

    const report = await secureMailbox(writeContext(support, "web", "Ticket #4711: spam from bob"), accountId.othernet, "bob@example.net");

    expect(report.steps.find((s) => s.id === "end_sessions")).toMatchObject({ outcome: "done" });
    expect((await emuMailbox("othernet", "alice@example.net")).sessions).toBe(0);
    // alice@ was already login-suspended in the demo; bob@ is now.
    expect(await emuMailbox("othernet", "bob@example.net")).toMatchObject({ suspendedLogin: true, holdOutgoing: true });
  });

  it("a mailbox of another customer is not found, and nothing changes", async () => {
    const { other, accountId } = panel();
    await expect(secureMailbox(writeContext(other, "web"), accountId.shopcp, "info@shop.example")).rejects.toBeInstanceOf(NotFoundError);
    expect(await emuMailbox("shopcp", "info@shop.example")).toMatchObject({ suspendedLogin: false, holdOutgoing: false });
  });
});

describe("outgoing mail", () => {
  it("staff see counts and top domains; the owner sees the held queue only", async () => {
    const { customer, support, accountId } = panel();
    const staffView = await getOutgoingMail(support, accountId.shopcp, "marketing@shop.example");
    expect(staffView.heldCount).toBe(60);
    expect(staffView.stats!.lastHour.sent).toBeGreaterThanOrEqual(1790);
    expect(staffView.stats!.lastHour.failed).toBeGreaterThanOrEqual(235);
    expect(staffView.stats!.last24Hours.sent).toBeGreaterThan(staffView.stats!.lastHour.sent);
    expect(staffView.stats!.topDomains[0]!.domain).toBe("gmail.com");
    const ownerView = await getOutgoingMail(customer, accountId.shopcp, "marketing@shop.example");
    expect(ownerView).toMatchObject({ heldCount: 60, stats: null, statsError: null });
  });

  it("a delivery log that does not answer in time leaves the held count and says so", async () => {
    const { support, accountId, emulator } = panel();
    // Slower than the page's deadline, faster than a request's timeout: the panel gives up, the server is not blamed.
    await emulator.control.fault({ fn: "emailtrack_search", kind: "delay", ms: 1200 });
    try {
      const started = Date.now();
      const view = await getOutgoingMail(support, accountId.shopcp, "orders@shop.example", { statsTimeoutMs: 400 });
      expect(Date.now() - started).toBeLessThan(1100);
      expect(view).toMatchObject({ heldCount: 0, stats: null });
      expect(view.statsError).toBe("The server's delivery log did not answer in time.");
    } finally {
      await emulator.control.clearFaults();
    }
  });

  it("the top senders of every server name the spamming mailbox first, with its state", async () => {
    const { support, customer, accountId } = panel();
    const top = await topSenders(support, "hour");
    expect(top.unansweredServers).toEqual([]);
    expect(top.senders[0]).toMatchObject({
      sender: "marketing@shop.example",
      cpanelUser: "shopcp",
      accountId: accountId.shopcp,
      state: { holdOutgoing: true },
    });
    await expect(topSenders(customer, "hour")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a server that does not answer in time is named, not waited for", async () => {
    const { support, emulator } = panel();
    await emulator.control.fault({ fn: "emailtrack_search", kind: "delay", ms: 1200 });
    try {
      const started = Date.now();
      const top = await topSenders(support, "day", { timeoutMs: 400 });
      expect(Date.now() - started).toBeLessThan(1100);
      expect(top).toMatchObject({ senders: [], unansweredServers: ["demo"] });
    } finally {
      await emulator.control.clearFaults();
    }
  });

  it("deletes held mail (audited) and keeps the hold", async () => {
    const { customer, accountId } = panel();
    const result = await deleteHeldMail(writeContext(customer, "web"), accountId.shopcp, "marketing@shop.example");
    expect(result).toEqual({ email: "marketing@shop.example", deleted: 60 });
    expect((await getOutgoingMail(customer, accountId.shopcp, "marketing@shop.example")).heldCount).toBe(0);
    expect(await emuMailbox("shopcp", "marketing@shop.example")).toMatchObject({ holdOutgoing: true });
    const [event] = await listAuditEvents({ accountId: accountId.shopcp, action: "mailbox.held_mail.delete", limit: 1 });
    expect(event).toMatchObject({ outcome: "success", target: "marketing@shop.example" });
  });
});
