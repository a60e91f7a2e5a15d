import "server-only";
import { config } from "@/lib/config";

type Slots = { busy: number; waiting: Array<() => void> };

// One table per process, kept on globalThis so dev-mode reloads share it with jobs already running.
const KEY = Symbol.for("mailroom.bulk.serverSlots");
const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, Slots> };
const table = (holder[KEY] ??= new Map<string, Slots>());

/** The most bulk calls this process makes at a time to one cPanel server (BULK_CONCURRENCY_PER_SERVER). */
export function bulkConcurrencyPerServer(): number {
  return config().BULK_CONCURRENCY_PER_SERVER;
}

/**
 * Runs `work` when one of the server's slots is free: every bulk job of this process shares the server's
 * BULK_CONCURRENCY_PER_SERVER slots, so two jobs on one server together stay under the limit. Waiters are served in
 * arrival order. (Per process: several panel instances each keep their own count.)
 */
export async function withServerSlot<T>(serverName: string, work: () => Promise<T>, limit = bulkConcurrencyPerServer()): Promise<T> {
  const slots = table.get(serverName) ?? { busy: 0, waiting: [] };
  table.set(serverName, slots);
  if (slots.busy >= limit) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.busy += 1;
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    // The slot passes straight to the next waiter (busy stays the same); with nobody waiting it is freed.
    if (next) next();
    else if (--slots.busy === 0) table.delete(serverName);
  }
}

/** How many of the server's slots are taken now (tests). */
export function busyServerSlots(serverName: string): number {
  return table.get(serverName)?.busy ?? 0;
}
