import type { MailboxSectionProps } from "./section-props";

/** The "Forwarding" section of the mailbox page. */
export async function ForwardingSection(_props: MailboxSectionProps) {
  return <p className="mt-1 text-sm text-slate-700">Managing forwarders from the panel is not available yet.</p>;
}
