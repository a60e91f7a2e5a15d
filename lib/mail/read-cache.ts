import "server-only";
import { cache } from "react";
import { Redis } from "ioredis";
import { isWriteCall, type AccountClient } from "@/lib/cpanel";
import { config } from "@/lib/config";
import { errorField, log } from "@/lib/log";

/**
 * Read-through cache of an account's cPanel reads (mailbox list, mail domains, forwarders, domain forwarders),
 * for CPANEL_READ_CACHE_SECONDS (default 15 s; 0 = off). Shared by every instance through Redis when REDIS_URL
 * is set, else kept in this process.
 *
 * Invalidation is by generation: each account has a counter; an entry is stored under the generation that was
 * current when its read began, and every write through the panel (see `invalidatingWrites`, used by
 * `accountApi`) bumps the counter when it ends, success or not. A read that raced with a write is stored under
 * the old generation, where no one looks any more, so a panel write is never followed by a stale read, on any
 * instance. Changes made outside the panel (cPanel itself, webmail) show within the TTL.
 *
 * Only pages and REST reads use the cache (`cachedAccountApi` in cpanel-access.ts); writes check and read back live.
 * If Redis fails, reads go straight to cPanel (logged), never fail because of the cache.
 */

/** The reads that are cached: plain data (no Dates), used by pages and REST GETs. */
type CachedRead = "listMailboxes" | "listMailDomains" | "listForwarders" | "listDomainForwarders";

/**
 * Writes that change nothing the cached reads return (a password is not part of any list). Which calls write at all
 * comes from lib/cpanel (`isWriteCall`: the `write` flag of each call's endpoints); every write bumps the generation.
 */
const WRITES_THAT_KEEP_READS = new Set<string>(["changeMailboxPassword", "changeMailboxPasswordApi2", "terminateMailboxSessions"]);

export type AccountScope = { serverId: string; cpanelUser: string };

interface Store {
  /** The current generation, and the value stored under `key` for it (if `known` is not that generation). */
  lookup(scope: string, key: string, knownGeneration: number | undefined): Promise<{ generation: number; value: string | null }>;
  store(scope: string, generation: number, key: string, value: string, ttlMs: number): Promise<void>;
  bump(scope: string): Promise<void>;
}

function scopeOf(account: AccountScope): string {
  return `${account.serverId}:${account.cpanelUser.toLowerCase()}`;
}

// ---- in-process store -------------------------------------------------------------------------------------------

const MAX_LOCAL_ENTRIES = 500;

/** Generations only: without Redis the values live in the parsed-value memo below, not twice. */
function memoryStore(): Store {
  const generations = new Map<string, number>();
  return {
    async lookup(scope) {
      return { generation: generations.get(scope) ?? 0, value: null };
    },
    async store() {},
    async bump(scope) {
      generations.set(scope, (generations.get(scope) ?? 0) + 1);
    },
  };
}

// ---- Redis store ------------------------------------------------------------------------------------------------

// One round trip: the generation, and the entry for it unless the caller already holds that generation's value.
const LOOKUP_SCRIPT = `
local generation = redis.call('GET', KEYS[1]) or '0'
if ARGV[2] == generation then return {generation, false} end
return {generation, redis.call('GET', ARGV[1] .. generation)}
`;
const GENERATION_TTL_MS = 7 * 24 * 3600 * 1000;

function redisStore(redis: Redis): Store {
  const generationKey = (scope: string) => `mailroom:rc:${scope}:gen`;
  const entryPrefix = (scope: string, key: string) => `mailroom:rc:${scope}:${key}:`;
  return {
    async lookup(scope, key, known) {
      const [generation, value] = (await redis.eval(
        LOOKUP_SCRIPT,
        1,
        generationKey(scope),
        entryPrefix(scope, key),
        known === undefined ? "" : String(known),
      )) as [string, string | null];
      return { generation: Number(generation), value: value ?? null };
    },
    async store(scope, generation, key, value, ttlMs) {
      await redis.set(entryPrefix(scope, key) + generation, value, "PX", ttlMs);
    },
    async bump(scope) {
      await redis.multi().incr(generationKey(scope)).pexpire(generationKey(scope), GENERATION_TTL_MS).exec();
    },
  };
}

// ---- the cache --------------------------------------------------------------------------------------------------

const HOLDER_KEY = Symbol.for("mailroom.readCache");
type Holder = typeof globalThis & {
  [HOLDER_KEY]?: {
    store: Store;
    redis?: Redis;
    parsed: Map<string, { generation: number; value: unknown; expires: number }>;
    inflight: Map<string, Promise<unknown>>;
  };
};

function state() {
  const holder = globalThis as Holder;
  if (!holder[HOLDER_KEY]) {
    const url = config().REDIS_URL;
    const redis = url ? new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 1_000 }) : undefined;
    redis?.on("error", () => undefined); // each failed command is logged where it fails
    holder[HOLDER_KEY] = { store: redis ? redisStore(redis) : memoryStore(), redis, parsed: new Map(), inflight: new Map() };
  }
  return holder[HOLDER_KEY];
}

function ttlMs(): number {
  return config().CPANEL_READ_CACHE_SECONDS * 1000;
}

