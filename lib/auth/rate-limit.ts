import "server-only";
import { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  RateLimiterSQLite,
  RLWrapperTimeouts,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { config } from "../config";
import { getDbHandle, type DatabaseHandle, type RawDatabase } from "../db/client";

// Fixed-window counters from rate-limiter-flexible: the first hit opens a window of `windowSeconds`; hits in
// it are counted; once it ends the count starts again. Shared by every instance: Redis when REDIS_URL is set
// (with a per-process in-memory insurance limiter for when Redis is down or slow), else the database's
// rate_limit_points table (migration 0010). Each backend counts atomically (one Lua script / one upsert).

export interface RateLimitRule {
  /** Hits allowed per window. */
  limit: number;
  /** Whole seconds; a fraction is rounded up (Redis keeps expiries in seconds). */
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
  /** Database to use (default: the process's, as getDb() opens it). */
  database?: DatabaseHandle;
  /** Prepended to every key (default "rl:"; Redis keys also get "mailroom:"). */
  prefix?: string;
  /** How long a Redis call may take before the in-memory insurance answers instead (default 1 s). */
  redisTimeoutMs?: number;
}

const TABLE = "rate_limit_points";
const REDIS_TIMEOUT_MS = 1_000;
/** Rule of the limiter that only peeks and resets (neither depends on the rule). */
const ANY_RULE: RateLimitRule = { limit: 1, windowSeconds: 1 };

function checkRule({ limit, windowSeconds }: RateLimitRule): void {
  if (!Number.isInteger(limit) || limit < 1) throw new Error("The rate limit must be a positive integer");
  if (!Number.isFinite(windowSeconds) || windowSeconds <= 0) throw new Error("The rate-limit window must be positive");
}

function windowOf(rule: RateLimitRule): number {
  return Math.ceil(rule.windowSeconds);
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

/** Makes the rlf limiter for one rule on one backend; `sweeper` marks the one that purges ended windows. */
type Make = (keyPrefix: string, rule: RateLimitRule, sweeper: boolean) => RateLimiterAbstract;

// One rlf limiter per (store client, key prefix, rule), kept for the client's lifetime: callers make a
// RateLimiter per request, and rlf limiters hold prepared statements and a purge timer.
const limiters = new WeakMap<object, Map<string, RateLimiterAbstract>>();

function cached(client: object, keyPrefix: string, rule: RateLimitRule, make: Make): RateLimiterAbstract {
  let byRule = limiters.get(client);
  if (!byRule) limiters.set(client, (byRule = new Map()));
  const sweeper = rule === ANY_RULE;
  const id = sweeper ? `${keyPrefix}\n*` : `${keyPrefix}\n${rule.limit}\n${windowOf(rule)}`;
  let limiter = byRule.get(id);
  if (!limiter) byRule.set(id, (limiter = make(keyPrefix, rule, sweeper)));
  return limiter;
}

// The insurance for Redis, one per (client, prefix), shared by its rules so that peek and reset see what
// the hits counted. It never refuses by itself (the rule is applied to the count below, as for Redis).
const insurances = new WeakMap<object, Map<string, RateLimiterMemory>>();

function insuranceFor(client: object, keyPrefix: string): RateLimiterMemory {
  let byPrefix = insurances.get(client);
  if (!byPrefix) insurances.set(client, (byPrefix = new Map()));
  let insurance = byPrefix.get(keyPrefix);
  if (!insurance) byPrefix.set(keyPrefix, (insurance = new RateLimiterMemory({ keyPrefix, points: Number.MAX_SAFE_INTEGER, duration: 1 })));
  return insurance;
}

function redisMaker(redis: Redis, timeoutMs: number): Make {
  return (keyPrefix, rule) =>
    // The timeout wrapper answers from the insurance when Redis errs or is slower than timeoutMs (a Redis
    // that accepts connections but never answers would otherwise hold every sign-in).
    new RLWrapperTimeouts({
      limiter: new RateLimiterRedis({ storeClient: redis, keyPrefix, points: rule.limit, duration: windowOf(rule) }),
      insuranceLimiter: insuranceFor(redis, keyPrefix),
      timeoutMs,
    });
}

function databaseMaker(raw: RawDatabase): Make {
  return (keyPrefix, rule, sweeper) => {
    // Ended windows are dead rows; one limiter per prefix sweeps them (rlf: every 5 minutes, those an hour old).
    const common = { keyPrefix, points: rule.limit, duration: windowOf(rule), tableName: TABLE, tableCreated: true, clearExpiredByTimeout: sweeper };
    if (raw.engine === "postgres") return new RateLimiterPostgres({ ...common, storeClient: raw.pool, storeType: "pool" });
    const limiter = new RateLimiterSQLite({ ...common, storeClient: raw.sqlite, storeType: "better-sqlite3" }) as RateLimiterSQLite & SweepsExpired;
    // Its timer calls clearExpired, which on SQLite (unlike PostgreSQL) rejects unhandled once the database is
    // closed, and the demo launcher closes its handle and runs on; a failed sweep is harmless, so it is dropped.
    const sweep = limiter.clearExpired.bind(limiter);
    limiter.clearExpired = (expire) => (raw.sqlite.open ? sweep(expire).catch(() => undefined) : Promise.resolve());
    return limiter;
  };
}

/** rlf's purge of ended windows (not in its type declarations). */
type SweepsExpired = { clearExpired(expire: number): Promise<void> };

/** rlf rejects a hit over the limit with its result; anything else is a real error. */
async function consume(limiter: RateLimiterAbstract, key: string, rule: RateLimitRule): Promise<RateLimiterRes> {
  try {
    // customDuration reaches the insurance too, which serves every rule of its prefix.
    return await limiter.consume(key, 1, { customDuration: windowOf(rule) });
  } catch (error) {
    if (error instanceof RateLimiterRes) return error;
    throw error;
  }
}

function limiterOn(store: () => Promise<{ client: object; make: Make }>, keyPrefix: string): RateLimiter {
  const get = async (rule: RateLimitRule) => {
    const { client, make } = await store();
    return cached(client, keyPrefix, rule, make);
  };
  return {
    async hit(key, rule) {
      checkRule(rule);
      const res = await consume(await get(rule), key, rule);
      return result(res.consumedPoints, res.msBeforeNext, rule.limit);
    },
    async reset(key) {
      await (await get(ANY_RULE)).delete(key);
    },
    async peek(key) {
      const res = await (await get(ANY_RULE)).get(key);
      if (!res || res.msBeforeNext <= 0) return { count: 0, retryAfterSeconds: 0 };
      return { count: res.consumedPoints, retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000) };
    },
  };
}

const REDIS_KEY = Symbol.for("mailroom.rateLimitRedis");
type GlobalWithRedis = typeof globalThis & { [REDIS_KEY]?: Redis };

function sharedRedis(url: string): Redis {
  const holder = globalThis as GlobalWithRedis;
  // commandTimeout: a Redis that stops answering must not collect pending calls behind the limiter's own timeout.
  holder[REDIS_KEY] ??= new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 5_000, commandTimeout: 5_000 });
  return holder[REDIS_KEY];
}

/** rlf writes `keyPrefix:key`; our prefixes end in ":", so keys read `mailroom:rl:<key>` as they always have. */
function rlfPrefix(prefix: string): string {
  return prefix.endsWith(":") ? prefix.slice(0, -1) : prefix;
}

/** A rate limiter on Redis (REDIS_URL) or, without it, on the database; see RateLimiterOptions to pick explicitly. */
export function rateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const prefix = options.prefix ?? "rl:";
  const backend = options.backend ?? (options.redis || config().REDIS_URL ? "redis" : "database");
  if (backend === "redis") {
    const url = config().REDIS_URL;
    if (!options.redis && !url) throw new Error("The Redis rate limiter needs REDIS_URL");
    const redis = options.redis ?? sharedRedis(url!);
    const make = redisMaker(redis, options.redisTimeoutMs ?? REDIS_TIMEOUT_MS);
    return limiterOn(async () => ({ client: redis, make }), rlfPrefix(`mailroom:${prefix}`));
  }
  const given = options.database;
  return limiterOn(async () => {
    const { raw } = given ?? (await getDbHandle());
    const client = raw.engine === "postgres" ? raw.pool : raw.sqlite;
    return { client, make: databaseMaker(raw) };
  }, rlfPrefix(prefix));
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
