import "server-only";
import { CpanelApiError } from "@/lib/cpanel";
import { evaluatePassword } from "@/lib/password/policy";
import { visibleAccount } from "@/lib/mail/accounts";
import { accountApi } from "@/lib/mail/cpanel-access";
import { auditedCpanelWrite, auditRecorder } from "@/lib/mail/audited-write";
import { PasswordTooWeakError } from "@/lib/core/errors";
import { findMailbox } from "@/lib/mail/mailboxes";
import { limitPasswordAttempts } from "@/lib/mail/rate-limits";
import { fromCpanel } from "@/lib/mail/upstream";
import { requireReason, type WriteContext } from "@/lib/core/write-context";
import { notifyOwners } from "@/lib/notify/notify-owners";
import { timed, timedSync } from "@/lib/timings";
import { passwordViolationMessages } from "@/lib/i18n/password-messages";

const REQUIRED_STRENGTH_TTL_MS = 10 * 60 * 1000;
const requiredStrengthCache = new Map<string, { strength: number; expires: number }>();

/** cPanel's required strength for mail on a server (UAPI PasswdStrength::get_required_strength, app pop), cached for 10 minutes. */
async function requiredStrength(account: { serverId: string; serverName: string; cpanelUser: string }): Promise<number> {
  const cached = requiredStrengthCache.get(account.serverId);
  if (cached && cached.expires > Date.now()) return cached.strength;
  const api = await accountApi(account);
  const strength = await fromCpanel(account.serverName, () => api.requiredPasswordStrength("pop"));
  requiredStrengthCache.set(account.serverId, { strength, expires: Date.now() + REQUIRED_STRENGTH_TTL_MS });
  return strength;
}

/** What the password form needs to run the policy in the browser exactly as the server will. */
export async function passwordPolicyContext(actorAccount: { serverId: string; serverName: string; cpanelUser: string }, email: string) {
  return { email, cpanelUser: actorAccount.cpanelUser, requiredCpanelStrength: await requiredStrength(actorAccount) };
}

// cPanel's text for a refused password (Cpanel::Exception::PasswordIsTooWeak).
const CPANEL_TOO_WEAK = /password is too weak/i;

/** cPanel's own refusal of a too-weak password, as the policy's error on `field` (for auditedCpanelWrite's `refusal`). */
export function cpanelRefusedPassword(field: string) {
  return (error: unknown) =>
    error instanceof CpanelApiError && error.messages.some((m) => CPANEL_TOO_WEAK.test(m))
      ? {
          error: new PasswordTooWeakError(field, ["below_cpanel_strength"], error.messages),
          detail: { error: "password_too_weak", rules: ["below_cpanel_strength"], cpanel: error.messages },
        }
      : undefined;
}

/**
 * Sets a mailbox's password (UAPI Email::passwd_pop) after the server-side policy check. A write that
 * times out is settled with UAPI Email::verify_password before anything is reported, never retried.
 */
export async function changeMailboxPassword(
  context: WriteContext,
  accountId: string,
  mailboxRef: string,
  newPassword: string,
): Promise<{ email: string }> {
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  // From the read cache: cPanel itself refuses a mailbox that went away since.
  const mailbox = await findMailbox(account, mailboxRef, { cached: true });
  const row = { accountId: account.id, action: "mailbox.password.change", target: mailbox.email };
  const audit = auditRecorder(context, row);

  await limitPasswordAttempts(context.actor.id, account.id, mailbox.email);

  const policy = await timed("policy", () => passwordPolicyContext(account, mailbox.email));
  const verdict = timedSync("policy", () => evaluatePassword(newPassword, policy));
  if (!verdict.ok) {
    await audit("failure", { error: "password_too_weak", rules: verdict.violations.map((v) => v.code) });
    throw new PasswordTooWeakError(
      "newPassword",
      verdict.violations.map((v) => v.code),
      await passwordViolationMessages(verdict.violations),
    );
  }

  const api = await accountApi(account);
  await auditedCpanelWrite({
    context,
    audit: row,
    serverName: account.serverName,
    write: () => api.changeMailboxPassword(mailbox.email, newPassword),
    refusal: cpanelRefusedPassword("newPassword"),
    // A lost answer is settled by asking cPanel whether the new password works (UAPI Email::verify_password).
    readBack: { read: () => api.verifyMailboxPassword(mailbox.email, newPassword), landed: (works) => works },
    unknownOutcome: (settled) =>
      settled === "not_landed"
        ? `cPanel did not answer in time and has not applied the new password of ${mailbox.email} so far. The old password still works for now; if cPanel was only slow, the new one may start working in a moment. Try it before setting it again.`
        : `cPanel did not confirm the change in time and could not be asked afterwards: the password of ${mailbox.email} may or may not have changed. Try the new password in a moment, or set it again.`,
  });
  await timed("notify", () => notifyOwners(context, account.id, { kind: "mailbox.password_changed", mailbox: mailbox.email }));
  return { email: mailbox.email };
}
