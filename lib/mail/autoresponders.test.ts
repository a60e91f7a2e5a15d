import { describe, expect, it, vi } from "vitest";
import { autoresponderProblems, completeAutoresponder, zonedWallTimeToDate } from "./autoresponders";
import type { Locale } from "@/lib/i18n/locales";

// The reader's language, as lib/i18n/server would find it in a request (the user's setting or Accept-Language).
let reader: Locale = "en";
vi.mock("@/lib/i18n/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/i18n/server")>()),
  requestLocale: async () => reader,
}));

describe("zonedWallTimeToDate", () => {
  it("reads a datetime-local value in the person's zone, across DST", () => {
    expect(zonedWallTimeToDate("2030-12-23T09:00", "Europe/Stockholm")?.toISOString()).toBe("2030-12-23T08:00:00.000Z");
    expect(zonedWallTimeToDate("2030-07-01T09:00", "Europe/Stockholm")?.toISOString()).toBe("2030-07-01T07:00:00.000Z");
    expect(zonedWallTimeToDate("2030-07-01T09:00", "America/New_York")?.toISOString()).toBe("2030-07-01T13:00:00.000Z");
    expect(zonedWallTimeToDate("2030-07-01T09:00", "UTC")?.toISOString()).toBe("2030-07-01T09:00:00.000Z");
    // 02:30 does not exist on 2030-03-31 in Stockholm: the later offset wins.
    expect(zonedWallTimeToDate("2030-03-31T02:30", "Europe/Stockholm")?.toISOString()).toBe("2030-03-31T01:30:00.000Z");
  });

  it("refuses what is not a wall-clock time", () => {
    expect(zonedWallTimeToDate("2030-02-30T09:00", "UTC")).toBeNull();
    expect(zonedWallTimeToDate("tomorrow", "UTC")).toBeNull();
    expect(zonedWallTimeToDate("2030-01-01T24:00", "UTC")).toBeNull();
  });
});

describe("autoresponder rules", () => {
  const now = new Date(Date.UTC(2030, 0, 1));
  const on = { enabled: true as const, from: "Desk", subject: "Away", body: "Back soon", intervalHours: 24, start: null, end: null };

  it("needs subject and message, bounds lengths, one-line headers, end after start and in the future", async () => {
    expect(await autoresponderProblems(on, now)).toEqual({});
    expect(Object.keys(await autoresponderProblems({ ...on, subject: " ", body: "" }, now))).toEqual(["autoresponder/subject", "autoresponder/body"]);
    expect((await autoresponderProblems({ ...on, subject: "a\nBcc: x@y" }, now))["autoresponder/subject"]).toEqual([
      "The subject must be one line of text, without line breaks or control characters",
    ]);
    for (const c of ["\u0000", "\u2028", "\u2029", "\u0085", "\u007f", "\t"]) {
      expect(Object.keys(await autoresponderProblems({ ...on, subject: `Away${c}x`, from: `Desk${c}x` }, now))).toEqual([
        "autoresponder/subject",
        "autoresponder/from",
      ]);
    }
    expect((await autoresponderProblems({ ...on, from: "Eve <eve@x>" }, now))["autoresponder/from"]).toHaveLength(1);
    expect((await autoresponderProblems({ ...on, body: "x".repeat(10_001) }, now))["autoresponder/body"]).toHaveLength(1);
    expect((await autoresponderProblems({ ...on, intervalHours: -1 }, now))["autoresponder/intervalHours"]).toHaveLength(1);
    expect(
      (await autoresponderProblems({ ...on, start: new Date(Date.UTC(2030, 1, 2)), end: new Date(Date.UTC(2030, 1, 1)) }, now))["autoresponder/end"],
    ).toEqual(["The end must be after the start"]);
    expect((await autoresponderProblems({ ...on, end: new Date(Date.UTC(2029, 0, 1)) }, now))["autoresponder/end"]![0]).toMatch(/in the past/);
    expect(await autoresponderProblems({ enabled: false }, now)).toEqual({});
  });

  it("words its refusals in the reader's language, with numbers as the reader writes them", async () => {
    reader = "de";
    try {
      const refused = await autoresponderProblems(
        { ...on, body: "x".repeat(10_001), start: new Date(Date.UTC(2030, 1, 2)), end: new Date(Date.UTC(2030, 1, 1)) },
        now,
      );
      expect(refused["autoresponder/body"]).toEqual(["Die Nachricht darf höchstens 10.000 Zeichen haben"]);
      expect(refused["autoresponder/end"]).toEqual(["Das Ende muss nach dem Beginn liegen"]);
    } finally {
      reader = "en";
    }
    expect((await autoresponderProblems({ ...on, body: "x".repeat(10_001) }, now))["autoresponder/body"]).toEqual([
      "Keep the message under 10,000 characters",
    ]);
  });

  it("a partial change keeps the current values", () => {
    const current = { ...on, isHtml: false, start: new Date(0), end: null };
    expect(completeAutoresponder({ enabled: true, subject: "New" }, current, "a@b.example")).toMatchObject({
      subject: "New",
      body: "Back soon",
      start: new Date(0),
    });
    expect(completeAutoresponder({ enabled: true }, null, "a@b.example")).toMatchObject({ from: "a@b.example", subject: "", intervalHours: 24 });
  });
});
