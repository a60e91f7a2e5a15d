import "server-only";
import { CpanelApiError, CpanelError } from "@/lib/cpanel";
import { evaluatePassword } from "@/lib/password/policy";
import { visibleAccount } from "@/lib/mail/accounts";
import { auditWrite, failureDetail } from "@/lib/mail/audit";
import { accountApi } from "@/lib/mail/cpanel-access";
import { PasswordTooWeakError, UpstreamError } from "@/lib/mail/errors";
import { findMailbox } from "@/lib/mail/mailboxes";
import { limitPasswordAttempts } from "@/lib/mail/rate-limits";
import { fromCpanel, toUpstreamError } from "@/lib/mail/upstream";
import { requireReason, type WriteContext } from "@/lib/mail/write-context";
import { settleWrite } from "@/lib/mail/settle";

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
  const audit = (outcome: "success" | "failure" | "unknown", detail?: Record<string, unknown>) =>
    auditWrite(context, { accountId: account.id, action: "mailbox.password.change", target: mailbox.email, outcome, detail });

  await limitPasswordAttempts(context.actor.id, account.id, mailbox.email);

  const verdict = evaluatePassword(newPassword, await passwordPolicyContext(account, mailbox.email));
  if (!verdict.ok) {
    await audit("failure", { error: "password_too_weak", rules: verdict.violations.map((v) => v.code) });
    throw new PasswordTooWeakError(
      "newPassword",
      verdict.violations.map((v) => v.code),
      verdict.violations.map((v) => v.message),
    );
  }

  const api = await accountApi(account);
  try {
    await api.changeMailboxPassword(mailbox.email, newPassword);
  } catch (error) {
    if (error instanceof CpanelApiError && error.messages.some((m) => CPANEL_TOO_WEAK.test(m))) {
      await audit("failure", { error: "password_too_weak", rules: ["below_cpanel_strength"], cpanel: error.messages });
      throw new PasswordTooWeakError("newPassword", ["below_cpanel_strength"], error.messages);
    }
    if (error instanceof CpanelError && error.outcomeUnknown) {
      return settleUnknownOutcome(account, mailbox.email, newPassword, error, audit);
    }
    const upstream = toUpstreamError(error, account.serverName);
    await audit("failure", failureDetail(upstream));
    throw upstream;
  }
  await audit("success");
  return { email: mailbox.email };
}

/** After a timed-out passwd_pop: ask cPanel (Email::verify_password) whether the new password works, and say only what is known. */
async function settleUnknownOutcome(
  account: { serverId: string; serverName: string; cpanelUser: string },
  email: string,
  newPassword: string,
  cause: CpanelError,
  audit: (outcome: "success" | "failure" | "unknown", detail?: Record<string, unknown>) => Promise<void>,
): Promise<{ email: string }> {
  const api = await accountApi(account);
  const settled = await settleWrite(() => api.verifyMailboxPassword(email, newPassword), (works) => works);
  if (settled.outcome === "landed") {
    await audit("success", { settledAfter: cause.name });
    return { email };
  }
  const answered = settled.outcome === "not_landed";
  await audit("unknown", { error: cause.name, settled: answered ? "not_applied_yet" : "no_answer" });
  throw new UpstreamError(
    "unknown_outcome",
    answered
      ? `cPanel did not answer in time and has not applied the new password of ${email} so far. The old password still works for now; if cPanel was only slow, the new one may start working in a moment. Try it before setting it again.`
      : `cPanel did not confirm the change in time and could not be asked afterwards: the password of ${email} may or may not have changed. Try the new password in a moment, or set it again.`,
    { cause },
  );
}
