// DatabaseRunner.runDue on its own (the db layer mocked): timing cases the real databases hit only under load.
import { describe, expect, it, vi } from "vitest";
import type { JobRow } from "@/lib/db/jobs";

const db = vi.hoisted(() => ({ claims: [] as (() => Promise<unknown>)[] }));
vi.mock("@/lib/db/jobs", () => ({
  claimDueJob: vi.fn(() => (db.claims.shift() ?? (async () => undefined))()),
  jobCancelRequested: vi.fn(async () => false),
  updateHeldJob: vi.fn(async () => true),
  cancelJobRow: vi.fn(),
  findJob: vi.fn(),
  insertJobOnce: vi.fn(),
  listJobRows: vi.fn(),
  pruneFinishedJobs: vi.fn(),
  requeueJob: vi.fn(),
}));

const { DatabaseRunner } = await import("@/lib/jobs/database-queue");

function row(id: string): JobRow {
  return {
    id,
    kind: "quick",
    key: id,
    title: id,
    payload: null,
    state: "running",
    attempts: 1,
    maxAttempts: 3,
    backoffMs: 1_000,
    runAt: 0,
    lockedBy: "r",
    lockedUntil: 60_000,
    progress: 0,
    progressMessage: null,
    lastError: null,
    cancelRequestedAt: null,
    createdAt: 0,
    updatedAt: 0,
    finishedAt: null,
  };
}

describe("DatabaseRunner.runDue", () => {
  it("returns when a job finishes while the runner is still claiming the next one", async () => {
    let finished!: () => void;
    const jobDone = new Promise<void>((resolve) => (finished = resolve));
    // The first claim finds a job; the second (for the free slot) answers only after that job has finished.
    db.claims.push(
      async () => row("job_1"),
      async () => (await jobDone, undefined),
    );
    const runner = new DatabaseRunner({ quick: async () => void setImmediate(finished) }, { now: () => 0, concurrency: 2 });
    const outcome = await Promise.race([runner.runDue(), new Promise((r) => setTimeout(() => r("hung"), 2_000))]);
    expect(outcome).toBe(1);
  });
});

describe("DatabaseRunner (started)", () => {
  it("claims the next job as soon as a slot frees, not at the next poll", async () => {
    db.claims.length = 0;
    for (let i = 1; i <= 6; i++) db.claims.push(async () => row(`job_${i}`));
    let ran = 0;
    // A poll a minute apart: only the freed slots can start jobs 2–6 in time.
    const runner = new DatabaseRunner({ quick: async () => void ran++ }, { now: () => 0, concurrency: 1, pollMs: 60_000 });
    runner.start();
    try {
      await vi.waitFor(() => expect(ran).toBe(6), { timeout: 2_000, interval: 10 });
    } finally {
      await runner.stop();
    }
  });
});
