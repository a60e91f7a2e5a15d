import "server-only";
import type { Actor } from "@/lib/core/actor";
import { evaluatePassword } from "@/lib/password/policy";
import { visibleAccount } from "@/lib/mail/accounts";
import { auditedCpanelWrite, auditRecorder } from "@/lib/mail/audited-write";
import { accountApi, cachedAccountApi } from "@/lib/mail/cpanel-access";
import { PasswordTooWeakError, ValidationError } from "@/lib/core/errors";
import { translator } from "@/lib/i18n/server";
import { mailboxPublicId } from "@/lib/mail/mailbox-id";
import { accountMaxQuota, quotaProblems } from "@/lib/mail/mailbox-options";
import { findMailbox } from "@/lib/mail/mailboxes";
import { cpanelRefusedPassword, passwordPolicyContext } from "@/lib/mail/passwords";
import { fromCpanel } from "@/lib/mail/upstream";
import { requireReason, type WriteContext } from "@/lib/core/write-context";
import { notifyOwners } from "@/lib/notify/notify-owners";
import { passwordViolationMessages } from "@/lib/i18n/password-messages";

/** The quota a new mailbox gets unless told otherwise (cPanel's own default, capped at the account maximum). */
export const DEFAULT_NEW_QUOTA_MB = 1024;

// A local part cPanel accepts and mail clients handle: letters, digits, . _ - (no "+": it is the plus-addressing separator).
const LOCAL_PART = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/;

/** What the create form needs: the account's mail domains (main first) and its maximum mailbox quota. */
export async function mailboxCreationContext(actor: Actor, accountId: string) {
  const account = await visibleAccount(actor, accountId);
  const api = await cachedAccountApi(account);
  const [domains, maxQuotaMb, required] = await Promise.all([
    fromCpanel(account.serverName, () => api.listMailDomains()),
    accountMaxQuota(account),
    passwordPolicyContext(account, `new@${account.primaryDomain}`),
  ]);
  return { domains, maxQuotaMb, cpanelUser: account.cpanelUser, requiredCpanelStrength: required.requiredCpanelStrength };
}

/** `quotaMb` null = unlimited; undefined = the default (1024 MB, capped at the account's maximum). */
export type NewMailbox = { localPart: string; domain: string; password: string; quotaMb?: number | null };

/** Creates a mailbox (UAPI Email::add_pop) after the same password policy as a password change; answers what cPanel reports afterwards. */
export async function createMailbox(context: WriteContext, accountId: string, input: NewMailbox) {
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  const api = await accountApi(account);
  const localPart = input.localPart.trim().toLowerCase();
  const domain = input.domain.trim().toLowerCase();
  const email = `${localPart}@${domain}`;
  const row = { accountId: account.id, action: "mailbox.create", target: email };
  const audit = auditRecorder(context, row);

  const [domains, existing, maxQuotaMb] = await Promise.all([
    fromCpanel(account.serverName, () => api.listMailDomains()),
    fromCpanel(account.serverName, () => api.listMailboxes()),
    accountMaxQuota(account),
  ]);
  const quotaMb = input.quotaMb === undefined ? Math.min(DEFAULT_NEW_QUOTA_MB, maxQuotaMb ?? DEFAULT_NEW_QUOTA_MB) : input.quotaMb;
  const errors: Record<string, string[]> = {};
  const t = await translator("Fields");
  if (!LOCAL_PART.test(localPart) || localPart.includes("..")) {
    errors.localPart = [t("localPartInvalid")];
  } else if (existing.some((m) => m.email.toLowerCase() === email)) {
    errors.localPart = [t("mailboxExists", { email })];
  }
  if (!domains.some((d) => d.toLowerCase() === domain)) errors.domain = [t("chooseDomain")];
  const quota = await quotaProblems(quotaMb, { accountMaxQuotaMb: maxQuotaMb, diskUsedBytes: 0, confirmBelowUsage: true });
  if (quota.length) errors.quota = quota;
  const verdict = evaluatePassword(input.password, await passwordPolicyContext(account, email));
  if (!verdict.ok) errors.password = await passwordViolationMessages(verdict.violations);
  if (Object.keys(errors).length) {
    await audit("failure", { error: "invalid_request", fields: Object.keys(errors) });
    if (Object.keys(errors).length === 1 && errors.password) {
      throw new PasswordTooWeakError(
        "password",
        verdict.violations.map((v) => v.code),
        errors.password,
      );
    }
    throw new ValidationError(errors);
  }

  const { state: after } = await auditedCpanelWrite({
    context,
    audit: row,
    serverName: account.serverName,
    write: () => api.addMailbox({ email, password: input.password, quotaMb }),
    refusal: cpanelRefusedPassword("password"),
    readBack: { read: () => api.listMailboxes(), landed: (list) => list.some((m) => m.email.toLowerCase() === email), confirm: true },
    // Not in the list after a lost answer: it was not created (the original error is shown).
    notShownMeansFailed: true,
    unknownOutcome: () =>
      `cPanel did not confirm in time whether ${email} was created. Look for it in the list in a moment before creating it again.`,
    successDetail: (list) => ({ after: { quotaMb: list?.find((m) => m.email.toLowerCase() === email)?.quotaMb ?? null } }),
  });
  const mailbox = after!.find((m) => m.email.toLowerCase() === email)!;
  await notifyOwners(context, account.id, { kind: "mailbox.created", mailbox: mailbox.email });
  return { id: mailboxPublicId(account.id, mailbox.email), email: mailbox.email, quotaMb: mailbox.quotaMb };
}

/**
 * Deletes a mailbox and the mail in it (UAPI Email::delete_pop; cPanel also removes its autoresponder and keeps
 * forwarders). A timed-out delete is settled by listing the mailboxes again.
 */
export async function deleteMailbox(context: WriteContext, accountId: string, mailboxRef: string): Promise<{ email: string }> {
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  const mailbox = await findMailbox(account, mailboxRef);
  const before = {
    quotaMb: mailbox.quotaMb,
    diskUsedBytes: mailbox.diskUsedBytes,
    suspendLogin: mailbox.suspendLogin,
    suspendIncoming: mailbox.suspendIncoming,
    suspendOutgoing: mailbox.suspendOutgoing,
    holdOutgoing: mailbox.holdOutgoing,
  };
  const api = await accountApi(account);
  const email = mailbox.email.toLowerCase();
  await auditedCpanelWrite({
    context,
    audit: { accountId: account.id, action: "mailbox.delete", target: mailbox.email, detail: { before } },
    serverName: account.serverName,
    write: () => api.deleteMailbox(mailbox.email),
    readBack: { read: () => api.listMailboxes(), landed: (list) => !list.some((m) => m.email.toLowerCase() === email) },
    notShownMeansFailed: true,
    unknownOutcome: () => `cPanel did not confirm in time whether ${mailbox.email} was deleted. Reload the list in a moment to see.`,
  });
  await notifyOwners(context, account.id, { kind: "mailbox.deleted", mailbox: mailbox.email });
  return { email: mailbox.email };
}
