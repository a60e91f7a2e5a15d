import "server-only";
import { config } from "@/lib/config";
import { attemptWithinBudget, rateLimiter, type RateLimitRule } from "@/lib/auth/rate-limit";
import { normalizeEmail } from "@/lib/db/users";
import { verifyUserPassword } from "@/lib/auth/verify-password";
import { auditWrite } from "@/lib/audit/write";
import { RateLimitedError, ValidationError } from "@/lib/core/errors";
import type { WriteContext } from "@/lib/core/write-context";
import { translator } from "@/lib/i18n/server";

/**
 * The budget of wrong passwords for one account (LOGIN_MAX_FAILURES per LOGIN_WINDOW_SECONDS): sign-in
 * (lib/auth/sign-in.ts) and every re-entry of the panel password draw on the same one.
 */
export function passwordBudget(email: string): { key: string; rule: RateLimitRule } {
  const { LOGIN_MAX_FAILURES: limit, LOGIN_WINDOW_SECONDS: windowSeconds } = config();
  return { key: `login:account:${normalizeEmail(email)}`, rule: { limit, windowSeconds } };
}

/**
 * Confirms the signed-in person's panel password before a sensitive change (an API token, two-factor sign-in on
 * or off). Wrong passwords draw on the account's sign-in budget, counted before the password is checked, so a
 * stolen session cannot guess faster here than at the sign-in page; over budget even the right one is refused
 * (RateLimitedError). A wrong password is a ValidationError on `currentPassword`. Refusals are audited as denied.
 */
export async function confirmPanelPassword(context: WriteContext, password: string, audit: { action: string; target?: string }): Promise<void> {
  const { actor } = context;
  const { key, rule } = passwordBudget(actor.email);
  const attempt = await attemptWithinBudget(rateLimiter(), key, rule, async () => {
    const user = password ? await verifyUserPassword(actor.email, password) : null;
    return user && user.id === actor.id && !user.lockedAt ? user : null;
  });
  if (attempt.status === "passed") return;
  await auditWrite(context, {
    accountId: null,
    action: audit.action,
    target: audit.target,
    outcome: "denied",
    detail: { error: attempt.status === "blocked" ? "rate_limited" : "wrong_password" },
  });
  if (attempt.status === "blocked" || attempt.remaining === 0) {
    const minutes = Math.max(1, Math.ceil(attempt.retryAfterSeconds / 60));
    throw new RateLimitedError(attempt.retryAfterSeconds, `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  throw new ValidationError({ currentPassword: [(await translator("Fields"))("panelPasswordWrong")] });
}
