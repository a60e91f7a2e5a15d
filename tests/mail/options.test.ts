// Mailbox options through the domain layer, each verified in the emulator's state (not by trusting answers),
// and the all-or-nothing save proven with injected faults.
import { describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { getMailboxSettings, updateMailbox } from "@/lib/mail/mailbox-options";
import { PartialUpdateError } from "@/lib/core/errors";
import { createMailbox, deleteMailbox } from "@/lib/mail/mailbox-lifecycle";
import { listAuditEvents } from "@/lib/audit";
import { NotFoundError, PasswordTooWeakError, UpstreamError, ValidationError } from "@/lib/core/errors";
import { writeContext } from "@/lib/core/write-context";
import { accountApi } from "@/lib/mail/cpanel-access";
import { assignAccountOwner, findHostingAccount, upsertHostingAccount } from "@/lib/db/hosting-accounts";

const panel = withDemoPanel({ requestTimeoutMs: 1500 });
type EmuMailbox = {
  email: string;
  quotaMb: number | null;
  suspendedLogin: boolean;
  suspendedIncoming: boolean;
  suspendedOutgoing: boolean;
  holdOutgoing: boolean;
};

async function emuMailbox(user: string, email: string): Promise<EmuMailbox | undefined> {
  const state = await panel().emulator.control.state(user);
  return state.mailboxes.find((m: EmuMailbox) => m.email === email);
}
async function emuAutoresponder(user: string, email: string) {
  const state = await panel().emulator.control.state(user);
  return state.autoresponders.find((a: { email: string }) => a.email === email);
}
const web = () => writeContext(panel().customer, "web");

describe("reading settings", () => {
  it("gives quota, usage, restrictions, autoresponder and forwards live from cPanel", async () => {
    const { customer, accountId } = panel();
    const settings = await getMailboxSettings(customer, accountId.shopcp, "returns@shop.example");
    expect(settings).toMatchObject({ email: "returns@shop.example", suspendLogin: true, suspendIncoming: false, accountMaxQuotaMb: null });
    expect(settings.autoresponder).toMatchObject({ enabled: true, subject: "Returns are handled by orders@shop.example", intervalHours: 24 });
    expect(settings.id).toMatch(/^mbx_/);
  });

  it("another customer's mailbox is not found", async () => {
    const { other, accountId } = panel();
    await expect(getMailboxSettings(other, accountId.shopcp, "info@shop.example")).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateMailbox(writeContext(other, "api"), accountId.shopcp, "info@shop.example", { suspendLogin: true })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await emuMailbox("shopcp", "info@shop.example"))?.suspendedLogin).toBe(false);
  });
});

