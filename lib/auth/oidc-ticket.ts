import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The "portal said yes, the code is still owed" ticket between an OpenID Connect sign-in and its code step.
 * It is no session: it only names the user (and the session version it was issued under) for a few minutes,
 * signed with a key derived from AUTH_SECRET, so it works on every instance without a table.
 */

export const SECOND_FACTOR_TICKET_SECONDS = 5 * 60;

export type SecondFactorTicket = { userId: string; sessionVersion: number; expiresAt: number };

function key(secret: string): Buffer {
  // A key of its own, so a ticket can never pass for anything else signed with AUTH_SECRET.
  return createHmac("sha256", secret).update("mailroom:oidc-second-factor-ticket:v1").digest();
}

function mac(secret: string, payload: string): string {
  return createHmac("sha256", key(secret)).update(payload).digest("base64url");
}

/** A signed ticket for `userId` that expires SECOND_FACTOR_TICKET_SECONDS after `now` (epoch seconds). */
export function issueSecondFactorTicket(secret: string, user: { id: string; sessionVersion: number }, now = Math.floor(Date.now() / 1000)): string {
  const payload = Buffer.from(JSON.stringify({ u: user.id, v: user.sessionVersion, e: now + SECOND_FACTOR_TICKET_SECONDS })).toString("base64url");
  return `${payload}.${mac(secret, payload)}`;
}

/** The ticket's content if its signature is right and it has not expired; else null. */
export function readSecondFactorTicket(secret: string, ticket: string | undefined, now = Math.floor(Date.now() / 1000)): SecondFactorTicket | null {
  const [payload, signature, extra] = (ticket ?? "").split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { u?: unknown; v?: unknown; e?: unknown };
    if (typeof data.u !== "string" || typeof data.v !== "number" || typeof data.e !== "number" || data.e <= now) return null;
    return { userId: data.u, sessionVersion: data.v, expiresAt: data.e };
  } catch {
    return null;
  }
}
