import "server-only";
import { Redis } from "ioredis";
import { sql, type Kysely } from "kysely";
import { config } from "../config";
import { getDb } from "../db/client";
import type { Database } from "../db/schema";

// Fixed-window counters: the first hit opens a window of `windowSeconds`; hits in it are counted;
// once it ends the count starts again. Shared by every instance: Redis when REDIS_URL is set, else
// the database's rate_limits table. Both backends count atomically (one Lua script / one upsert).

export interface RateLimitRule {
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  /** True while this hit is within the limit. */
  allowed: boolean;
  /** Hits left in this window after this one. */
  remaining: number;
  /** 0 when allowed; else seconds until the window ends. */
  retryAfterSeconds: number;
  /** Hits counted in this window, this one included. */
  count: number;
}

export interface RateLimitState {
  /** Hits counted in the current window (0 when none is open). */
  count: number;
  /** Seconds until the current window ends (0 when none is open). */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts one attempt for `key` and says whether it is within the rule. */
  hit(key: string, rule: RateLimitRule): Promise<RateLimitResult>;
  /** Forgets `key`'s count (e.g. after a successful sign-in). */
  reset(key: string): Promise<void>;
  /** The current count for `key`, without counting. */
  peek(key: string): Promise<RateLimitState>;
}

export interface RateLimiterOptions {
  /** Default: "redis" when REDIS_URL is set, else "database". */
  backend?: "redis" | "database";
  /** Redis client to use (default: one shared client for REDIS_URL). */
  redis?: Redis;
  /** Database to use (default: getDb()). */
  db?: Kysely<Database>;
  /** Prepended to every key (default "rl:"; Redis keys also get "mailroom:"). */
  prefix?: string;
  /** Clock for the database backend (tests). */
  now?: () => number;
}

function checkRule({ limit, windowSeconds }: RateLimitRule): void {
  if (!Number.isInteger(limit) || limit < 1) throw new Error("The rate limit must be a positive integer");
  if (!Number.isFinite(windowSeconds) || windowSeconds <= 0) throw new Error("The rate-limit window must be positive");
}

function result(count: number, msLeft: number, limit: number): RateLimitResult {
  const allowed = count <= limit;
  return {
    allowed,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(msLeft / 1000)),
    count,
  };
}

// INCR, and start the window's clock on the first hit. The PTTL check repairs a key that lost its
// expiry (e.g. written by hand), which would otherwise block forever.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

function redisLimiter(redis: Redis, prefix: string): RateLimiter {
  return {
    async hit(key, rule) {
      checkRule(rule);
      const [count, ttl] = (await redis.eval(HIT_SCRIPT, 1, prefix + key, Math.ceil(rule.windowSeconds * 1000))) as [number, number];
      return result(count, ttl, rule.limit);
    },
    async reset(key) {
      await redis.del(prefix + key);
    },
    async peek(key) {
      const [[, value], [, ttl]] = (await redis.multi().get(prefix + key).pttl(prefix + key).exec()) as [
        [Error | null, string | null],
        [Error | null, number],
      ];
      if (value === null || ttl < 0) return { count: 0, retryAfterSeconds: 0 };
      return { count: Number(value), retryAfterSeconds: Math.ceil(ttl / 1000) };
    },
  };
}

// Counted per process, across limiters (callers usually make a limiter per request).
let hitsSincePurge = 0;

