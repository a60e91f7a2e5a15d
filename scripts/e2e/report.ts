import { existsSync, readFileSync } from "node:fs";

/**
 * What went wrong in one stack's run, read from Playwright's JSON report: each test that failed (in every attempt)
 * or was flaky (failed, then passed on its retry), with the page as Playwright saw it when the failing step gave up
 * (the accessibility snapshot in its `error-context` attachment). CI keeps no files, so the runner prints these.
 */
export type Trouble = { title: string; outcome: "failed" | "flaky"; pageSnapshot?: string };

type JsonAttachment = { name?: string; path?: string };
type JsonResult = { status?: string; attachments?: JsonAttachment[] };
type JsonTest = { status?: string; results?: JsonResult[] };
type JsonSpec = { title?: string; tests?: JsonTest[] };
type JsonSuite = { title?: string; file?: string; specs?: JsonSpec[]; suites?: JsonSuite[] };

export function troubleIn(report: { suites?: JsonSuite[] }): Trouble[] {
  const found: Trouble[] = [];
  const walk = (suite: JsonSuite, path: string[]) => {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        const failed = (test.results ?? []).filter((result) => result.status !== "passed" && result.status !== "skipped");
        const context = failed
          .flatMap((result) => result.attachments ?? [])
          .filter((attachment) => attachment.name === "error-context" && attachment.path)
          .at(-1)?.path;
        found.push({
          title: [...here, spec.title ?? ""].join(" › "),
          outcome: test.status === "flaky" ? "flaky" : "failed",
          pageSnapshot: context && existsSync(context) ? pageSnapshotIn(readFileSync(context, "utf8")) : undefined,
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return found;
}

/** The page's accessibility snapshot (a YAML block) of an error-context file; the rest repeats what the list reporter printed. */
export function pageSnapshotIn(errorContext: string): string | undefined {
  return /```yaml\n([\s\S]*?)\n```/.exec(errorContext)?.[1];
}

/** At most `lines` lines of a text, saying how many were left out. */
export function firstLines(text: string, lines: number): string {
  const all = text.trimEnd().split("\n");
  return all.length <= lines
    ? all.join("\n")
    : [...all.slice(0, lines), `… (${all.length - lines} more line${all.length - lines === 1 ? "" : "s"})`].join("\n");
}
