import { isStaff } from "@/lib/auth/roles";
import { getAccountMaxQuota } from "@/lib/mail/mailbox-options";
import { OptionsForm } from "@/components/options/options-form";
import { saveOptions } from "../options-actions";
import type { MailboxSectionProps } from "./section-props";

/** The "Options" section of the mailbox page: quota and restrictions. */
export async function OptionsSection({ user, account, mailbox }: MailboxSectionProps) {
  const maxQuotaMb = await getAccountMaxQuota(user, account.id);
  return (
    <OptionsForm
      accountId={account.id}
      address={mailbox.email}
      values={{
        quotaMb: mailbox.quotaMb,
        diskUsedBytes: mailbox.diskUsedBytes,
        maxQuotaMb,
        suspendLogin: mailbox.suspendLogin,
        suspendIncoming: mailbox.suspendIncoming,
        suspendOutgoing: mailbox.suspendOutgoing,
        holdOutgoing: mailbox.holdOutgoing,
      }}
      requireReason={isStaff(user.role)}
      action={saveOptions}
    />
  );
}
