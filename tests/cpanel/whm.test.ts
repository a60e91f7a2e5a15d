import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CpanelApiError, closeCpanelTransports, cpanelClient, type WhmClient } from "@/lib/cpanel";
import { startEmulatorProcess, type EmulatorProcess } from "../support/emulator";
import { acme, connectionFor } from "./fixtures";

let emulator: EmulatorProcess;
let whm: WhmClient;
beforeAll(async () => {
  emulator = await startEmulatorProcess();
});
afterAll(async () => {
  await closeCpanelTransports();
  await emulator?.stop();
});
beforeEach(async () => {
  await emulator.control.reset();
  await emulator.control.createAccount(acme);
  await emulator.control.createAccount({
    user: "beta",
    domain: "beta.test",
    contactEmail: "",
    maxEmailQuotaMb: 1024,
    mailboxes: [{ email: "x@beta.test" }],
  });
  whm = cpanelClient(connectionFor(emulator, "whm")).whm;
});

describe("WHM API 1 calls", () => {
  it("listAccounts reshapes listaccts rows", async () => {
    const accounts = await whm.listAccounts();
    expect(accounts.map((a) => a.user).sort()).toEqual(["acme", "beta"]);
    const a = accounts.find((x) => x.user === "acme")!;
    expect(a).toMatchObject({
      domain: "acme.test",
      contactEmail: "owner@acme.test",
      owner: "root",
      suspended: false,
      suspendReason: null,
      outgoingMailSuspended: false,
      outgoingMailHold: false,
      maxEmailQuotaMb: null,
      maxMailboxes: null,
      diskLimitMb: null,
    });
    expect(typeof a.diskUsedMb).toBe("number");
    expect(a.startedAt).toBeInstanceOf(Date);
    const b = accounts.find((x) => x.user === "beta")!;
    expect(b.maxEmailQuotaMb).toBe(1024);
    expect(b.contactEmail).toBeNull();
    expect((await whm.listAccounts({ search: "beta", searchtype: "user" })).map((x) => x.user)).toEqual(["beta"]);
  });

  it("accountSummary, and an unknown user → CpanelApiError", async () => {
    expect((await whm.accountSummary("acme")).domain).toBe("acme.test");
    const error = await whm.accountSummary("ghost").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CpanelApiError);
    // Whostmgr/API/1/Accounts.pm accountsummary: no such account → "Account does not exist." (data.acct null).
    expect((error as CpanelApiError).messages).toEqual(["Account does not exist."]);
    expect((error as CpanelApiError).kind).toBe("account-not-found");
  });

  it("forcePasswordChange: already-required users are their own outcome, failures carry their own reason", async () => {
    await emulator.control.createAccount({ user: "fpca", domain: "fpca.test" });
    await emulator.control.createAccount({ user: "fpcb", domain: "fpcb.test" });
    expect(await whm.forcePasswordChange(["fpca", "fpcb"])).toEqual({ updated: ["fpca", "fpcb"], alreadySet: [], failed: [], notAttempted: [] });
    // "Nothing to do." (result 1, no data) when every user is already flagged.
    expect(await whm.forcePasswordChange(["fpca", "fpcb"])).toEqual({ updated: [], alreadySet: ["fpca", "fpcb"], failed: [], notAttempted: [] });
    await emulator.control.createAccount({ user: "fpcc", domain: "fpcc.test" });
    const partial = await whm.forcePasswordChange(["fpca", "ghost", "fpcc"]);
    expect(partial).toEqual({
      updated: ["fpcc"],
      alreadySet: ["fpca"],
      failed: [{ user: "ghost", reason: "Unable to set forced password change for user 'ghost'; check the system log for details." }],
      notAttempted: [],
    });
    const invalid = await whm.forcePasswordChange(["fpca", "bad name"]);
    expect(invalid).toEqual({
      updated: [],
      alreadySet: [],
      failed: [{ user: "bad name", reason: "Invalid user(s): bad name" }],
      notAttempted: ["fpca"],
    });
  });

  it("forcePasswordChange with stop_on_failure: whoever cPanel did not reach is not attempted", async () => {
    await emulator.control.createAccount({ user: "fpsa", domain: "fpsa.test" });
    await emulator.control.createAccount({ user: "fpsz", domain: "fpsz.test" });
    // cPanel walks its own order (the emulator: sorted), not the request's.
    const stopped = await whm.forcePasswordChange(["fpsz", "fpsghost", "fpsa"], { stopOnFailure: true });
    expect(stopped.updated).toEqual(["fpsa"]);
    expect(stopped.failed.map((f) => f.user)).toEqual(["fpsghost"]);
    expect(stopped.notAttempted).toEqual(["fpsz"]);
    expect((await emulator.control.state("fpsz")).forcePasswordChange).toBe(false);
  });

  it("get/setSystemForwardDestination", async () => {
    await whm.setSystemForwardDestination("acme", ["ops@example.net", "noc@example.net"]);
    expect(await whm.getSystemForwardDestination("acme")).toEqual(["ops@example.net", "noc@example.net"]);
    await whm.setSystemForwardDestination("acme", []);
    expect(await whm.getSystemForwardDestination("acme")).toEqual([]);
  });

  it("suspend/unsuspend/hold/release outgoing email of an account", async () => {
    await whm.suspendOutgoingEmail("acme");
    await whm.holdOutgoingEmail("acme");
    let state = await emulator.control.state("acme");
    expect([state.outgoingSuspended, state.outgoingHeld]).toEqual([true, true]);
    expect(await whm.accountSummary("acme")).toMatchObject({ outgoingMailSuspended: true, outgoingMailHold: true });
    await whm.unsuspendOutgoingEmail("acme");
    await whm.releaseOutgoingEmail("acme");
    state = await emulator.control.state("acme");
    expect([state.outgoingSuspended, state.outgoingHeld]).toEqual([false, false]);
    await expect(whm.suspendOutgoingEmail("ghost")).rejects.toBeInstanceOf(CpanelApiError);
  });

  it("terminateMailboxSessions(user)", async () => {
    await emulator.control.openSession("info@acme.test");
    await whm.terminateMailboxSessions("acme");
    const state = await emulator.control.state("acme");
    expect(state.mailboxes.every((m: { sessions: number }) => m.sessions === 0)).toBe(true);
  });

  it("listMailboxAddresses (list_pops_for)", async () => {
    expect((await whm.listMailboxAddresses("acme")).sort()).toEqual(["info@acme.test", "sales@acme.test", "team@acme.org"]);
  });

  it("passwordStrength follows cPanel's algorithm", async () => {
    expect(await whm.passwordStrength("12345luggage")).toBe(63);
    expect(await whm.passwordStrength("Tr0ub4dor&3")).toBe(100);
    expect(await whm.passwordStrength("")).toBe(0);
  });

  it("createUserSession returns a URL that JSON and inspect do not show", async () => {
    const session = await whm.createUserSession("acme", "cpaneld");
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cpsess\d+\/login\/\?session=/);
    expect(session.service).toBe("cpaneld");
    expect(JSON.stringify(session)).not.toContain("cpsess");
    expect(inspect(session)).not.toContain("cpsess");
    await expect(whm.createUserSession("ghost", "cpaneld")).rejects.toBeInstanceOf(CpanelApiError);
  });
});

