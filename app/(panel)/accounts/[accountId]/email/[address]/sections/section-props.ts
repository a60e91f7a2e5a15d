import type { Actor } from "@/lib/auth/session";
import type { Mailbox } from "@/lib/cpanel";

/** What every section of the mailbox page receives from the page (already checked: the actor may see the account). */
export type MailboxSectionProps = {
  user: Actor;
  account: { id: string; serverId: string; serverName: string; cpanelUser: string; primaryDomain: string };
  mailbox: Mailbox;
};
