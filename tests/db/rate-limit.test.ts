import { randomBytes } from "node:crypto";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { attemptWithinBudget, rateLimiter, type RateLimiter } from "@/lib/auth/rate-limit";
import { migrateToLatest } from "@/lib/db/client";
import { ENGINES, openTestDatabase, setTestEnv, TEST_REDIS_URL, withTestDatabase } from "./engines";

setTestEnv();

const rule = { limit: 3, windowSeconds: 60 };

/** The behaviour every backend must share. `advance` moves the limiter's clock past a window. */
function sharedBehaviour(make: () => RateLimiter, advance: (ms: number) => Promise<void>) {
  it("allows `limit` hits per window, then refuses with a retry time", async () => {
    const limiter = make();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await limiter.hit("login:a", rule));
    expect(results.map((r) => [r.allowed, r.remaining, r.count])).toEqual([
      [true, 2, 1],
      [true, 1, 2],
      [true, 0, 3],
      [false, 0, 4],
      [false, 0, 5],
    ]);
    expect(results[0]!.retryAfterSeconds).toBe(0);
    expect(results[4]!.retryAfterSeconds).toBeGreaterThan(55);
    expect(results[4]!.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("peeks without counting, and keeps keys apart", async () => {
    const limiter = make();
    const state = await limiter.peek("login:a");
    expect(state.count).toBe(5);
    expect(state.retryAfterSeconds).toBeGreaterThan(55);
    expect((await limiter.peek("login:a")).count).toBe(5);
    expect(await limiter.peek("login:b")).toEqual({ count: 0, retryAfterSeconds: 0 });
    expect((await limiter.hit("login:b", rule)).count).toBe(1);
  });

  it("resets a key", async () => {
    const limiter = make();
    await limiter.reset("login:a");
    expect(await limiter.peek("login:a")).toEqual({ count: 0, retryAfterSeconds: 0 });
    expect((await limiter.hit("login:a", rule)).allowed).toBe(true);
  });

  it("counts every one of many concurrent hits exactly once", async () => {
    const limiter = make();
    const results = await Promise.all(Array.from({ length: 25 }, () => limiter.hit("burst", { limit: 10, windowSeconds: 60 })));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
  });

  it("starts a new window once the old one ends", async () => {
    const limiter = make();
    const short = { limit: 1, windowSeconds: 1 };
    expect((await limiter.hit("short", short)).allowed).toBe(true);
    expect((await limiter.hit("short", short)).allowed).toBe(false);
    await advance(1_100);
    expect(await limiter.peek("short")).toEqual({ count: 0, retryAfterSeconds: 0 });
    expect(await limiter.hit("short", short)).toMatchObject({ allowed: true, count: 1 });
  });

  it("rejects a nonsense rule", async () => {
    await expect(make().hit("x", { limit: 0, windowSeconds: 60 })).rejects.toThrow(/limit/);
    await expect(make().hit("x", { limit: 1, windowSeconds: 0 })).rejects.toThrow(/window/);
  });
}

describe.each(ENGINES)("rate limiter, database backend on %s", (engine) => {
  const database = withTestDatabase(engine);
  // rate-limiter-flexible reads Date.now() for both engines' windows, so only Date is faked (pg keeps real timers).
  afterAll(() => {
    vi.useRealTimers();
  });
  sharedBehaviour(
    () => rateLimiter({ backend: "database" }),
    async (ms) => {
      const now = Date.now();
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(now + ms);
    },
  );

  it("is the default when REDIS_URL is unset", async () => {
    const limiter = rateLimiter();
    expect((await limiter.peek("login:b")).count).toBe(1);
  });

  it("keeps its counters in rate_limit_points, under the prefix", async () => {
    await rateLimiter().hit("table-check", rule);
    const row = await database.current().handle.db.selectFrom("rate_limit_points").selectAll().where("key", "=", "rl:table-check").executeTakeFirst();
    expect(row).toMatchObject({ points: 1 });
    expect(Number(row!.expire) - Date.now()).toBeGreaterThan(55_000);
  });
});

describe("rate limiter, Redis backend", () => {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  // A unique prefix per run, so parallel runs share the server without sharing counters.
  const prefix = `test:${process.pid}:${randomBytes(4).toString("hex")}:`;

  beforeAll(async () => {
    await redis.ping();
  });
  afterAll(async () => {
    const keys = await redis.keys(`mailroom:${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  sharedBehaviour(
    () => rateLimiter({ backend: "redis", redis, prefix }),
    (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  );

  it("stores counters under the prefix, with an expiry", async () => {
    await rateLimiter({ redis, prefix }).hit("ttl-check", rule);
    const ttl = await redis.pttl(`mailroom:${prefix}ttl-check`);
    expect(ttl).toBeGreaterThan(55_000);
  });

  it("refuses to pick Redis without REDIS_URL or a client", () => {
    expect(() => rateLimiter({ backend: "redis" })).toThrow(/REDIS_URL/);
  });
});

describe("rate limiter, Redis down: the in-process insurance keeps limiting", () => {
  // A Redis that refuses connections, and one that accepts them but never answers (the case a timeout is for).
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => {
    sockets.add(socket);
  });
  const clients: Redis[] = [];
  const client = (url: string) => {
    const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 1_000 });
    redis.on("error", () => undefined);
    clients.push(redis);
    return redis;
  };
  let silentUrl = "";

  beforeAll(async () => {
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    silentUrl = `redis://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const redis of clients) redis.disconnect();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  describe.each([
    ["refusing connections", () => client("redis://127.0.0.1:1")],
    ["never answering", () => client(silentUrl)],
  ])("a Redis %s", (_name, makeClient) => {
    const timed = async <T>(run: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const value = await run();
      // The 200 ms timeout, with room for a busy machine; never the hang it would be without one.
      expect(performance.now() - started).toBeLessThan(1_500);
      return value;
    };

    it("still counts and refuses hits, peeks and resets, and answers each call quickly", async () => {
      const limiter = rateLimiter({ redis: makeClient(), redisTimeoutMs: 200 });
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await timed(() => limiter.hit("login:down", rule)));
      expect(results.map((r) => [r.allowed, r.remaining, r.count])).toEqual([
        [true, 2, 1],
        [true, 1, 2],
        [true, 0, 3],
        [false, 0, 4],
        [false, 0, 5],
      ]);
      expect(results[4]!.retryAfterSeconds).toBeGreaterThan(55);
      expect((await timed(() => limiter.peek("login:down"))).count).toBe(5);
      await timed(() => limiter.reset("login:down"));
      expect(await timed(() => limiter.peek("login:down"))).toEqual({ count: 0, retryAfterSeconds: 0 });
    });

    it("keeps a sign-in budget: wrong passwords are limited, and the right one is then refused without a check", async () => {
      const limiter = rateLimiter({ redis: makeClient(), redisTimeoutMs: 200 });
      const budget = { limit: 3, windowSeconds: 900 };
      const wrong = async () => false as const;
      const outcomes = [];
      for (let i = 0; i < 3; i++) outcomes.push(await timed(() => attemptWithinBudget(limiter, "login:account:down@example.com", budget, wrong)));
      expect(outcomes.map((o) => o.status)).toEqual(["failed", "failed", "failed"]);
      let checked = false;
      const blocked = await timed(() =>
        attemptWithinBudget(limiter, "login:account:down@example.com", budget, async () => {
          checked = true;
          return true;
        }),
      );
      expect(blocked).toMatchObject({ status: "blocked" });
      expect(checked).toBe(false);
    });
  });
});

describe("rate limiter, database backend: ended windows", () => {
  it("are swept on a timer, and a closed SQLite database does not make the sweep fail the process", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const test = await openTestDatabase("sqlite");
    try {
      await migrateToLatest(test.handle.db);
      const limiter = rateLimiter({ backend: "database", database: test.handle });
      await limiter.hit("sweep", { limit: 1, windowSeconds: 1 });
      await limiter.peek("sweep");
      const rows = () => test.handle.db.selectFrom("rate_limit_points").selectAll().execute();
      expect(await rows()).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(2 * 60 * 60 * 1000);
      expect(await rows()).toEqual([]);
      await test.handle.close();
      await vi.advanceTimersByTimeAsync(60 * 60 * 1000);
    } finally {
      vi.useRealTimers();
      await test.dispose();
    }
  });
});
