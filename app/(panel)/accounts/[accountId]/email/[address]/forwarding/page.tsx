import { getTranslations } from "next-intl/server";
import { mailboxOf, taskMetadata, type MailboxParams } from "../load-mailbox";
import { MailboxSection } from "../mailbox-section";
import { ForwardingSection } from "../sections/forwarding-section";

export const generateMetadata = taskMetadata("forwarding");

/** Where the mailbox's mail is forwarded: add and remove destinations. */
export default async function MailboxForwardingPage({ params }: { params: MailboxParams }) {
  const loaded = await mailboxOf(params);
  if (!loaded.ok) return null;
  const t = await getTranslations("Mailbox");
  return (
    <MailboxSection id="forwarding" title={t("headings.forwarding")}>
      <ForwardingSection user={loaded.user} account={loaded.account} mailbox={loaded.mailbox} />
    </MailboxSection>
  );
}
