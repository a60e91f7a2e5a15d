import type { Actor } from "@/lib/core/actor";
import type { MailboxSummary as Mailbox } from "@/lib/mail/mailboxes";

/** What every section of the mailbox page receives from the page (already checked: the actor may see the account). */
export type MailboxSectionProps = {
  user: Actor;
  account: { id: string; serverId: string; serverName: string; cpanelUser: string; primaryDomain: string };
  mailbox: Mailbox;
};