describe("each option", () => {
  it("sets and clears the quota (unlimited), audited with before and after", async () => {
    const { accountId } = panel();
    await updateMailbox(web(), accountId.examplecom, "info@example.com", { quotaMb: 2048 });
    expect((await emuMailbox("examplecom", "info@example.com"))?.quotaMb).toBe(2048);
    const result = await updateMailbox(web(), accountId.examplecom, "info@example.com", { quotaMb: null });
    expect(result.settings.quotaMb).toBeNull();
    expect((await emuMailbox("examplecom", "info@example.com"))?.quotaMb).toBeNull();
    const [event] = await listAuditEvents({ accountId: accountId.examplecom, action: "mailbox.settings.update" });
    expect(event).toMatchObject({ outcome: "success", target: "info@example.com" });
    expect(event!.detail).toMatchObject({ changes: { quotaMb: { before: 2048, after: null } } });
  });

  it("refuses a quota below usage until it is confirmed, saying what happens to new mail", async () => {
    const { accountId } = panel();
    const error = await updateMailbox(web(), accountId.examplecom, "sales@example.com", { quotaMb: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.quota![0]).toMatch(/new mail to it is refused/);
    expect((await emuMailbox("examplecom", "sales@example.com"))?.quotaMb).toBe(2048);
    await updateMailbox(web(), accountId.examplecom, "sales@example.com", { quotaMb: 100, confirmQuotaBelowUsage: true });
    expect((await emuMailbox("examplecom", "sales@example.com"))?.quotaMb).toBe(100);
  });

  it.each([
    ["suspendLogin", "suspendedLogin"],
    ["suspendIncoming", "suspendedIncoming"],
    ["suspendOutgoing", "suspendedOutgoing"],
    ["holdOutgoing", "holdOutgoing"],
  ] as const)("%s on and off", async (flag, emuFlag) => {
    const { accountId } = panel();
    await updateMailbox(web(), accountId.examplecom, "contact@example.org", { [flag]: true });
    expect((await emuMailbox("examplecom", "contact@example.org"))?.[emuFlag]).toBe(true);
    await updateMailbox(web(), accountId.examplecom, "contact@example.org", { [flag]: false });
    expect((await emuMailbox("examplecom", "contact@example.org"))?.[emuFlag]).toBe(false);
  });

  it("sends only what changed", async () => {
    const { accountId, emulator } = panel();
    await emulator.control.clearRequestCounts();
    // jane@ is login-suspended already: only the quota goes to cPanel.
    await updateMailbox(web(), accountId.examplecom, "jane@example.com", { suspendLogin: true, suspendIncoming: false, quotaMb: 600 });
    const counts = await emulator.control.requestCounts();
    expect(counts["Email::edit_pop_quota"]).toBe(1);
    expect(counts["Email::suspend_login"]).toBeUndefined();
    expect(counts["Email::unsuspend_incoming"]).toBeUndefined();
  });

  it("turns an autoresponder on with dates (Unix seconds in cPanel), changes it, and turns it off", async () => {
    const { accountId } = panel();
    const start = new Date(Date.UTC(2030, 0, 1, 8, 0));
    const end = new Date(Date.UTC(2030, 0, 15, 17, 0));
    await updateMailbox(web(), accountId.examplecom, "old@example.com", {
      autoresponder: { enabled: true, from: "Old Desk", subject: "Moved", body: "Write to info@example.com.", intervalHours: 12, start, end },
    });
    expect(await emuAutoresponder("examplecom", "old@example.com")).toMatchObject({
      from: "Old Desk",
      subject: "Moved",
      interval: 12,
      start: start.getTime() / 1000,
      stop: end.getTime() / 1000,
    });
    const settings = await getMailboxSettings(panel().customer, accountId.examplecom, "old@example.com");
    expect(settings.autoresponder).toMatchObject({ start, end, intervalHours: 12 });
    await updateMailbox(web(), accountId.examplecom, "old@example.com", { autoresponder: { enabled: false } });
    expect(await emuAutoresponder("examplecom", "old@example.com")).toBeUndefined();
  });

  it("validates the autoresponder: end after start, subject and message required, lengths bounded", async () => {
    const { accountId } = panel();
    const error = await updateMailbox(web(), accountId.examplecom, "old@example.com", {
      autoresponder: {
        enabled: true,
        from: "x".repeat(101),
        subject: "",
        body: "",
        intervalHours: 24,
        start: new Date(Date.UTC(2030, 1, 1)),
        end: new Date(Date.UTC(2030, 0, 1)),
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual([
      "autoresponder/body",
      "autoresponder/end",
      "autoresponder/from",
      "autoresponder/subject",
    ]);
  });

  it("refuses control characters and line separators in the subject and sender name, sending nothing (issue 13)", async () => {
    const { accountId, emulator } = panel();
    const on = { enabled: true as const, from: "Desk", subject: "Away", body: "Back soon", intervalHours: 24, start: null, end: null };
    await emulator.control.clearRequestCounts();
    for (const [field, value] of [
      ["subject", "Away\u2028Bcc: all@example.net"],
      ["subject", "Away\u0000"],
      ["subject", "Away\u0085Bcc: all@example.net"],
      ["from", "Desk\u2029"],
      ["from", "Desk\u0000"],
      ["from", "Desk\u0085Bcc: all@example.net"],
    ] as const) {
      const error = await updateMailbox(web(), accountId.examplecom, "old@example.com", { autoresponder: { ...on, [field]: value } }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors).toEqual({
        [`autoresponder/${field}`]: [expect.stringMatching(/one line of text, without line breaks or control characters/)],
      });
    }
    expect((await emulator.control.requestCounts())["Email::add_auto_responder"]).toBeUndefined();
    expect(await emuAutoresponder("examplecom", "old@example.com")).toBeUndefined();
  });

  it("replaces the address forwarders", async () => {
    const { accountId } = panel();
    await updateMailbox(web(), accountId.examplecom, "info@example.com", { forwards: ["a@example.net", "b@example.net"] });
    await updateMailbox(web(), accountId.examplecom, "info@example.com", { forwards: ["b@example.net", "c@example.net"] });
    const state = await panel().emulator.control.state("examplecom");
    const forwards = state.forwarders.filter((f: { address: string }) => f.address === "info@example.com").map((f: { forward: string }) => f.forward);
    expect(forwards.sort()).toEqual(["b@example.net", "c@example.net"]);
  });

  it("refuses a replacement list that closes a loop, as adding a forwarder does", async () => {
    const { accountId } = panel();
    // Demo: hello@example.com → info@example.com; info → hello would close the circle.
    const error = await updateMailbox(web(), accountId.examplecom, "info@example.com", { forwards: ["hello@example.com"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.forwards).toEqual([
      "Forwarding to hello@example.com would send mail in a circle: info@example.com → hello@example.com → info@example.com",
    ]);
    const state = await panel().emulator.control.state("examplecom");
    expect(
      state.forwarders.some((f: { address: string; forward: string }) => f.address === "info@example.com" && f.forward === "hello@example.com"),
    ).toBe(false);
  });

  it("support needs a reason", async () => {
    const { support, accountId } = panel();
    await expect(
      updateMailbox(writeContext(support, "web", "short"), accountId.othernet, "bob@example.net", { holdOutgoing: true }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect((await emuMailbox("othernet", "bob@example.net"))?.holdOutgoing).toBe(false);
  });
});

describe("all-or-nothing", () => {
  it("a fault in the middle undoes the earlier parts (state verified in the emulator)", async () => {
    const { accountId, emulator } = panel();
    await emulator.control.fault({ fn: "Email::suspend_outgoing", kind: "status0", message: "Exim is busy.", times: 1 });
    const error = await updateMailbox(web(), accountId.shopcp, "orders@shop.example", {
      quotaMb: 3000,
      suspendLogin: true,
      suspendOutgoing: true,
      holdOutgoing: true,
    }).catch((e: unknown) => e);
    await emulator.control.clearFaults();
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).toMatch(
      /Exim is busy\. Everything was put back: suspending login, the quota \(2,048 MB → 3,000 MB\) were undone\. Only this remains: the mailbox's open mail sessions were ended, so its apps sign in again\./,
    );
    expect((error as PartialUpdateError).report.notSent).toEqual(["holding outgoing mail"]);
    expect(await emuMailbox("shopcp", "orders@shop.example")).toMatchObject({
      quotaMb: 2048,
      suspendedLogin: false,
      suspendedOutgoing: false,
      holdOutgoing: false,
    });
    const [event] = await listAuditEvents({ accountId: accountId.shopcp, action: "mailbox.settings.update" });
    expect(event).toMatchObject({ outcome: "failure" });
  });

  it("a 5xx (outcome unknown) is undone too, since it may have landed", async () => {
    const { accountId, emulator } = panel();
    await emulator.control.fault({ fn: "Email::suspend_login", kind: "http", status: 500, times: 1 });
    const error = await updateMailbox(web(), accountId.shopcp, "info@shop.example", { quotaMb: 700, suspendLogin: true }).catch((e: unknown) => e);
    await emulator.control.clearFaults();
    expect(error).toBeInstanceOf(PartialUpdateError);
    expect(await emuMailbox("shopcp", "info@shop.example")).toMatchObject({ quotaMb: 1024, suspendedLogin: false });
  });

  it("when an undo fails too, it says exactly what is still in effect", async () => {
    const { accountId, emulator } = panel();
    // suspend_login lands, suspend_outgoing fails, and the undo (unsuspend_login) is refused too.
    await emulator.control.fault({ fn: "Email::suspend_outgoing", kind: "status0", message: "Exim is busy.", times: 1 });
    await emulator.control.fault({ fn: "Email::unsuspend_login", kind: "status0", message: "Auth cache locked.", times: 1 });
    const error = await updateMailbox(web(), accountId.shopcp, "archive@shop.example", {
      quotaMb: 9000,
      suspendLogin: true,
      suspendOutgoing: true,
    }).catch((e: unknown) => e);
    await emulator.control.clearFaults();
    expect(error).toBeInstanceOf(PartialUpdateError);
    expect((error as PartialUpdateError).failure).toBe("unknown_outcome");
    expect((error as PartialUpdateError).report).toMatchObject({ stillApplied: ["suspending login"], undone: ["the quota (unlimited → 9,000 MB)"] });
    expect((error as Error).message).toMatch(
      /Exim is busy\. Undoing failed too, so these changes are still in effect: suspending login\. Undone: the quota/,
    );
    expect(await emuMailbox("shopcp", "archive@shop.example")).toMatchObject({ quotaMb: null, suspendedLogin: true, suspendedOutgoing: false });
    const [event] = await listAuditEvents({ accountId: accountId.shopcp, action: "mailbox.settings.update" });
    expect(event).toMatchObject({ outcome: "unknown" });
    expect(event!.detail).toMatchObject({ rollback: { stillApplied: ["suspending login"] } });
  });

  it("a password refused by cPanel at the end undoes the rest; a weak one is refused before anything is sent", async () => {
    const { accountId, emulator } = panel();
    await emulator.control.clearRequestCounts();
    await expect(updateMailbox(web(), accountId.examplecom, "jane@example.com", { quotaMb: 800, newPassword: "weak" })).rejects.toBeInstanceOf(
      PasswordTooWeakError,
    );
    expect((await emulator.control.requestCounts())["Email::edit_pop_quota"]).toBeUndefined();

    const reason = "The given password is too weak. Please enter a password with a strength rating of 100 or higher.";
    await emulator.control.fault({ fn: "Email::passwd_pop", kind: "status0", message: reason, times: 1 });
    const error = await updateMailbox(web(), accountId.examplecom, "jane@example.com", {
      quotaMb: 800,
      newPassword: "Copper-violet-2026-dune",
    }).catch((e: unknown) => e);
    await emulator.control.clearFaults();
    // Everything else was undone, so the mailbox is as before and the refusal is reported as it is.
    expect(error).toBeInstanceOf(PasswordTooWeakError);
    expect((error as PasswordTooWeakError).fieldErrors.newPassword).toEqual([reason]);
    expect((await emuMailbox("examplecom", "jane@example.com"))?.quotaMb).toBe(600);
  });
});

describe("create and delete", () => {
  it("creates a mailbox with the password policy and quota, then deletes it", async () => {
    const { accountId } = panel();
    const created = await createMailbox(web(), accountId.shopcp, {
      localPart: "Team",
      domain: "shop.example",
      password: "Juniper-canyon-2026-kite",
      quotaMb: 250,
    });
    expect(created).toMatchObject({ email: "team@shop.example", quotaMb: 250 });
    expect(await emuMailbox("shopcp", "team@shop.example")).toMatchObject({ quotaMb: 250 });
    const account = (await findHostingAccount(accountId.shopcp))!;
    expect(await (await accountApi(account)).verifyMailboxPassword("team@shop.example", "Juniper-canyon-2026-kite")).toBe(true);

    await deleteMailbox(web(), accountId.shopcp, "team@shop.example");
    expect(await emuMailbox("shopcp", "team@shop.example")).toBeUndefined();
    const [event] = await listAuditEvents({ accountId: accountId.shopcp, action: "mailbox.delete" });
    expect(event).toMatchObject({ outcome: "success", target: "team@shop.example" });
    expect(JSON.stringify(await listAuditEvents({ accountId: accountId.shopcp, action: "mailbox.create" }))).not.toContain("Juniper");
  });

  it("refuses every bad field at once, and a weak password alone as password_too_weak", async () => {
    const { accountId } = panel();
    const error = await createMailbox(web(), accountId.shopcp, {
      localPart: "info",
      domain: "example.com",
      password: "Juniper-canyon-2026-kite",
      quotaMb: 0,
    }).catch((e: unknown) => e);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["domain", "quota"]);
    const exists = await createMailbox(web(), accountId.shopcp, {
      localPart: "info",
      domain: "shop.example",
      password: "Juniper-canyon-2026-kite",
      quotaMb: 10,
    }).catch((e: unknown) => e);
    expect((exists as ValidationError).fieldErrors.localPart).toEqual(["info@shop.example already exists"]);
    await expect(
      createMailbox(web(), accountId.shopcp, { localPart: "weakling", domain: "shop.example", password: "weakling1", quotaMb: 10 }),
    ).rejects.toBeInstanceOf(PasswordTooWeakError);
    expect(await emuMailbox("shopcp", "weakling@shop.example")).toBeUndefined();
  });

  it("a delete whose answer is lost is settled by listing again", async () => {
    const { accountId, emulator } = panel();
    await createMailbox(web(), accountId.shopcp, { localPart: "temp", domain: "shop.example", password: "Juniper-canyon-2026-kite", quotaMb: 10 });
    await emulator.control.fault({ fn: "Email::delete_pop", kind: "delay", ms: 2000, times: 1 });
    await expect(deleteMailbox(web(), accountId.shopcp, "temp@shop.example")).resolves.toEqual({ email: "temp@shop.example" });
    await emulator.control.clearFaults();
    expect(await emuMailbox("shopcp", "temp@shop.example")).toBeUndefined();
  });

  it("the account maximum is respected (WHM accountsummary)", async () => {
    const { accountId, emulator, customer } = panel();
    await emulator.control.createAccount({
      user: "capped",
      domain: "capped.example",
      maxEmailQuotaMb: 500,
      mailboxes: [{ email: "a@capped.example", quotaMb: 100 }],
    });
    const server = (await findHostingAccount(accountId.shopcp))!.serverId;
    const capped = await upsertHostingAccount({ serverId: server, cpanelUser: "capped", primaryDomain: "capped.example" });
    await assignAccountOwner(capped.id, customer.id);

    expect((await getMailboxSettings(customer, capped.id, "a@capped.example")).accountMaxQuotaMb).toBe(500);
    const over = await updateMailbox(web(), capped.id, "a@capped.example", { quotaMb: 600 }).catch((e: unknown) => e);
    expect((over as ValidationError).fieldErrors.quota).toEqual(["This account allows at most 500 MB per mailbox"]);
    const unlimited = await updateMailbox(web(), capped.id, "a@capped.example", { quotaMb: null }).catch((e: unknown) => e);
    expect((unlimited as ValidationError).fieldErrors.quota![0]).toMatch(/unlimited is not available/);
    const create = await createMailbox(web(), capped.id, {
      localPart: "b",
      domain: "capped.example",
      password: "Juniper-canyon-2026-kite",
      quotaMb: 501,
    }).catch((e: unknown) => e);
    expect((create as ValidationError).fieldErrors.quota).toEqual(["This account allows at most 500 MB per mailbox"]);
    expect((await emuMailbox("capped", "a@capped.example"))?.quotaMb).toBe(100);
    await updateMailbox(web(), capped.id, "a@capped.example", { quotaMb: 500 });
    expect((await emuMailbox("capped", "a@capped.example"))?.quotaMb).toBe(500);
  });
});
