/**
 * The mailbox page's tasks: one route each under /accounts/A/email/X, so every task keeps its URL (and Back works).
 * Pure data, shared by the task links (client), the page titles and the server actions' refreshes.
 */
export const mailboxTasks = [
  { segment: null, label: "Overview" },
  { segment: "password", label: "Change password" },
  { segment: "forwarding", label: "Forwarding" },
  { segment: "out-of-office", label: "Out of office" },
  { segment: "options", label: "Options" },
  { segment: "devices", label: "Set up devices" },
  { segment: "secure", label: "Secure" },
] as const;

export type MailboxTask = Exclude<(typeof mailboxTasks)[number]["segment"], null>;

/** The URL of a mailbox's page, or of one of its tasks. */
export function mailboxPath(accountId: string, address: string, task?: MailboxTask): string {
  return `/accounts/${accountId}/email/${encodeURIComponent(address)}${task ? `/${task}` : ""}`;
}

/** A task page's title: the task, then the mailbox ("Forwarding · info@example.com"). */
export function taskTitle(task: MailboxTask, address: string): string {
  return `${mailboxTasks.find((t) => t.segment === task)!.label} · ${address}`;
}
