// The embedded job queue on SQLite and PostgreSQL: durability, backoff, idempotent keys, cancel, progress.
import { describe, expect, it } from "vitest";
import { ENGINES, setTestEnv, withTestDatabase } from "../db/engines";
import { DatabaseQueue, DatabaseRunner } from "@/lib/jobs/database-queue";
import { claimDueJob } from "@/lib/db/jobs";
import type { JobHandlers } from "@/lib/jobs/types";

setTestEnv();

describe.each(ENGINES)("the database job queue on %s", (engine) => {
  withTestDatabase(engine);
  let clock = 1_000_000;
  const now = () => clock;
  const queue = new DatabaseQueue(now);
  let n = 0;
  const key = () => `${engine}-${++n}-${Math.random()}`;

  it("runs a job once for one key, however often it is enqueued", async () => {
    const k = key();
    const first = await queue.enqueue({ kind: "count", key: k, title: "count", payload: { k } });
    const again = await queue.enqueue({ kind: "count", key: k, title: "count", payload: { k } });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const runs: unknown[] = [];
    const runner = new DatabaseRunner({ count: async (p) => void runs.push(p) }, { now });
    await runner.runDue();
    await queue.enqueue({ kind: "count", key: k, title: "count", payload: { k } });
    await runner.runDue();
    expect(runs).toEqual([{ k }]);
    expect((await queue.get(first.id))?.state).toBe("succeeded");
  });

  it("retries a failing job with exponential backoff and lists it as failed when the attempts are used up", async () => {
    const k = key();
    const { id } = await queue.enqueue({ kind: "flaky", key: k, title: "flaky", payload: null, retry: { attempts: 3, backoffMs: 1_000 } });
    let calls = 0;
    const runner = new DatabaseRunner(
      {
        flaky: async () =>
          void (
            calls++,
            (() => {
              throw new Error(`boom ${calls}`);
            })()
          ),
      },
      { now },
    );
    await runner.runDue();
    let job = await queue.get(id);
    expect(job).toMatchObject({ state: "queued", attempts: 1, lastError: "boom 1", runAt: clock + 1_000 });
    clock += 999;
    expect(await runner.runDue()).toBe(0); // not due yet
    clock += 1;
    await runner.runDue();
    job = await queue.get(id);
    expect(job).toMatchObject({ state: "queued", attempts: 2, runAt: clock + 2_000 }); // doubled
    clock += 2_000;
    await runner.runDue();
    job = await queue.get(id);
    expect(job).toMatchObject({ state: "failed", attempts: 3, lastError: "boom 3" });
    expect(calls).toBe(3);
    expect((await queue.list({ states: ["failed"] })).map((j) => j.id)).toContain(id);

    expect(await queue.retry(id)).toBe(true);
    let ok = false;
    await new DatabaseRunner({ flaky: async () => void (ok = true) }, { now }).runDue();
    expect(ok).toBe(true);
    expect(await queue.get(id)).toMatchObject({ state: "succeeded", attempts: 1, lastError: null });
  });

  it("picks up a job left running by a runner that died, once its lease lapses", async () => {
    const k = key();
    const { id } = await queue.enqueue({ kind: "durable", key: k, title: "durable", payload: { n: 1 } });
    // A runner claims it and dies without a word (the process was killed).
    const claimed = await claimDueJob("dead-runner", clock, clock + 60_000, ["durable"]);
    expect(claimed?.id).toBe(id);
    expect((await queue.get(id))?.state).toBe("running");

    const runs: number[] = [];
    const runner = new DatabaseRunner({ durable: async (_p, ctx) => void runs.push(ctx.attempt) }, { now, leaseMs: 60_000 });
    await runner.runDue();
    expect(runs).toEqual([]); // the lease still holds
    clock += 60_001;
    await runner.runDue();
    expect(runs).toEqual([2]);
    expect(await queue.get(id)).toMatchObject({ state: "succeeded", attempts: 2 });
  });

  it("cancels a queued job at once and a running one at its next check", async () => {
    const queued = await queue.enqueue({ kind: "slow", key: key(), title: "q", payload: null });
    expect(await queue.cancel(queued.id)).toBe(true);
    expect((await queue.get(queued.id))?.state).toBe("cancelled");

    const running = await queue.enqueue({ kind: "slow", key: key(), title: "r", payload: null });
    let sawAbort = false;
    let started!: () => void;
    const isRunning = new Promise<void>((resolve) => (started = resolve));
    const handlers: JobHandlers = {
      slow: async (_p, ctx) => {
        started();
        for (let step = 1; step <= 200 && !ctx.signal.aborted; step++) {
          await ctx.progress(step / 2);
          await new Promise((r) => setTimeout(r, 10));
        }
        sawAbort = ctx.signal.aborted;
        ctx.signal.throwIfAborted();
      },
    };
    const runner = new DatabaseRunner(handlers, { now, leaseMs: 300 });
    const done = runner.runDue();
    await isRunning;
    expect(await queue.cancel(running.id)).toBe(true);
    await done;
    expect(sawAbort).toBe(true);
    expect((await queue.get(running.id))?.state).toBe("cancelled");
    expect(await queue.cancel(running.id)).toBe(false); // finished
  });

  it("records progress while a job runs", async () => {
    const { id } = await queue.enqueue({ kind: "steps", key: key(), title: "steps", payload: null });
    const seen: { progress: number; message: string | null }[] = [];
    await new DatabaseRunner(
      {
        steps: async (_p, ctx) => {
          await ctx.progress(40, "2 of 5 accounts");
          const job = await queue.get(id);
          seen.push({ progress: job!.progress, message: job!.progressMessage });
        },
      },
      { now },
    ).runDue();
    expect(seen).toEqual([{ progress: 40, message: "2 of 5 accounts" }]);
    expect(await queue.get(id)).toMatchObject({ state: "succeeded", progress: 100 });
  });
});
