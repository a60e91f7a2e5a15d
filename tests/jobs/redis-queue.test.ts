// The BullMQ backend (REDIS_URL): the same promises as the database queue, on a real Redis.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_REDIS_URL } from "../db/engines";
import { RedisQueue } from "@/lib/jobs/redis-queue";
import type { JobState } from "@/lib/jobs/types";

const queue = new RedisQueue(TEST_REDIS_URL, { name: `mailroom-test-${process.pid}-${randomBytes(3).toString("hex")}` });
afterAll(async () => {
  await queue.obliterate();
  await queue.close();
});

async function until(id: string, state: JobState) {
  await expect.poll(async () => (await queue.get(id))?.state, { timeout: 15_000 }).toBe(state);
}

describe("the Redis (BullMQ) job queue", () => {
  it("runs one job per key, retries with backoff, keeps failures listed, reports progress, and cancels", async () => {
    const runs: string[] = [];
    let flaky = 0;
    const worker = queue.startWorker({
      ok: async (payload, ctx) => {
        await ctx.progress(50, "half");
        runs.push(String((payload as { n: number }).n));
      },
      flaky: async () => {
        flaky++;
        throw new Error(`down ${flaky}`);
      },
      slow: async (_p, ctx) => {
        while (!ctx.signal.aborted) await new Promise((r) => setTimeout(r, 50));
        ctx.signal.throwIfAborted();
      },
    });
    try {
      const first = await queue.enqueue({ kind: "ok", key: "same", title: "ok", payload: { n: 1 } });
      const again = await queue.enqueue({ kind: "ok", key: "same", title: "ok", payload: { n: 2 } });
      expect(again).toEqual({ id: first.id, created: false });
      await until(first.id, "succeeded");
      expect(runs).toEqual(["1"]);

      const failing = await queue.enqueue({ kind: "flaky", key: "flaky", title: "flaky", payload: null, retry: { attempts: 2, backoffMs: 100 } });
      await until(failing.id, "failed");
      expect(await queue.get(failing.id)).toMatchObject({ attempts: 2, lastError: "down 2" });
      expect((await queue.list({ states: ["failed"] })).map((j) => j.id)).toEqual([failing.id]);
      expect(await queue.retry(failing.id)).toBe(true);
      await until(failing.id, "failed");
      expect(flaky).toBe(4);

      const slow = await queue.enqueue({ kind: "slow", key: "slow", title: "slow", payload: null });
      await until(slow.id, "running");
      expect(await queue.cancel(slow.id)).toBe(true);
      await until(slow.id, "cancelled");
    } finally {
      await worker.stop();
    }
  });
});
