// The domain layer's read paths against a real database and the emulator process: who sees what,
// server-side search and paging, and cPanel failures turned into UpstreamErrors.
import { describe, expect, it } from "vitest";
import { actorFor, withDemoPanel } from "../support/panel";
import { createUser } from "@/lib/db/users";
import { upsertHostingAccount, assignAccountOwner } from "@/lib/db/hosting-accounts";
import { findServerByName } from "@/lib/db/servers";
import { listVisibleAccounts, visibleAccount } from "@/lib/mail/accounts";
import { getMailbox, listMailboxPage, MAILBOXES_PER_PAGE } from "@/lib/mail/mailboxes";
import { NotFoundError, UpstreamError } from "@/lib/core/errors";

const panel = withDemoPanel();

describe("accounts", () => {
  it("a customer sees only the accounts they own", async () => {
    const page = await listVisibleAccounts(panel().customer);
    expect(page.accounts.map((a) => a.cpanelUser).sort()).toEqual(["examplecom", "shopcp"]);
    expect((await listVisibleAccounts(panel().other)).accounts.map((a) => a.cpanelUser)).toEqual(["othernet"]);
  });

  it("support sees every account and searches by domain, cPanel user or owner email", async () => {
    expect((await listVisibleAccounts(panel().support)).total).toBe(3);
    expect((await listVisibleAccounts(panel().support, { query: "OTHER@example.net" })).accounts.map((a) => a.cpanelUser)).toEqual(["othernet"]);
    expect((await listVisibleAccounts(panel().support, { query: "shopcp" })).accounts.map((a) => a.primaryDomain)).toEqual(["shop.example"]);
  });

  it("another customer's account and a made-up id are the same NotFoundError", async () => {
    await expect(visibleAccount(panel().customer, panel().accountId.othernet!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(visibleAccount(panel().customer, "acct_01HZZZZZZZZZZZZZZZZZZZZZZZ")).rejects.toBeInstanceOf(NotFoundError);
    await expect(visibleAccount(panel().customer, "../../etc")).rejects.toBeInstanceOf(NotFoundError);
    await expect(visibleAccount(panel().support, panel().accountId.othernet!)).resolves.toMatchObject({ cpanelUser: "othernet" });
  });
});

describe("mailboxes", () => {
  it("lists an account's mailboxes live from cPanel, with quota and restrictions", async () => {
    const page = await listMailboxPage(panel().customer, panel().accountId.examplecom!);
    expect(page.total).toBeGreaterThanOrEqual(5);
    const info = page.mailboxes.find((m) => m.email === "info@example.com");
    expect(info).toMatchObject({ localPart: "info", domain: "example.com" });
    expect(page.mailboxes.some((m) => m.quotaMb === null)).toBe(true);
    expect(page.mailboxes.some((m) => m.suspendLogin || m.suspendIncoming || m.suspendOutgoing || m.holdOutgoing)).toBe(true);
  });

  it("refuses another customer's mailboxes", async () => {
    await expect(listMailboxPage(panel().customer, panel().accountId.othernet!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMailbox(panel().customer, panel().accountId.othernet!, "info@example.net")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a mailbox of another account, or none, is not found", async () => {
    await expect(getMailbox(panel().customer, panel().accountId.examplecom!, "info@example.net")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMailbox(panel().customer, panel().accountId.examplecom!, "nobody@example.com")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMailbox(panel().customer, panel().accountId.examplecom!, "INFO@Example.com")).resolves.toMatchObject({
      mailbox: { email: "info@example.com" },
    });
  });

  it("searches and pages on the server, fast enough with 5,000 mailboxes", async () => {
    const mailboxes = Array.from({ length: 5000 }, (_, i) => ({ email: `user${String(i).padStart(4, "0")}@bulk.example`, quotaMb: 100 }));
    await panel().emulator.control.createAccount({ user: "bulkcp", domain: "bulk.example", mailboxes });
    const server = await findServerByName("demo");
    const account = await upsertHostingAccount({ serverId: server!.id, cpanelUser: "bulkcp", primaryDomain: "bulk.example", contactEmail: null });
    const owner = await createUser({ email: "bulk@example.com", role: "customer", password: "Bulk-owner-2026!" });
    await assignAccountOwner(account.id, owner.id);
    const bulkOwner = await actorFor("bulk@example.com");

    const first = await listMailboxPage(bulkOwner, account.id);
    expect(first).toMatchObject({ total: 5000, page: 1, pageCount: Math.ceil(5000 / MAILBOXES_PER_PAGE) });
    expect(first.mailboxes).toHaveLength(MAILBOXES_PER_PAGE);
    expect(first.mailboxes[0]!.email).toBe("user0000@bulk.example");

    const last = await listMailboxPage(bulkOwner, account.id, { page: 10_000 });
    expect(last.page).toBe(last.pageCount);
    expect(last.mailboxes.at(-1)!.email).toBe("user4999@bulk.example");

    const search = await listMailboxPage(bulkOwner, account.id, { query: "USER012" });
    expect(search.total).toBe(10);
    expect(search.mailboxes.every((m) => m.email.startsWith("user012"))).toBe(true);
  });
});

describe("when cPanel fails", () => {
  it.each([
    [{ kind: "http", status: 500 }, "unavailable"],
    [{ kind: "drop" }, "unavailable"],
    [{ kind: "malformed" }, "protocol"],
    [{ kind: "status0", message: "Mail is under maintenance." }, "rejected"],
    [{ kind: "delay", ms: 3000 }, "timeout"],
  ] as const)("%o is an UpstreamError (%s) with a sentence for people", async (fault, failure) => {
    await panel().emulator.control.fault({ fn: "Email::list_pops_with_disk", ...fault });
    try {
      const error = await listMailboxPage(panel().customer, panel().accountId.examplecom!).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).failure).toBe(failure);
      expect((error as UpstreamError).message).toMatch(failure === "rejected" ? /Mail is under maintenance\./ : /cPanel server “demo”/);
    } finally {
      await panel().emulator.control.clearFaults();
    }
  });

  it("a refused server token is an auth UpstreamError", async () => {
    const server = await findServerByName("demo");
    const { setServerToken } = await import("@/lib/db/servers");
    await setServerToken(server!.id, "WRONGTOKEN000000000000000000000");
    try {
      const error = await listMailboxPage(panel().customer, panel().accountId.examplecom!).catch((e: unknown) => e);
      expect(error).toMatchObject({ failure: "auth" });
    } finally {
      await setServerToken(server!.id, panel().emulator.whmToken);
    }
  });
});
