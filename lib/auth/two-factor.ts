import "server-only";
import { verify } from "otplib";
import { attemptWithinBudget, rateLimiter } from "@/lib/auth/rate-limit";
import { advanceTotpStep, consumeRecoveryCode, twoFactorState } from "@/lib/db/two-factor";
import { RateLimitedError } from "@/lib/core/errors";

/** Second-factor verification (sign-in and enrolment's first code); enrolment itself is the domain's (lib/mail/two-factor.ts). */

/** One step of clock drift either way (RFC 6238 suggests allowing it). */
export const TOLERANCE_SECONDS = 30;
const ATTEMPTS = { limit: 5, windowSeconds: 15 * 60 };

/** The RFC 6238 time step a valid TOTP code matched (otplib's result type also covers HOTP, which has none). */
export function matchedStep(result: { valid: true } & object): number {
  return "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : Math.floor(Date.now() / 30_000);
}

/**
 * Runs one second-factor check within the per-user budget of wrong codes (5 per 15 minutes): counted before
 * the check, forgotten after a valid code, so only wrong codes add up. Throws RateLimitedError when over it.
 */
export async function withinCodeBudget<T>(userId: string, check: () => Promise<T | null | false>): Promise<T | null> {
  const attempt = await attemptWithinBudget(rateLimiter(), `2fa:${userId}`, ATTEMPTS, check);
  if (attempt.status === "blocked") throw new RateLimitedError(attempt.retryAfterSeconds, "Too many wrong codes. Wait a few minutes and try again.");
  return attempt.status === "passed" ? attempt.value : null;
}

/**
 * Checks a sign-in's second factor: a current TOTP code (never one accepted before) or an unused recovery
 * code. Wrong codes are limited per user; throws RateLimitedError when over the limit.
 */
export async function verifySecondFactor(userId: string, input: string): Promise<boolean> {
  const code = input.trim().toLowerCase();
  const passed = await withinCodeBudget(userId, async () => {
    if (/^[a-z0-9]{4}-?[a-z0-9]{4}-?[a-z0-9]{4}$/.test(code) && /[a-z]/.test(code)) return consumeRecoveryCode(userId, code);
    const { secret, lastStep } = await twoFactorState(userId);
    if (!secret || !/^\d{6}$/.test(code.replace(/\s/g, ""))) return false;
    const result = await verify({
      secret,
      token: code.replace(/\s/g, ""),
      epochTolerance: TOLERANCE_SECONDS,
      ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
    });
    return result.valid && (await advanceTotpStep(userId, matchedStep(result)));
  });
  return passed === true;
}
