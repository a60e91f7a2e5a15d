import "server-only";
import { setTimeout as delay } from "node:timers/promises";
import { config } from "@/lib/config";
import type { Actor } from "@/lib/core/actor";
import { RateLimitedError, ValidationError } from "@/lib/core/errors";
import { writeContext } from "@/lib/core/write-context";
import { rateLimiter } from "@/lib/auth/rate-limit";
import { auditWrite } from "@/lib/audit/write";
import { findUserByEmail, normalizeEmail, type User } from "@/lib/db/users";
import { latestInvitationOf } from "@/lib/db/invitations";
import { createPasswordResetToken, findPasswordResetUser, resetPasswordWithToken } from "@/lib/db/password-resets";
import { isLinkTokenShape } from "@/lib/db/one-time-token";
import { enqueueMail } from "@/lib/notify/enqueue-mail";
import { panelPasswordErrors } from "@/lib/mail/invitations";
import { requestLocale, translator } from "@/lib/i18n/server";
import { isLocale } from "@/lib/i18n/locales";
import { passwordResetWords } from "@/lib/notify/templates/password-reset";

/** A reset link works for 30 minutes. */
export const RESET_LINK_VALID_MS = 30 * 60_000;
/** As at sign-in (lib/auth/sign-in.ts): the per-address budget is wider than the per-account one. */
const IP_FACTOR = 4;
/**
 * Every request takes at least this long, whether or not the address has a login, so the time of the answer does
 * not tell which addresses exist (the known path writes a token and queues a mail; the unknown path does nothing).
 */
const MIN_ANSWER_MS = 400;

function actorOf(user: User): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/**
 * "Forgot your password?": mails a single-use link valid for 30 minutes when the address has a login that can sign in,
 * and answers the same either way. Requests count against the sign-in limits (LOGIN_MAX_FAILURES per
 * LOGIN_WINDOW_SECONDS per address, four times that per client IP), in counters of their own so that asking for
 * links cannot lock anyone out of signing in. Over the limit: RateLimitedError, for known and unknown addresses alike.
 */
export async function requestPasswordReset(input: { email: string; ip: string }): Promise<void> {
  const started = Date.now();
  const email = normalizeEmail(input.email);
  const { LOGIN_MAX_FAILURES: limit, LOGIN_WINDOW_SECONDS: windowSeconds } = config();
  const limiter = rateLimiter();
  const byIp = await limiter.hit(`reset:ip:${input.ip}`, { limit: limit * IP_FACTOR, windowSeconds });
  const byAccount = byIp.allowed ? await limiter.hit(`reset:account:${email}`, { limit, windowSeconds }) : byIp;
  if (!byIp.allowed || !byAccount.allowed) {
    const retryAfterSeconds = Math.max(byIp.retryAfterSeconds, byAccount.retryAfterSeconds);
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    throw new RateLimitedError(retryAfterSeconds, `Too many requests for a reset link. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }

  const user = email ? await findUserByEmail(email) : null;
  if (user && !user.lockedAt && (await canSignInWithPassword(user))) {
    const { token, expiresAt } = await createPasswordResetToken(user.id, RESET_LINK_VALID_MS);
    await auditWrite(writeContext(actorOf(user), "web"), {
      accountId: null,
      action: "user.password.reset.request",
      target: user.email,
      outcome: "success",
      detail: { expiresAt },
    });
    const data = { linkPath: `/reset-password/${token}`, expiresAt, validMinutes: RESET_LINK_VALID_MS / 60_000 };
    // The owner's language, else the one of the browser that asked (the forgot-password page follows it).
    const locale = isLocale(user.locale) ? user.locale : await requestLocale();
    await enqueueMail({
      key: `password-reset:${user.id}:${expiresAt}`,
      to: user.email,
      template: "password-reset",
      data: { ...data, locale, words: passwordResetWords(await translator("PasswordResetMail", locale), data, locale) },
    });
  }
  const left = MIN_ANSWER_MS - (Date.now() - started);
  if (left > 0) await delay(left);
}

/** A login still waiting on its invitation has no password to reset: the invitation is its way in. */
async function canSignInWithPassword(user: User): Promise<boolean> {
  const invitation = await latestInvitationOf(user.id);
  return !invitation || invitation.state === "accepted";
}

/** Whether a reset link can still be used, and for which address (for its page); the token is the proof. */
export async function resetLinkView(token: string): Promise<{ valid: true; email: string } | { valid: false }> {
  const user = isLinkTokenShape(token) ? await findPasswordResetUser(token) : null;
  return user ? { valid: true, email: user.email } : { valid: false };
}

/** The refusal of a link that is spent or unknown, in the request's language. */
async function spentLink(): Promise<ValidationError> {
  const message = (await translator("ResetPassword"))("spentLink");
  return new ValidationError({ form: [message] }, message);
}

/**
 * Sets a new panel password through a reset link: checks the policy, spends the link, and ends every session of the
 * user. Two-factor sign-in stays as it was: a user who has it still needs the code (staff cannot lose it by e-mail).
 */
export async function resetPasswordWithLink(token: string, password: string, confirmPassword: string): Promise<{ email: string }> {
  const user = isLinkTokenShape(token) ? await findPasswordResetUser(token) : null;
  if (!user) throw await spentLink();
  const errors = await panelPasswordErrors(password, confirmPassword, user.email);
  if (errors) throw new ValidationError(errors);
  const updated = await resetPasswordWithToken(token, password);
  if (!updated) throw await spentLink();
  await auditWrite(writeContext(actorOf(updated), "web"), {
    accountId: null,
    action: "user.password.reset",
    target: updated.email,
    outcome: "success",
    detail: { sessionsEnded: true, twoFactorKept: updated.twoFactorEnabled },
  });
  return { email: updated.email };
}
