// The mailbox list's forwarding and out-of-office chips: counted from account-wide listings against the demo emulator,
// a fixed number of cPanel calls however many mailboxes, and "unknown" (not an error) when cPanel fails.
import { describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { countForwardsBySource, mailboxListSummaries, rowSummary } from "@/lib/mail/mailbox-list-summary";
import { NotFoundError } from "@/lib/core/errors";

const panel = withDemoPanel();

describe("countForwardsBySource", () => {
  it("counts each source's rows, whatever the case of the address", () => {
    const counts = countForwardsBySource([{ source: "hello@example.com" }, { source: "Hello@Example.com" }, { source: "billing@example.com" }]);
    expect([...counts]).toEqual([
      ["hello@example.com", 2],
      ["billing@example.com", 1],
    ]);
  });
});

describe("rowSummary", () => {
  const summaries = { forwardCounts: new Map([["hello@example.com", 2]]), outOfOffice: new Set(["support@example.com"]) };

  it("gives a count (0 when none) and an undated period for an address with an autoresponder", () => {
    expect(rowSummary(summaries, "HELLO@example.com")).toEqual({ forwardCount: 2, outOfOffice: null });
    expect(rowSummary(summaries, "support@example.com")).toEqual({ forwardCount: 0, outOfOffice: { start: null, end: null } });
  });

  it("passes unknown parts on as the chips' unknowns", () => {
    expect(rowSummary({ forwardCounts: "unknown", outOfOffice: "unknown" }, "hello@example.com")).toEqual({
      forwardCount: null,
      outOfOffice: "unknown",
    });
  });
});

describe("mailboxListSummaries", () => {
  it("reads the account's forwarders and autoresponders in one listing per mail domain", async () => {
    const { customer, accountId, emulator } = panel();
    await emulator.control.clearRequestCounts();
    const summaries = await mailboxListSummaries(customer, accountId.examplecom);
    expect(rowSummary(summaries, "hello@example.com").forwardCount).toBe(2);
    expect(rowSummary(summaries, "info@example.com").forwardCount).toBe(0);
    expect(rowSummary(summaries, "support@example.com").outOfOffice).toEqual({ start: null, end: null });
    expect(rowSummary(summaries, "info@example.com").outOfOffice).toBeNull();

    const counts = await emulator.control.requestCounts();
    const domains = (await emulator.control.state("examplecom")).domains as unknown[];
    // No get_auto_responder per mailbox: the list has no dates, and asks nothing per row.
    expect(counts["Email::get_auto_responder"]).toBeUndefined();
    expect(counts["Email::list_auto_responders"]).toBe(domains.length);
    expect(counts["Email::list_forwarders"]).toBe(domains.length);
  });

  it("says unknown for a part cPanel does not answer, and still gives the other", async () => {
    const { customer, accountId, emulator } = panel();
    await emulator.control.fault({ fn: "Email::list_auto_responders", kind: "http", status: 500, times: 100 });
    try {
      const summaries = await mailboxListSummaries(customer, accountId.examplecom);
      expect(summaries.outOfOffice).toBe("unknown");
      expect(rowSummary(summaries, "hello@example.com").forwardCount).toBe(2);
    } finally {
      await emulator.control.clearFaults();
    }
    await emulator.control.fault({ fn: "Email::list_forwarders", kind: "status0", message: "Exim is busy.", times: 100 });
    try {
      const summaries = await mailboxListSummaries(customer, accountId.examplecom);
      expect(summaries.forwardCounts).toBe("unknown");
      expect(rowSummary(summaries, "support@example.com").outOfOffice).toEqual({ start: null, end: null });
    } finally {
      await emulator.control.clearFaults();
    }
  });

  it("refuses another customer's account", async () => {
    await expect(mailboxListSummaries(panel().customer, panel().accountId.othernet)).rejects.toBeInstanceOf(NotFoundError);
  });
});
