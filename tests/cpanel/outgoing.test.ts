import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CpanelApiError, closeCpanelTransports, cpanelClient } from "@/lib/cpanel";
import { startEmulatorProcess, type EmulatorProcess } from "../support/emulator";
import { connectionFor } from "./fixtures";

let emulator: EmulatorProcess;
beforeAll(async () => {
  emulator = await startEmulatorProcess();
});
afterAll(async () => {
  await closeCpanelTransports();
  await emulator?.stop();
});
beforeEach(async () => {
  await emulator.control.reset();
  await emulator.control.seedDemo();
  await emulator.control.clearRequestCounts();
});

const client = () => cpanelClient(connectionFor(emulator, "whm"));
const hourAgo = () => new Date(Date.now() - 3600_000);

describe("held outgoing mail over HTTP", () => {
  it("counts, deletes and releases held messages of one mailbox", async () => {
    const shop = client().account("shopcp");
    expect(await shop.heldMessageCount("marketing@shop.example")).toBe(60);
    expect(await shop.deleteHeldMessages("marketing@shop.example")).toBe(60);
    expect(await shop.heldMessageCount("marketing@shop.example")).toBe(0);
    expect(await shop.deleteHeldMessages("marketing@shop.example", { releaseAfter: true })).toBe(0);
    const error = await shop.heldMessageCount("ghost@shop.example").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CpanelApiError);
  });

  it("a refusal of get_held_message_count is a CpanelApiError", async () => {
    await emulator.control.fault({ fn: "Email::get_held_message_count", kind: "status0", message: "Exim is busy", times: 1 });
    const error = await client()
      .account("shopcp")
      .heldMessageCount("marketing@shop.example")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CpanelApiError);
  });
});

describe("emailtrack_search over HTTP", () => {
  it("counts one sender's deliveries by kind with a one-record chunk", async () => {
    const whm = client().whm;
    const sent = await whm.searchDeliveries({ sender: "marketing@shop.example", since: hourAgo(), kinds: ["sent"], limit: 1 });
    expect(sent.records).toHaveLength(1);
    expect(sent.records[0]).toMatchObject({ kind: "sent", sender: "marketing@shop.example", cpanelUser: "shopcp" });
    expect(sent.records[0]!.sentAt).toBeInstanceOf(Date);
    expect(sent.total).toBeGreaterThanOrEqual(1790);
    const failed = await whm.searchDeliveries({ sender: "marketing@shop.example", since: hourAgo(), kinds: ["failed"], limit: 1 });
    expect(failed.total).toBeGreaterThanOrEqual(235);
    expect(failed.total).toBeLessThan(sent.total);
  });

  it("returns at most `limit` records, newest first, across senders", async () => {
    const { records, total } = await client().whm.searchDeliveries({ since: new Date(Date.now() - 86400_000), limit: 50 });
    expect(records).toHaveLength(50);
    expect(total).toBeGreaterThan(2500);
    const times = records.map((r) => r.sentAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const counts = await emulator.control.requestCounts();
    expect(counts.emailtrack_search).toBe(1);
  });
});
