import "server-only";
import { requestFacts } from "@/lib/audit/write";
import { isStaff } from "@/lib/auth/roles";
import type { WriteContext } from "@/lib/core/write-context";
import { listApiTokens } from "@/lib/db/api-tokens";
import { findHostingAccount } from "@/lib/db/hosting-accounts";
import { findUserById, type User } from "@/lib/db/users";
import { errorField, log } from "@/lib/log";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/server";
import { enqueueMail } from "./enqueue-mail";
import { wordEvent, type AccountSecurityEvent, type SecurityEvent, type SecurityWords, type UserSecurityEvent } from "./security-events";
import { mailLabels } from "./templates/security-alert";

export type { AccountSecurityEvent, UserSecurityEvent };

/** "you", "Support", "the API token 'deploy'": who did it, as the recipient reads it. */
async function whoDidIt(context: WriteContext, recipient: User, t: SecurityWords): Promise<{ who: string; own: boolean }> {
  if (isStaff(context.actor.role) && context.actor.id !== recipient.id) return { who: t("who.support"), own: false };
  const own = context.actor.id === recipient.id;
  if (context.via === "api" && context.apiTokenId) {
    const token = (await listApiTokens(context.actor.id)).find((candidate) => candidate.id === context.apiTokenId);
    const name = token ? t("who.token", { name: token.name }) : t("who.someToken");
    return { who: own ? t("who.youWith", { token: name }) : name, own };
  }
  return { who: own ? t("who.you") : (context.actor.name ?? context.actor.email), own };
}

async function notify(
  context: WriteContext,
  recipient: User,
  event: SecurityEvent,
  account: { id: string; label: string; domains: string[] } | undefined,
) {
  // In the recipient's language: their setting, else English (a mail has no browser to ask).
  const locale = isLocale(recipient.locale) ? recipient.locale : DEFAULT_LOCALE;
  const t = await translator("SecurityMail", locale);
  const words = wordEvent(event, account, t);
  const { who, own } = await whoDidIt(context, recipient, t);
  // The address only for the owner's own actions: support's address is none of the customer's business.
  const fromAddress = own ? ((await requestFacts()).ip ?? null) : null;
  await enqueueMail({
    // One notice per write and recipient: a replayed or retried request with the same id never mails twice.
    key: `security:${event.kind}:${context.requestId}:${account?.id ?? "-"}:${words.target}:${recipient.id}`,
    to: recipient.email,
    template: "security-alert",
    data: {
      recipientName: recipient.name,
      title: words.title,
      summary: words.summary,
      facts: words.facts,
      warning: words.warning,
      who,
      at: new Date().toISOString(),
      fromAddress,
      reviewPath: words.reviewPath,
      locale,
      labels: mailLabels(t),
    },
  });
}

/**
 * Queues a security notice to the panel user(s) owning the hosting account, after a write succeeded. Never throws:
 * the write stands whether or not its notice could be queued (that failure is logged).
 */
export async function notifyOwners(context: WriteContext, accountId: string, event: AccountSecurityEvent): Promise<void> {
  try {
    const account = await findHostingAccount(accountId);
    if (!account?.ownerUserId) return;
    const owner = await findUserById(account.ownerUserId);
    if (!owner || owner.lockedAt) return;
    await notify(context, owner, event, {
      id: account.id,
      label: `${account.primaryDomain} (${account.cpanelUser})`,
      domains: [account.primaryDomain],
    });
  } catch (error) {
    log().error({ ...errorField(error), event: event.kind, accountId, requestId: context.requestId }, "A security notice could not be queued");
  }
}

/** Queues a security notice about a user's own login (2FA off, a new API token). Never throws, like notifyOwners. */
export async function notifyUser(context: WriteContext, userId: string, event: UserSecurityEvent): Promise<void> {
  try {
    const user = await findUserById(userId);
    if (!user) return;
    await notify(context, user, event, undefined);
  } catch (error) {
    log().error({ ...errorField(error), event: event.kind, userId, requestId: context.requestId }, "A security notice could not be queued");
  }
}
