import { describe, expect, it } from "vitest";
import { formatMegabytes, formatUtcDateTime } from "./format";

describe("formats in the reader's locale", () => {
  it("writes a UTC time as each language does, saying UTC", () => {
    const at = Date.UTC(2026, 11, 8, 14, 5);
    expect(formatUtcDateTime(at, "en")).toBe("8 Dec 2026, 14:05 UTC");
    expect(formatUtcDateTime(at, "sv")).toMatch(/^8 dec\.? 2026 14:05 UTC$/);
    expect(formatUtcDateTime(at, "de")).toMatch(/^8\. Dez\.? 2026, 14:05 UTC$/);
  });

  it("writes sizes with the locale's decimal separator", () => {
    expect(formatMegabytes(1.5 * 1024 ** 3)).toBe("1.5 GB");
    expect(formatMegabytes(1.5 * 1024 ** 3, "sv")).toBe("1,5 GB");
    expect(formatMegabytes(1.5 * 1024 ** 3, "de")).toBe("1,5 GB");
  });
});
