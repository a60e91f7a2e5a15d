import type { MailboxSectionProps } from "./section-props";

/** The "Autoresponder" section of the mailbox page. */
export async function AutoresponderSection(_props: MailboxSectionProps) {
  return <p className="mt-1 text-sm text-slate-700">The autoresponder cannot be changed from the panel yet.</p>;
}
