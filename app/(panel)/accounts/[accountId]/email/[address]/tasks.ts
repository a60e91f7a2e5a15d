/**
 * The mailbox page's tasks: one route each under /accounts/A/email/X, so every task keeps its URL (and Back works).
 * Pure data, shared by the task links (client), the page titles and the server actions' refreshes; each task's name
 * is the Mailbox message `tasks.<key>`.
 */
export const mailboxTasks = [
  { segment: null, key: "overview" },
  { segment: "password", key: "password" },
  { segment: "forwarding", key: "forwarding" },
  { segment: "out-of-office", key: "outOfOffice" },
  { segment: "options", key: "options" },
  { segment: "devices", key: "devices" },
  { segment: "secure", key: "secure" },
] as const;

export type MailboxTask = Exclude<(typeof mailboxTasks)[number]["segment"], null>;

/** The key of a task's name in the Mailbox messages (`tasks.<key>`). */
export type MailboxTaskKey = (typeof mailboxTasks)[number]["key"];

/** The URL of a mailbox's page, or of one of its tasks. */
export function mailboxPath(accountId: string, address: string, task?: MailboxTask): string {
  return `/accounts/${accountId}/email/${encodeURIComponent(address)}${task ? `/${task}` : ""}`;
}

/** The message key of a task's name. */
export function taskKey(task: MailboxTask): MailboxTaskKey {
  return mailboxTasks.find((t) => t.segment === task)!.key;
}