/** A map that lives for one server render (React's per-request cache); outside a render, a fresh one per call. */
const requestMemo = cache(() => new Map<string, Promise<unknown>>());

let lastWarning = 0;
function warn(message: string, error: unknown): void {
  // At most one line per 10 s: an unreachable Redis would otherwise log on every request.
  if (Date.now() - lastWarning < 10_000) return;
  lastWarning = Date.now();
  log().warn({ err: errorField(error) }, message);
}

/** Arrays are copied on the way out, so a caller that sorts or filters in place never changes the cached value. */
function copy<T>(value: T): T {
  return (Array.isArray(value) ? value.slice() : value) as T;
}

/** Reads `key` of the account through the cache; `read` asks cPanel on a miss. */
export async function cachedRead<T>(account: AccountScope, key: string, read: () => Promise<T>): Promise<T> {
  const ttl = ttlMs();
  if (ttl === 0) {
    // No shared cache, but one page still asks cPanel once: the page and its sections share the request's answer.
    const memo = requestMemo();
    const memoKey = `${scopeOf(account)}|${key}`;
    if (!memo.has(memoKey)) memo.set(memoKey, read());
    return copy((await memo.get(memoKey)) as T);
  }
  const { store, parsed, inflight } = state();
  const scope = scopeOf(account);
  const localKey = `${scope}|${key}`;
  const local = parsed.get(localKey);
  const known = local && local.expires > Date.now() ? local.generation : undefined;

  let generation: number;
  try {
    const found = await store.lookup(scope, key, known);
    generation = found.generation;
    if (known === generation && local) return copy(local.value as T);
    if (found.value !== null) {
      const value = JSON.parse(found.value) as T;
      remember(parsed, localKey, generation, value, ttl);
      return copy(value);
    }
  } catch (error) {
    warn("The cPanel read cache is unavailable; reading from cPanel", error);
    return read();
  }

  // One cPanel call per key and generation in this process, however many requests miss at once.
  const flightKey = `${localKey}|${generation}`;
  let flight = inflight.get(flightKey) as Promise<T> | undefined;
  if (!flight) {
    flight = (async () => {
      const value = await read();
      remember(parsed, localKey, generation, value, ttl);
      await store
        .store(scope, generation, key, JSON.stringify(value), ttl)
        .catch((error: unknown) => warn("The cPanel read cache could not store a read", error));
      return value;
    })();
    inflight.set(flightKey, flight);
    void flight.then(
      () => inflight.delete(flightKey),
      () => inflight.delete(flightKey),
    );
  }
  return copy(await flight);
}

function remember(
  parsed: Map<string, { generation: number; value: unknown; expires: number }>,
  key: string,
  generation: number,
  value: unknown,
  ttl: number,
) {
  if (parsed.size >= MAX_LOCAL_ENTRIES) parsed.delete(parsed.keys().next().value!);
  parsed.set(key, { generation, value, expires: Date.now() + ttl });
}

/** Forgets every cached read of the account, on every instance (called after each panel write to it). */
export async function invalidateAccountReads(account: AccountScope): Promise<void> {
  if (ttlMs() === 0) return;
  const { store, parsed } = state();
  const scope = scopeOf(account);
  for (const key of parsed.keys()) if (key.startsWith(`${scope}|`)) parsed.delete(key);
  try {
    await store.bump(scope);
  } catch (error) {
    warn("The cPanel read cache could not be invalidated; cached reads of this account may be stale until they expire", error);
  }
}

/** The account client with its list reads served through the cache (pages and REST GETs). */
export function withCachedReads(account: AccountScope, api: AccountClient): AccountClient {
  const cached: Pick<AccountClient, CachedRead> = {
    listMailboxes: (filter = {}) => cachedRead(account, `listMailboxes:${filter.domain?.toLowerCase() ?? "*"}`, () => api.listMailboxes(filter)),
    listMailDomains: () => cachedRead(account, "listMailDomains", () => api.listMailDomains()),
    listForwarders: (filter = {}) => cachedRead(account, `listForwarders:${filter.domain?.toLowerCase() ?? "*"}`, () => api.listForwarders(filter)),
    listDomainForwarders: (filter = {}) =>
      cachedRead(account, `listDomainForwarders:${filter.domain?.toLowerCase() ?? "*"}`, () => api.listDomainForwarders(filter)),
  };
  return { ...api, ...cached };
}

/**
 * The account client with every write wrapped so that, when it ends (success, failure or timeout), the account's
 * cached reads are invalidated. Reads and writes that change no cached data pass through untouched.
 */
export function invalidatingWrites(account: AccountScope, api: AccountClient): AccountClient {
  const wrapped = { ...api } as Record<string, unknown>;
  for (const [name, fn] of Object.entries(api)) {
    if (typeof fn !== "function" || !isWriteCall(fn) || WRITES_THAT_KEEP_READS.has(name)) continue;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        await invalidateAccountReads(account);
      }
    };
  }
  return wrapped as AccountClient;
}

/** Closes the cache's Redis connection, if one was opened (tests, shutdown). */
export async function closeReadCache(): Promise<void> {
  const holder = globalThis as Holder;
  const current = holder[HOLDER_KEY];
  holder[HOLDER_KEY] = undefined;
  if (current?.redis) await current.redis.quit().catch(() => current.redis?.disconnect());
}
