import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { firstLines, pageSnapshotIn, troubleIn } from "./report";

const errorContext = ["# Test info", "", "- Name: x", "", "# Page snapshot", "", "```yaml", "- main:", '  - button "Ta bort"', "```", ""].join("\n");

describe("troubleIn", () => {
  it("names failed and flaky tests with their suites, and the page of the last failed attempt; passes are left out", () => {
    const dir = mkdtempSync(join(tmpdir(), "e2e-report-"));
    const context = join(dir, "error-context.md");
    writeFileSync(context, errorContext);
    const failedAttempt = { status: "failed", attachments: [{ name: "error-context", path: context }] };
    const report = {
      suites: [
        {
          title: "i18n.spec.ts",
          file: "i18n.spec.ts",
          suites: [
            {
              title: "in Swedish",
              specs: [
                { title: "flaky", tests: [{ status: "flaky", results: [failedAttempt, { status: "passed" }] }] },
                { title: "broken", tests: [{ status: "unexpected", results: [{ status: "timedOut" }, { status: "timedOut" }] }] },
                { title: "fine", tests: [{ status: "expected", results: [{ status: "passed" }] }] },
              ],
            },
          ],
        },
      ],
    };
    expect(troubleIn(report)).toEqual([
      { title: "i18n.spec.ts › in Swedish › flaky", outcome: "flaky", pageSnapshot: '- main:\n  - button "Ta bort"' },
      { title: "i18n.spec.ts › in Swedish › broken", outcome: "failed", pageSnapshot: undefined },
    ]);
  });

  it("finds nothing in an empty or missing report", () => {
    expect(troubleIn({})).toEqual([]);
  });
});

describe("pageSnapshotIn and firstLines", () => {
  it("takes the YAML block alone, and cuts long text saying how much was left out", () => {
    expect(pageSnapshotIn(errorContext)).toBe('- main:\n  - button "Ta bort"');
    expect(pageSnapshotIn("no snapshot here")).toBeUndefined();
    expect(firstLines("a\nb\nc\n", 2)).toBe("a\nb\n… (1 more line)");
    expect(firstLines("a\nb", 2)).toBe("a\nb");
  });
});
