import "server-only";
import { randomBytes } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_MAX = (1n << 80n) - 1n;

let lastTime = -1;
let lastRandom = 0n;

function encode(value: bigint, length: number): string {
  let text = "";
  for (let i = 0; i < length; i++) {
    text = CROCKFORD[Number(value & 31n)]! + text;
    value >>= 5n;
  }
  return text;
}

/**
 * A ULID (48-bit millisecond time + 80 random bits, Crockford base32, 26 characters), so ids sort
 * by creation time and reveal nothing else. Monotonic within a process: ids made in the same
 * millisecond increment the random part, so they still sort in creation order.
 */
export function ulid(now: number = Date.now()): string {
  let random: bigint;
  if (now === lastTime && lastRandom < RANDOM_MAX) {
    random = lastRandom + 1n;
  } else {
    random = BigInt(`0x${randomBytes(10).toString("hex")}`);
  }
  lastTime = now;
  lastRandom = random;
  return encode(BigInt(now), 10) + encode(random, 16);
}

/** A new public id such as `acct_01J…` for the given prefix. */
export function newId(prefix: "usr" | "srv" | "acct" | "tok" | "evt" | "rc"): string {
  return `${prefix}_${ulid()}`;
}