describe("demo data through the client", () => {
  it("every demo account parses: mailboxes with each restriction, forwarders of every kind, autoresponder", async () => {
    await emulator.control.reset();
    await emulator.control.seedDemo();
    const client = cpanelClient(connectionFor(emulator, "whm"));
    const users = (await client.whm.listAccounts()).map((a) => a.user).sort();
    expect(users).toEqual(["examplecom", "othernet", "shopcp"]);
    const example = client.account("examplecom");
    const boxes = await example.listMailboxes();
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    expect(boxes.map((b) => b.email)).toContain("info@example.com");
    expect(boxes.some((b) => b.quotaMb === null)).toBe(true);
    for (const flag of ["suspendLogin", "suspendIncoming", "suspendOutgoing", "holdOutgoing"] as const) {
      expect(
        boxes.some((b) => b[flag]),
        flag,
      ).toBe(true);
    }
    const kinds = new Set((await example.listForwarders()).map((f) => f.kind));
    expect([...kinds].sort()).toEqual(["address", "blackhole", "fail", "pipe", "system"]);
    expect((await example.listDomainForwarders()).length).toBeGreaterThanOrEqual(1);
    expect((await example.listAutoresponders()).length).toBeGreaterThanOrEqual(1);
  });

  it("a demo account's own cPanel token works in cpanel mode", async () => {
    await emulator.control.reset();
    await emulator.control.seedDemo();
    const account = cpanelClient({
      ...connectionFor(emulator, "cpanel"),
      username: "shopcp",
      token: "SHOPCPDEMOTOKEN00000000000000000",
    }).account("shopcp");
    expect(await account.listMailDomains()).toEqual(["shop.example"]);
    expect((await account.listMailboxes()).length).toBeGreaterThanOrEqual(5);
  });
});
