import "server-only";

/**
 * A write that timed out (or lost its answer) may still be running on the cPanel server: read back for a few
 * seconds before deciding. Used by every write in lib/mail; never re-sends the write.
 */
export const SETTLE_DELAYS_MS = [0, 1000, 2000];

export type Settled<T> =
  /** `done` held for a state read back: the write landed. */
  | { outcome: "landed"; state: T }
  /** cPanel answered, but never with the written state. */
  | { outcome: "not_landed"; state: T }
  /** cPanel could not be asked at all. */
  | { outcome: "no_answer" };

/** Reads state until `done` holds or the delays run out. */
export async function settleWrite<T>(read: () => Promise<T>, done: (state: T) => boolean): Promise<Settled<T>> {
  let last: { state: T } | null = null;
  for (const delay of SETTLE_DELAYS_MS) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      const state = await read();
      if (done(state)) return { outcome: "landed", state };
      last = { state };
    } catch {
      // Still unreachable: ask again, then say that nothing is known.
    }
  }
  return last ? { outcome: "not_landed", state: last.state } : { outcome: "no_answer" };
}
