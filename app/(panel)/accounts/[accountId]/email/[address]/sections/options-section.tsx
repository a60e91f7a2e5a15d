import type { MailboxSectionProps } from "./section-props";

/** The "Options" section of the mailbox page: quota and restrictions. */
export async function OptionsSection(_props: MailboxSectionProps) {
  return <p className="mt-1 text-sm text-slate-700">Quota and restrictions cannot be changed from the panel yet.</p>;
}