function databaseLimiter(getDatabase: () => Promise<Kysely<Database>>, prefix: string, now: () => number): RateLimiter {
  return {
    async hit(key, rule) {
      checkRule(rule);
      const db = await getDatabase();
      const at = now();
      const windowEnd = at + Math.ceil(rule.windowSeconds * 1000);
      // One statement, atomic on both engines: a new key or an ended window starts at 1, else +1.
      // In ON CONFLICT ... SET, every right-hand side reads the row as it was before the update.
      const expired = sql<boolean>`rate_limits.expires_at <= ${at}`;
      const row = await db
        .insertInto("rate_limits")
        .values({ key: prefix + key, count: 1, window_start: at, expires_at: windowEnd })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({
            count: sql<number>`case when ${expired} then 1 else rate_limits.count + 1 end`,
            window_start: sql<number>`case when ${expired} then ${at} else rate_limits.window_start end`,
            expires_at: sql<number>`case when ${expired} then ${windowEnd} else rate_limits.expires_at end`,
          }),
        )
        .returning(["count", "expires_at"])
        .executeTakeFirstOrThrow();
      // Ended windows are dead rows; sweep them now and then rather than on every hit.
      if (++hitsSincePurge >= 500) {
        hitsSincePurge = 0;
        await db.deleteFrom("rate_limits").where("expires_at", "<=", at).execute();
      }
      return result(Number(row.count), Number(row.expires_at) - at, rule.limit);
    },
    async reset(key) {
      const db = await getDatabase();
      await db.deleteFrom("rate_limits").where("key", "=", prefix + key).execute();
    },
    async peek(key) {
      const db = await getDatabase();
      const at = now();
      const row = await db
        .selectFrom("rate_limits")
        .select(["count", "expires_at"])
        .where("key", "=", prefix + key)
        .where("expires_at", ">", at)
        .executeTakeFirst();
      if (!row) return { count: 0, retryAfterSeconds: 0 };
      return { count: Number(row.count), retryAfterSeconds: Math.ceil((Number(row.expires_at) - at) / 1000) };
    },
  };
}

const REDIS_KEY = Symbol.for("mailroom.rateLimitRedis");
type GlobalWithRedis = typeof globalThis & { [REDIS_KEY]?: Redis };

function sharedRedis(url: string): Redis {
  const holder = globalThis as GlobalWithRedis;
  holder[REDIS_KEY] ??= new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 5_000 });
  return holder[REDIS_KEY];
}

/** A rate limiter on Redis (REDIS_URL) or, without it, on the database; see RateLimiterOptions to pick explicitly. */
export function rateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const prefix = options.prefix ?? "rl:";
  const backend = options.backend ?? (options.redis || config().REDIS_URL ? "redis" : "database");
  if (backend === "redis") {
    const url = config().REDIS_URL;
    if (!options.redis && !url) throw new Error("The Redis rate limiter needs REDIS_URL");
    return redisLimiter(options.redis ?? sharedRedis(url!), `mailroom:${prefix}`);
  }
  const db = options.db;
  return databaseLimiter(db ? async () => db : getDb, prefix, options.now ?? Date.now);
}

/** How a budgeted attempt ended; `failed` with `remaining: 0` means the next attempt is blocked (until `retryAfterSeconds`). */
export type BudgetedAttempt<T> =
  | { status: "passed"; value: T }
  | { status: "failed"; remaining: number; retryAfterSeconds: number }
  | { status: "blocked"; retryAfterSeconds: number };

/**
 * Runs one attempt at a secret (a password, a code) within a budget of failures per `key`. The attempt is
 * counted before `check` runs, so attempts sent at once cannot overrun the budget, and over budget `check`
 * does not run at all; a passed check forgets the count, so only failures add up.
 */
export async function attemptWithinBudget<T>(
  limiter: RateLimiter,
  key: string,
  rule: RateLimitRule,
  check: () => Promise<T | null | false>,
): Promise<BudgetedAttempt<T>> {
  const counted = await limiter.hit(key, rule);
  if (!counted.allowed) return { status: "blocked", retryAfterSeconds: counted.retryAfterSeconds };
  const value = await check();
  if (value === null || value === false) {
    const retryAfterSeconds = counted.remaining === 0 ? (await limiter.peek(key)).retryAfterSeconds || Math.ceil(rule.windowSeconds) : 0;
    return { status: "failed", remaining: counted.remaining, retryAfterSeconds };
  }
  await limiter.reset(key);
  return { status: "passed", value };
}

/** Closes the shared Redis connection, if one was opened (the CLI, tests, shutdown). */
export async function closeRateLimiter(): Promise<void> {
  const holder = globalThis as GlobalWithRedis;
  const redis = holder[REDIS_KEY];
  holder[REDIS_KEY] = undefined;
  if (redis) await redis.quit().catch(() => redis.disconnect());
}
