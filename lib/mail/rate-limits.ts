import "server-only";
import { rateLimiter } from "@/lib/auth/rate-limit";
import { config } from "@/lib/config";
import { RateLimitedError } from "@/lib/core/errors";
import { timed } from "@/lib/timings";

/** Budgets for password attempts: per person (any mailbox) and per mailbox (anyone), per 15 minutes (20 and 10 unless configured). */
const PASSWORD_WINDOW_SECONDS = 15 * 60;

/** Counts a password-change attempt; throws RateLimitedError when the person or the mailbox is over budget. */
export async function limitPasswordAttempts(userId: string, accountId: string, email: string): Promise<void> {
  const limiter = rateLimiter();
  const { PASSWORD_ATTEMPTS_PER_USER, PASSWORD_ATTEMPTS_PER_MAILBOX } = config();
  const [byUser, byMailbox] = await timed("rate-limit", () =>
    Promise.all([
      limiter.hit(`password:user:${userId}`, { limit: PASSWORD_ATTEMPTS_PER_USER, windowSeconds: PASSWORD_WINDOW_SECONDS }),
      limiter.hit(`password:mailbox:${accountId}:${email}`, { limit: PASSWORD_ATTEMPTS_PER_MAILBOX, windowSeconds: PASSWORD_WINDOW_SECONDS }),
    ]),
  );
  const blocked = [byUser, byMailbox].filter((result) => !result.allowed);
  if (blocked.length > 0) {
    const retryAfter = Math.max(...blocked.map((result) => result.retryAfterSeconds));
    const minutes = Math.max(1, Math.ceil(retryAfter / 60));
    throw new RateLimitedError(retryAfter, `Too many password changes in a short time. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
}
