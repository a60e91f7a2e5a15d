import "server-only";
import { config } from "@/lib/config";
import { normalizeEmail } from "@/lib/db/users";
import { verifyUserPassword } from "@/lib/auth/verify-password";
import { createSession } from "@/lib/db/sessions";
import { attemptWithinBudget, rateLimiter } from "@/lib/auth/rate-limit";
import { passwordBudget } from "@/lib/auth/panel-password";
import type { Role } from "@/lib/auth/roles";
import { sessionLimits } from "@/lib/auth/session-limits";
import { verifySecondFactor } from "@/lib/auth/two-factor";
import { RateLimitedError } from "@/lib/core/errors";

export type SignedInUser = { id: string; email: string; name: string | null; role: Role; sessionVersion: number; sessionId: string };

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
 * Checks an email and password, with failed attempts limited per account and per IP; on success opens a
 * session (its id goes into the cookie). The answer never says whether the email exists: unknown emails count
 * and fail like wrong passwords.
 */
export async function attemptSignIn(emailInput: string, password: string, ip: string, secondFactor = ""): Promise<SignInOutcome> {
  const email = normalizeEmail(emailInput);
  const { LOGIN_MAX_FAILURES: limit, LOGIN_WINDOW_SECONDS: windowSeconds } = config();
  const limiter = rateLimiter();
  const ipKey = `login:ip:${ip}`;
  const ipRule = { limit: limit * IP_FACTOR, windowSeconds };

  const ipState = await limiter.peek(ipKey);
  if (ipState.count >= ipRule.limit) return { ok: false, code: "rate_limited", retryAfterSeconds: ipState.retryAfterSeconds };

  const { key, rule } = passwordBudget(email);
  const attempt = await attemptWithinBudget(limiter, key, rule, async () => (email && password ? verifyUserPassword(email, password) : null));
  if (attempt.status === "blocked") return { ok: false, code: "rate_limited", retryAfterSeconds: attempt.retryAfterSeconds };
  if (attempt.status === "failed") {
    await limiter.hit(ipKey, ipRule);
    if (attempt.remaining === 0) return { ok: false, code: "rate_limited", retryAfterSeconds: attempt.retryAfterSeconds };
    return { ok: false, code: "invalid_credentials" };
  }
  const user = attempt.value;
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
  const sessionId = await createSession(user.id, sessionLimits(user.role).maxSeconds);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, sessionId },
  };
}
