import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SHOPCP_TOKEN, cpanelAuth, mailboxOf, startTestEmulator, type TestEmulator } from "./test-helpers";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const shop = cpanelAuth("shopcp", SHOPCP_TOKEN);
const hour = () => Math.floor(Date.now() / 1000) - 3600;

describe("held outgoing mail (UAPI)", () => {
  it("get_held_message_count counts the seeded queue; an unknown mailbox is cPanel's AccountNotFound", async () => {
    const r = await t.uapi("Email", "get_held_message_count", { email: "marketing@shop.example" }, shop);
    expect(r).toMatchObject({ status: 1, data: 60, errors: null });
    expect((await t.uapi("Email", "get_held_message_count", { email: "orders@shop.example" }, shop)).data).toBe(0);
    const missing = await t.uapi("Email", "get_held_message_count", { email: "ghost@shop.example" }, shop);
    expect(missing).toMatchObject({ status: 0, errors: ["You do not have an email account named “ghost@shop.example”."] });
    expect((await t.uapi("Email", "get_held_message_count", {}, shop)).errors).toEqual(["Provide the “email” argument."]);
  });

  it("delete_held_messages answers how many it removed and keeps the hold unless release_after_delete=1", async () => {
    expect((await t.uapi("Email", "delete_held_messages", { email: "marketing@shop.example" }, shop)).data).toBe(60);
    expect((await t.uapi("Email", "get_held_message_count", { email: "marketing@shop.example" }, shop)).data).toBe(0);
    expect(mailboxOf(await t.state("shopcp"), "marketing@shop.example")?.holdOutgoing).toBe(true);
    expect((await t.uapi("Email", "delete_held_messages", { email: "marketing@shop.example", release_after_delete: "1" }, shop)).data).toBe(0);
    expect(mailboxOf(await t.state("shopcp"), "marketing@shop.example")?.holdOutgoing).toBe(false);
  });

  it("release_outgoing lifts the hold and delivers the queue into the log", async () => {
    const before = await t.whm("emailtrack_search", {
      "api.filter.enable": "1",
      "api.filter.a.field": "sender",
      "api.filter.a.type": "eq",
      "api.filter.a.arg0": "marketing@shop.example",
      "api.chunk.enable": "1",
      "api.chunk.size": "1",
      "api.chunk.verbose": "1",
      max_results_by_type: "0",
    });
    expect((await t.uapi("Email", "release_outgoing", { email: "marketing@shop.example" }, shop)).status).toBe(1);
    expect(mailboxOf(await t.state("shopcp"), "marketing@shop.example")?.holdOutgoing).toBe(false);
    expect((await t.uapi("Email", "get_held_message_count", { email: "marketing@shop.example" }, shop)).data).toBe(0);
    const after = await t.whm("emailtrack_search", {
      "api.filter.enable": "1",
      "api.filter.a.field": "sender",
      "api.filter.a.type": "eq",
      "api.filter.a.arg0": "marketing@shop.example",
      "api.chunk.enable": "1",
      "api.chunk.size": "1",
      "api.chunk.verbose": "1",
      max_results_by_type: "0",
    });
    expect(after.metadata.chunk.records).toBe(before.metadata.chunk.records + 60);
  });

  it("fault injection reaches the new functions", async () => {
    await t.control("POST", "/__emulator/faults", { fn: "Email::get_held_message_count", kind: "status0", message: "Exim is down", times: 1 });
    expect(await t.uapi("Email", "get_held_message_count", { email: "marketing@shop.example" }, shop)).toMatchObject({ status: 0 });
    expect((await t.uapi("Email", "get_held_message_count", { email: "marketing@shop.example" }, shop)).data).toBe(60);
  });
});

describe("WHM emailtrack_search", () => {
  const bySender = (sender: string, extra: Record<string, string> = {}) => ({
    "api.filter.enable": "1",
    "api.filter.a.field": "sender",
    "api.filter.a.type": "eq",
    "api.filter.a.arg0": sender,
    "api.filter.b.field": "sendunixtime",
    "api.filter.b.type": "gt",
    "api.filter.b.arg0": String(hour()),
    max_results_by_type: "0",
    ...extra,
  });

  it("filters by sender and time, counts with a one-row verbose chunk, and sorts", async () => {
    const count = (type: string) =>
      t.whm(
        "emailtrack_search",
        bySender("marketing@shop.example", {
          success: type === "success" ? "1" : "0",
          failure: type === "failure" ? "1" : "0",
          defer: type === "defer" ? "1" : "0",
          inprogress: "0",
          "api.chunk.enable": "1",
          "api.chunk.size": "1",
          "api.chunk.verbose": "1",
        }),
      );
    const sent = await count("success");
    expect(sent.metadata).toMatchObject({ command: "emailtrack_search", result: 1, overflowed: 0, chunk: { start: 1, size: 1 } });
    expect(sent.data.records).toHaveLength(1);
    // The seeded rows sit inside the hour, a few seconds from its edge at most.
    expect(sent.metadata.chunk.records).toBeGreaterThanOrEqual(1790);
    expect((await count("failure")).metadata.chunk.records).toBeGreaterThanOrEqual(235);
    expect((await count("defer")).metadata.chunk.records).toBeGreaterThanOrEqual(155);

    const page = await t.whm(
      "emailtrack_search",
      bySender("orders@shop.example", {
        "api.sort.enable": "1",
        "api.sort.a.field": "sendunixtime",
        "api.sort.a.reverse": "1",
        "api.chunk.enable": "1",
        "api.chunk.size": "3",
        "api.chunk.start": "1",
      }),
    );
    const times = page.data.records.map((r: { sendunixtime: number }) => r.sendunixtime);
    expect(times).toEqual([...times].sort((a: number, b: number) => b - a));
    expect(page.data.records[0]).toMatchObject({ sender: "orders@shop.example", email: "orders@shop.example", user: "shopcp", type: "success" });
    expect(page.data.records[0].recipient).toContain("@");
  });

  it("caps each type at max_results_by_type and says it overflowed", async () => {
    const r = await t.whm("emailtrack_search", bySender("marketing@shop.example", { max_results_by_type: "5" }));
    expect(r.metadata.overflowed).toBe(1);
    expect(r.data.records.length).toBe(15);
  });

  it("a reseller sees only its own accounts' records", async () => {
    const created = await t.control("POST", "/__emulator/resellers", { user: "resell", acls: ["list-accts"] });
    const r = await t.whm("emailtrack_search", bySender("marketing@shop.example"), `whm resell:${created.json.token as string}`);
    expect(r.data.records).toEqual([]);
  });
});
