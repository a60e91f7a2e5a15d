import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import { outOfOfficeWhen, type OutOfOfficePeriod } from "./out-of-office";

const day = (y: number, m: number, d: number, h = 12) => Date.UTC(y, m - 1, d, h);
const gb = { now: day(2026, 12, 1), locale: "en-GB", timeZone: "UTC" };
// ICU separates the two ends of a range with thin or normal spaces depending on its version.
const t = createTranslator({ locale: "en", messages: en, namespace: "MailboxChips" });
/** The chip's words, as components/mailbox-summary-chips.tsx puts them together. */
const outOfOfficeLabel = (period: OutOfOfficePeriod, options: typeof gb) => {
  const { kind, days } = outOfOfficeWhen(period, options);
  return t(`outOfOffice.${kind}`, { days });
};
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0 ]/g, " ").replace(/ – /g, "–");

describe("outOfOfficeWhen, in the chip's English words", () => {
  it("names both days of a range in the current year, without the year", () => {
    expect(plain(outOfOfficeLabel({ start: day(2026, 12, 7), end: day(2026, 12, 11) }, gb))).toBe("Out of office 7–11 Dec");
  });

  it("follows the reader's locale", () => {
    expect(plain(outOfOfficeLabel({ start: day(2026, 12, 7), end: day(2026, 12, 11) }, { ...gb, locale: "en-US" }))).toBe("Out of office Dec 7–11");
  });

  it("writes the year when a day is in another year", () => {
    expect(plain(outOfOfficeLabel({ start: day(2026, 12, 28), end: day(2027, 1, 3) }, gb))).toBe("Out of office 28 Dec 2026–3 Jan 2027");
  });

  it("reads the days in the reader's time zone", () => {
    // 23:30 UTC on 6 Dec is already 7 Dec in Stockholm.
    const label = outOfOfficeLabel({ start: Date.UTC(2026, 11, 6, 23, 30), end: null }, { ...gb, timeZone: "Europe/Stockholm" });
    expect(plain(label)).toBe("Out of office from 7 Dec");
  });

  it("says when an open-ended reply started, when it ends, and when it has ended", () => {
    expect(outOfOfficeLabel({ start: day(2026, 11, 20), end: null }, gb)).toBe("Out of office since 20 Nov");
    expect(outOfOfficeLabel({ start: null, end: day(2026, 12, 11) }, gb)).toBe("Out of office until 11 Dec");
    expect(outOfOfficeLabel({ start: day(2026, 11, 2), end: day(2026, 11, 9) }, gb)).toBe("Out of office ended 9 Nov");
    expect(outOfOfficeLabel({ start: null, end: null }, gb)).toBe("Out of office");
  });
});
