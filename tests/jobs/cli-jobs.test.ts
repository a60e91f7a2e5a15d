// `npm run mailroom -- jobs`: lists jobs with their state and last error; `jobs retry ID` queues a failed one again.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { setTestEnv, withTestDatabase } from "../db/engines";
import { runCli } from "@/scripts/cli/main";
import { DatabaseQueue, DatabaseRunner } from "@/lib/jobs/database-queue";
import type { CliIo } from "@/scripts/cli/secrets";

setTestEnv();

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: Readable.from([]),
    env: {},
  };
  return { code: await runCli(args, io), stdout, stderr };
}

describe("mailroom jobs", () => {
  withTestDatabase("sqlite");

  it("lists a failed job with its error, and retries it", async () => {
    const queue = new DatabaseQueue();
    const { id } = await queue.enqueue({
      kind: "mail.send",
      key: "cli-1",
      title: "Mail “security-alert” to a@example.com",
      payload: {},
      retry: { attempts: 1, backoffMs: 10 },
    });
    await new DatabaseRunner({ "mail.send": async () => Promise.reject(new Error("SMTP_URL is not set")) }).runDue();

    const listed = await cli(["jobs"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+failed\\s+1/1 .*security-alert.*SMTP_URL is not set`));
    expect((await cli(["jobs", "--state", "queued"])).stdout).toContain("No jobs");

    expect(await cli(["jobs", "retry", id])).toMatchObject({ code: 0, stdout: expect.stringContaining("queued again") });
    expect((await queue.get(id))?.state).toBe("queued");
    expect(await cli(["jobs", "retry", id])).toMatchObject({ code: 1, stderr: expect.stringContaining("no failed or cancelled job") });
    expect(await cli(["jobs", "cancel", id])).toMatchObject({ code: 0 });
    expect((await queue.get(id))?.state).toBe("cancelled");
    expect((await cli(["jobs", "retry"])).code).toBe(2);
  });
});
