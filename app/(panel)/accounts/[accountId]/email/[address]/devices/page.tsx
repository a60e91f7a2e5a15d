import { getTranslations } from "next-intl/server";
import { mailboxOf, taskMetadata, type MailboxParams } from "../load-mailbox";
import { MailboxSection } from "../mailbox-section";
import { DevicesSection } from "../sections/devices-section";
import { WebmailSection } from "../sections/webmail-section";

export const generateMetadata = taskMetadata("devices");

/** Reading the mailbox elsewhere: Webmail in one click, and the settings for mail apps. */
export default async function MailboxDevicesPage({ params }: { params: MailboxParams }) {
  const loaded = await mailboxOf(params);
  if (!loaded.ok) return null;
  const t = await getTranslations("Mailbox");
  return (
    <>
      <MailboxSection id="webmail" title={t("headings.webmail")}>
        <WebmailSection user={loaded.user} account={loaded.account} mailbox={loaded.mailbox} />
      </MailboxSection>
      <MailboxSection id="devices" title={t("headings.devices")}>
        <DevicesSection user={loaded.user} account={loaded.account} mailbox={loaded.mailbox} />
      </MailboxSection>
    </>
  );
}
