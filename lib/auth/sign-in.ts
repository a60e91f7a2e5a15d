import "server-only";
import { config } from "@/lib/config";
import { verifyUserPassword } from "@/lib/db/users";
import { rateLimiter } from "@/lib/auth/rate-limit";
import type { Role } from "@/lib/auth/roles";
import { verifySecondFactor } from "@/lib/auth/two-factor";
import { RateLimitedError } from "@/lib/mail/errors";

export type SignedInUser = { id: string; email: string; name: string | null; role: Role; sessionVersion: number };

export type SignInOutcome =
  | { ok: true; user: SignedInUser }
  | { ok: false; code: "invalid_credentials" }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number }
  | { ok: false; code: "locked" }
  | { ok: false; code: "totp_required" }
  | { ok: false; code: "totp_invalid" };

/** Per-IP budget is wider than per-account: several people may share one office address. */
const IP_FACTOR = 4;

/**
 * Checks an email and password, with failed attempts limited per account and per IP.
 * The answer never says whether the email exists: unknown emails count and fail like wrong passwords.
 */
export async function attemptSignIn(emailInput: string, password: string, ip: string, secondFactor = ""): Promise<SignInOutcome> {
  const email = emailInput.trim().toLowerCase();
  const { LOGIN_MAX_FAILURES: limit, LOGIN_WINDOW_SECONDS: windowSeconds } = config();
  const limiter = rateLimiter();
  const accountKey = `login:account:${email}`;
  const ipKey = `login:ip:${ip}`;

  const [accountState, ipState] = await Promise.all([limiter.peek(accountKey), limiter.peek(ipKey)]);
  const blocked = [
    accountState.count >= limit ? accountState.retryAfterSeconds : 0,
    ipState.count >= limit * IP_FACTOR ? ipState.retryAfterSeconds : 0,
  ];
  const retryAfterSeconds = Math.max(...blocked);
  if (retryAfterSeconds > 0) return { ok: false, code: "rate_limited", retryAfterSeconds };

  const user = email && password ? await verifyUserPassword(email, password) : null;
  if (!user) {
    const [accountHit] = await Promise.all([
      limiter.hit(accountKey, { limit, windowSeconds }),
      limiter.hit(ipKey, { limit: limit * IP_FACTOR, windowSeconds }),
    ]);
    if (!accountHit.allowed || accountHit.remaining === 0) {
      return { ok: false, code: "rate_limited", retryAfterSeconds: accountHit.retryAfterSeconds || windowSeconds };
    }
    return { ok: false, code: "invalid_credentials" };
  }
  await limiter.reset(accountKey);
  if (user.lockedAt) return { ok: false, code: "locked" };
  if (user.twoFactorEnabled) {
    if (!secondFactor.trim()) return { ok: false, code: "totp_required" };
    try {
      if (!(await verifySecondFactor(user.id, secondFactor))) return { ok: false, code: "totp_invalid" };
    } catch (error) {
      if (error instanceof RateLimitedError) return { ok: false, code: "rate_limited", retryAfterSeconds: error.retryAfterSeconds };
      throw error;
    }
  }
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}
