import { getTranslations } from "next-intl/server";
import { isStaff } from "@/lib/auth/roles";
import { DeleteMailboxForm } from "@/components/options/delete-mailbox-form";
import { mailboxOf, taskMetadata, type MailboxParams } from "../load-mailbox";
import { MailboxSection } from "../mailbox-section";
import { deleteMailboxForm } from "../options-actions";
import { OptionsSection } from "../sections/options-section";
import { OutgoingSection } from "../sections/outgoing-section";

export const generateMetadata = taskMetadata("options");

/** Quota and restrictions, the held outgoing mail, and deleting the mailbox: each box with its own button. */
export default async function MailboxOptionsPage({ params }: { params: MailboxParams }) {
  const loaded = await mailboxOf(params);
  if (!loaded.ok) return null;
  const t = await getTranslations("Mailbox");
  const { user, account, mailbox } = loaded;
  return (
    <>
      <MailboxSection id="options" title={t("headings.options")}>
        <OptionsSection user={user} account={account} mailbox={mailbox} />
      </MailboxSection>
      <MailboxSection id="outgoing" title={t("headings.outgoing")}>
        <OutgoingSection user={user} account={account} mailbox={mailbox} />
      </MailboxSection>
      <MailboxSection id="delete" title={t("headings.delete")}>
        <DeleteMailboxForm
          accountId={account.id}
          address={mailbox.email}
          diskUsedBytes={mailbox.diskUsedBytes}
          requireReason={isStaff(user.role)}
          action={deleteMailboxForm}
        />
      </MailboxSection>
    </>
  );
}
