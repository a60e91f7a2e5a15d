import { isStaff } from "@/lib/auth/roles";
import { OpenWebmailButton } from "@/components/devices/open-webmail-button";
import { openWebmail } from "./webmail-actions";
import type { MailboxSectionProps } from "./section-props";

/** "Webmail": one click signs in to Webmail as the mailbox with a one-time link. */
export function WebmailSection({ user, account, mailbox }: MailboxSectionProps) {
  return <OpenWebmailButton accountId={account.id} address={mailbox.email} requireReason={isStaff(user.role)} action={openWebmail} />;
}
