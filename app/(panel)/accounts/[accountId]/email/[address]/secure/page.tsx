import { getTranslations } from "next-intl/server";
import { mailboxOf, taskMetadata, type MailboxParams } from "../load-mailbox";
import { MailboxSection } from "../mailbox-section";
import { SecureSection } from "../sections/secure-section";

export const generateMetadata = taskMetadata("secure");

/** Lock a compromised mailbox down in one step, then the checklist that undoes it. */
export default async function MailboxSecurePage({ params }: { params: MailboxParams }) {
  const loaded = await mailboxOf(params);
  if (!loaded.ok) return null;
  const t = await getTranslations("Mailbox");
  return (
    <MailboxSection id="secure" title={t("headings.secure")}>
      <SecureSection user={loaded.user} account={loaded.account} mailbox={loaded.mailbox} />
    </MailboxSection>
  );
}
