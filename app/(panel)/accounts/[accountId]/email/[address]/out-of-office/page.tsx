import { getTranslations } from "next-intl/server";
import { mailboxOf, taskMetadata, type MailboxParams } from "../load-mailbox";
import { MailboxSection } from "../mailbox-section";
import { AutoresponderSection } from "../sections/autoresponder-section";

export const generateMetadata = taskMetadata("out-of-office");

/** The mailbox's automatic reply (cPanel's autoresponder), with its dates and a preview. */
export default async function MailboxOutOfOfficePage({ params }: { params: MailboxParams }) {
  const loaded = await mailboxOf(params);
  if (!loaded.ok) return null;
  const t = await getTranslations("Mailbox");
  return (
    <MailboxSection id="autoresponder" title={t("headings.autoresponder")}>
      <AutoresponderSection user={loaded.user} account={loaded.account} mailbox={loaded.mailbox} />
    </MailboxSection>
  );
}
