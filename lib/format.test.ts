import { describe, expect, it } from "vitest";
import { formatDateTime } from "./format";

describe("formatDateTime, the panel's one date format", () => {
  const instant = Date.UTC(2026, 11, 1, 9, 30);

  it("writes a moment in the reader's locale and time zone", () => {
    expect(formatDateTime(instant, { locale: "en-GB", timeZone: "Europe/Stockholm" })).toBe("1 Dec 2026, 10:30");
    expect(formatDateTime(instant, { locale: "en-US", timeZone: "America/New_York" })).toBe("Dec 1, 2026, 4:30 AM");
    expect(formatDateTime(instant, { locale: "de-DE", timeZone: "Europe/Berlin" })).toBe("01.12.2026, 10:30");
  });

  it("names UTC when no reader is known yet (server render), and not when the reader's own zone is UTC", () => {
    expect(formatDateTime(instant)).toBe("1 Dec 2026, 09:30 UTC");
    expect(formatDateTime(instant, { locale: "en-GB", timeZone: "UTC" })).toBe("1 Dec 2026, 09:30");
  });
});
