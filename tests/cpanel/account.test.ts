import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { CpanelApiError, CpanelConfigError, closeCpanelTransports, cpanelClient, type AccountClient } from "@/lib/cpanel";
import { call } from "@/lib/cpanel/call";
import { startEmulatorProcess, type EmulatorProcess } from "../support/emulator";
import { MAILBOX_PASSWORD, STRONG_PASSWORD, acme, connectionFor } from "./fixtures";

let emulator: EmulatorProcess;
beforeAll(async () => {
  emulator = await startEmulatorProcess();
});
afterAll(async () => {
  await closeCpanelTransports();
  await emulator?.stop();
});

async function apiError(promise: Promise<unknown>): Promise<CpanelApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CpanelApiError);
  return error as CpanelApiError;
}

describe.each(["whm", "cpanel"] as const)("account calls in %s mode", (mode) => {
  let account: AccountClient;
  beforeEach(async () => {
    await emulator.control.reset();
    await emulator.control.createAccount(acme);
    account = cpanelClient(connectionFor(emulator, mode)).account(acme.user);
  });

  it("listMailDomains: main domain first", async () => {
    expect(await account.listMailDomains()).toEqual(["acme.test", "acme.org"]);
  });

  it("listMailboxes: quota, usage and restrictions as domain types", async () => {
    const boxes = await account.listMailboxes();
    expect(boxes.map((b) => b.email).sort()).toEqual(["info@acme.test", "sales@acme.test", "team@acme.org"]);
    expect(boxes.find((b) => b.email === "info@acme.test")).toEqual({
      email: "info@acme.test",
      localPart: "info",
      domain: "acme.test",
      quotaMb: 500,
      diskUsedBytes: 1234,
      suspendLogin: false,
      suspendIncoming: false,
      suspendOutgoing: false,
      holdOutgoing: false,
    });
    expect(boxes.find((b) => b.email === "sales@acme.test")?.quotaMb).toBeNull();
    expect(await account.listMailboxes({ domain: "acme.org" })).toHaveLength(1);
  });

  it("listMailboxesBasic", async () => {
    const boxes = await account.listMailboxesBasic();
    expect(boxes.map((b) => b.email).sort()).toEqual(["info@acme.test", "sales@acme.test", "team@acme.org"]);
    expect(boxes[0]).toMatchObject({ suspendLogin: false, suspendIncoming: false });
  });

  it("addMailbox and deleteMailbox", async () => {
    expect(await account.addMailbox({ email: "new@acme.org", password: STRONG_PASSWORD, quotaMb: 250 })).toEqual({ email: "new@acme.org" });
    expect(await account.getMailboxQuota("new@acme.org")).toBe(250);
    const unlimited = await account.addMailbox({ email: "big@acme.test", password: STRONG_PASSWORD, quotaMb: null });
    expect(await account.getMailboxQuota(unlimited.email)).toBeNull();
    await account.deleteMailbox("new@acme.org");
    const state = await emulator.control.state(acme.user);
    expect(state.mailboxes.map((m: { email: string }) => m.email)).not.toContain("new@acme.org");
  });

  it("addMailbox twice → CpanelApiError with cPanel's message", async () => {
    const error = await apiError(account.addMailbox({ email: "info@acme.test", password: STRONG_PASSWORD }));
    expect(error.messages.join(" ")).toMatch(/already exists/);
    expect(error.operation).toBe("Email::add_pop");
  });

  it("addMailbox with a weak password → too weak", async () => {
    const error = await apiError(account.addMailbox({ email: "weak@acme.test", password: "aaaa" }));
    expect(error.messages.join(" ")).toMatch(/too weak/);
    expect(error.message).not.toContain("aaaa");
  });

  it("changeMailboxPassword + verifyMailboxPassword", async () => {
    expect(await account.verifyMailboxPassword("info@acme.test", MAILBOX_PASSWORD)).toBe(true);
    await account.changeMailboxPassword("info@acme.test", STRONG_PASSWORD);
    expect(await account.verifyMailboxPassword("info@acme.test", STRONG_PASSWORD)).toBe(true);
    expect(await account.verifyMailboxPassword("info@acme.test", MAILBOX_PASSWORD)).toBe(false);
  });

  it("changeMailboxPassword: weak password and unknown mailbox are CpanelApiErrors", async () => {
    const weak = await apiError(account.changeMailboxPassword("info@acme.test", "12345luggage"));
    expect(weak.messages[0]).toMatch(/^The given password is too weak\. Please enter a password with a strength rating of 65 or higher\.$/);
    const missing = await apiError(account.changeMailboxPassword("ghost@acme.test", STRONG_PASSWORD));
    expect(missing.messages[0]).toBe("You do not have an email account named “ghost@acme.test”.");
  });

  it("changeMailboxPasswordApi2 (API 2 Email::passwdpop)", async () => {
    await account.changeMailboxPasswordApi2("team@acme.org", STRONG_PASSWORD);
    expect(await account.verifyMailboxPassword("team@acme.org", STRONG_PASSWORD)).toBe(true);
    const weak = await apiError(account.changeMailboxPasswordApi2("team@acme.org", "aaaa"));
    expect(weak.messages.join(" ")).toMatch(/too weak/);
    expect(weak.operation).toBe("Email::passwdpop");
  });

  it("setMailboxQuota / getMailboxQuota", async () => {
    await account.setMailboxQuota("info@acme.test", 1024);
    expect(await account.getMailboxQuota("info@acme.test")).toBe(1024);
    await account.setMailboxQuota("info@acme.test", null);
    expect(await account.getMailboxQuota("info@acme.test")).toBeNull();
    expect((await account.listMailboxes()).find((b) => b.email === "info@acme.test")?.quotaMb).toBeNull();
  });

  it("suspensions and holds round-trip through listMailboxes", async () => {
    const box = "info@acme.test";
    await account.suspendLogin(box);
    await account.suspendIncoming(box);
    await account.suspendOutgoing(box);
    await account.holdOutgoing(box);
    expect((await account.listMailboxes()).find((b) => b.email === box)).toMatchObject({
      suspendLogin: true,
      suspendIncoming: true,
      suspendOutgoing: true,
      holdOutgoing: true,
    });
    expect((await account.listMailboxesBasic()).find((b) => b.email === box)).toMatchObject({ suspendLogin: true, suspendIncoming: true });
    await account.unsuspendLogin(box);
    await account.unsuspendIncoming(box);
    await account.unsuspendOutgoing(box);
    await account.releaseOutgoing(box);
    expect((await account.listMailboxes()).find((b) => b.email === box)).toMatchObject({
      suspendLogin: false,
      suspendIncoming: false,
      suspendOutgoing: false,
      holdOutgoing: false,
    });
  });

  it("forwarders of every kind: add, list, delete", async () => {
    await account.addForwarder({ source: "a@acme.test", kind: "address", destinations: ["x@example.net", "y@example.net"] });
    await account.addForwarder({ source: "b@acme.test", kind: "fail", failMessage: "Gone away" });
    await account.addForwarder({ source: "c@acme.org", kind: "blackhole" });
    await account.addForwarder({ source: "d@acme.test", kind: "system", systemUser: acme.user });
    await account.addForwarder({ source: "e@acme.test", kind: "pipe", command: "/home/acme/bin/handler.pl" });
    const all = await account.listForwarders();
    const bySource = (s: string) => all.filter((f) => f.source === s);
    expect(
      bySource("a@acme.test")
        .map((f) => [f.kind, f.destination])
        .sort(),
    ).toEqual([
      ["address", "x@example.net"],
      ["address", "y@example.net"],
    ]);
    expect(bySource("b@acme.test")).toEqual([expect.objectContaining({ kind: "fail", failMessage: "Gone away" })]);
    expect(bySource("c@acme.org")).toEqual([expect.objectContaining({ kind: "blackhole" })]);
    expect(bySource("d@acme.test")).toEqual([expect.objectContaining({ kind: "system", destination: acme.user })]);
    expect(bySource("e@acme.test")).toEqual([expect.objectContaining({ kind: "pipe" })]);
    expect((await account.listForwarders({ domain: "acme.org" })).map((f) => f.source)).toEqual(["c@acme.org"]);
    const fail = bySource("b@acme.test")[0]!;
    await account.deleteForwarder(fail.source, fail.destination);
    expect((await account.listForwarders({ domain: "acme.test" })).some((f) => f.source === "b@acme.test")).toBe(false);
    const error = await apiError(account.deleteForwarder("a@acme.test", "nobody@example.net"));
    expect(error.messages[0]).toMatch(/You do not have a forwarder/);
  });

  it("domain forwarders", async () => {
    await account.addDomainForwarder("acme.org", "example.net");
    expect(await account.listDomainForwarders()).toEqual([{ sourceDomain: "acme.org", destinationDomain: "example.net" }]);
    await account.deleteDomainForwarder("acme.org");
    expect(await account.listDomainForwarders()).toEqual([]);
    await apiError(account.deleteDomainForwarder("acme.org"));
  });

  it("autoresponders", async () => {
    const start = new Date("2026-01-01T00:00:00Z");
    const stop = new Date("2026-02-01T00:00:00Z");
    await account.addAutoresponder({ email: "info@acme.test", from: "Acme", subject: "Away", body: "Back soon", intervalHours: 24, start, stop });
    expect(await account.listAutoresponders()).toEqual([{ email: "info@acme.test", subject: "Away" }]);
    expect(await account.getAutoresponder("info@acme.test")).toEqual({
      email: "info@acme.test",
      from: "Acme",
      subject: "Away",
      body: "Back soon",
      isHtml: false,
      charset: "utf-8",
      intervalHours: 24,
      start,
      stop,
    });
    await account.deleteAutoresponder("info@acme.test");
    expect(await account.listAutoresponders({ domain: "acme.test" })).toEqual([]);
    await apiError(account.getAutoresponder("info@acme.test"));
  });

  it("requiredPasswordStrength", async () => {
    expect(await account.requiredPasswordStrength()).toBe(65);
  });

  it("terminateMailboxSessions ends every session of the account", async () => {
    await emulator.control.openSession("info@acme.test");
    await emulator.control.openSession("team@acme.org");
    await account.terminateMailboxSessions();
    const state = await emulator.control.state(acme.user);
    expect(state.mailboxes.map((m: { sessions: number }) => m.sessions)).toEqual([0, 0, 0]);
  });

  it("a function cPanel does not know → CpanelApiError with cPanel's message (through the call every typed function uses)", async () => {
    const unknown = { api: "uapi", module: "Email", func: "no_such_function", write: false, params: z.object({}), data: z.unknown() } as const;
    const error = await apiError(call(connectionFor(emulator, mode), unknown, {}, { cpanelUser: acme.user }));
    expect(error.messages[0]).toMatch(/Could not find function/);
  });
});

describe("cpanel mode limits", () => {
  it("refuses WHM calls and other users without sending anything", async () => {
    await emulator.control.reset();
    await emulator.control.createAccount(acme);
    await emulator.control.clearRequestCounts();
    const client = cpanelClient(connectionFor(emulator, "cpanel"));
    await expect(client.whm.listAccounts()).rejects.toBeInstanceOf(CpanelConfigError);
    expect(() => client.account("someoneelse")).toThrow(CpanelConfigError);
    expect(await emulator.control.requestCounts()).toEqual({});
  });
});
