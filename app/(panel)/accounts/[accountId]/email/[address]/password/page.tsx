import { getTranslations } from "next-intl/server";
import { mailboxOf, taskMetadata, type MailboxParams } from "../load-mailbox";
import { MailboxSection } from "../mailbox-section";
import { PasswordSection } from "../sections/password-section";

export const generateMetadata = taskMetadata("password");

/** Change the mailbox's password: the one form, with cPanel's strength rule read first. */
export default async function MailboxPasswordPage({ params }: { params: MailboxParams }) {
  const loaded = await mailboxOf(params);
  if (!loaded.ok) return null;
  const t = await getTranslations("Mailbox");
  return (
    <MailboxSection id="password" title={t("headings.password")}>
      <PasswordSection user={loaded.user} account={loaded.account} email={loaded.mailbox.email} />
    </MailboxSection>
  );
}
