// The cPanel read cache (lib/mail/read-cache.ts) in process: reads within the TTL don't reach cPanel, concurrent
// misses share one call, and every panel write makes the next read live. Across instances (Redis): tests/cluster.
process.env.CPANEL_READ_CACHE_SECONDS = "30";

import { describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { getAddressForwarding, addForwarders } from "@/lib/mail/forwarders";
import { getMailbox, listMailboxPage } from "@/lib/mail/mailboxes";
import { createMailbox } from "@/lib/mail/mailbox-lifecycle";
import { updateMailbox } from "@/lib/mail/mailbox-options";
import { changeMailboxPassword } from "@/lib/mail/passwords";
import { UpstreamError } from "@/lib/core/errors";
import { writeContext } from "@/lib/core/write-context";
import { cachedRead, invalidateAccountReads } from "@/lib/mail/read-cache";

const panel = withDemoPanel();
const LIST = "Email::list_pops_with_disk";

async function listCalls(): Promise<number> {
  return (await panel().emulator.control.requestCounts())[LIST] ?? 0;
}

describe("the cPanel read cache", () => {
  it("answers a repeated read within the TTL without asking cPanel, and one call serves concurrent misses", async () => {
    const { customer, accountId, emulator } = panel();
    await invalidateAccountReads({ serverId: "x", cpanelUser: "x" }); // harmless on an unknown account
    await emulator.control.clearRequestCounts();
    const pages = await Promise.all(Array.from({ length: 5 }, () => listMailboxPage(customer, accountId.shopcp)));
    expect(await listCalls()).toBe(1);
    expect(new Set(pages.map((p) => p.total)).size).toBe(1);
    await listMailboxPage(customer, accountId.shopcp, { query: "info" });
    await getMailbox(customer, accountId.shopcp, pages[0]!.mailboxes[0]!.email);
    expect(await listCalls()).toBe(1);
  });

  it("hands out copies: sorting or filtering one answer never changes the next", async () => {
    const account = { serverId: "copy-test", cpanelUser: "copy" };
    const first = await cachedRead(account, "k", async () => [3, 1, 2]);
    first.sort();
    first.push(9);
    expect(await cachedRead(account, "k", async () => [0])).toEqual([3, 1, 2]);
  });

  it("does not keep a failed read", async () => {
    const account = { serverId: "fail-test", cpanelUser: "fail" };
    await expect(cachedRead(account, "k", async () => Promise.reject(new UpstreamError("unavailable", "down")))).rejects.toThrow("down");
    expect(await cachedRead(account, "k", async () => "fresh")).toBe("fresh");
  });

  it("a mailbox created through the panel is listed at once", async () => {
    const { customer, accountId } = panel();
    const before = await listMailboxPage(customer, accountId.shopcp, { query: "cache-new" });
    expect(before.total).toBe(0);
    await createMailbox(writeContext(customer, "web"), accountId.shopcp, {
      localPart: "cache-new",
      domain: "shop.example",
      password: "Saffron-glacier-2026-wren",
    });
    expect((await listMailboxPage(customer, accountId.shopcp, { query: "cache-new" })).total).toBe(1);
  });

  it("a quota saved through the panel shows on the next read, and so does a new forwarder", async () => {
    const { customer, accountId } = panel();
    const address = "cache-new@shop.example";
    await getMailbox(customer, accountId.shopcp, address);
    await updateMailbox(writeContext(customer, "web"), accountId.shopcp, address, { quotaMb: 321 });
    expect((await getMailbox(customer, accountId.shopcp, address)).mailbox.quotaMb).toBe(321);

    expect((await getAddressForwarding(customer, accountId.shopcp, address)).destinations).toEqual([]);
    await addForwarders(writeContext(customer, "web"), accountId.shopcp, address, { kind: "address", destinations: ["cache-copy@example.net"] });
    expect((await getAddressForwarding(customer, accountId.shopcp, address)).destinations.map((d) => d.destination)).toEqual([
      "cache-copy@example.net",
    ]);
  });

  it("a password change keeps the cached list (no list data changes)", async () => {
    const { customer, accountId, emulator } = panel();
    await listMailboxPage(customer, accountId.shopcp);
    await emulator.control.clearRequestCounts();
    await changeMailboxPassword(writeContext(customer, "web"), accountId.shopcp, "cache-new@shop.example", "Tundra-marble-2026-finch");
    await listMailboxPage(customer, accountId.shopcp);
    expect(await listCalls()).toBe(0);
  });

  it("a refused write still invalidates", async () => {
    const { customer, accountId, emulator } = panel();
    await listMailboxPage(customer, accountId.shopcp);
    await emulator.control.clearRequestCounts();
    await emulator.control.fault({ fn: "Email::add_pop", kind: "status0", message: "Refused for the test.", times: 1 });
    await createMailbox(writeContext(customer, "web"), accountId.shopcp, {
      localPart: "cache-fail",
      domain: "shop.example",
      password: "Saffron-glacier-2026-wren",
    }).catch(() => undefined);
    await emulator.control.clearRequestCounts();
    await listMailboxPage(customer, accountId.shopcp);
    expect(await listCalls()).toBe(1);
  });
});
