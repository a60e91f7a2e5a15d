import { getTranslations } from "next-intl/server";
import { upstreamMessage } from "@/lib/i18n/upstream";
import { isStaff } from "@/lib/auth/roles";
import { AUTORESPONDER_LIMITS } from "@/lib/mail/autoresponders";
import { UpstreamError } from "@/lib/core/errors";
import { getMailboxAutoresponder } from "@/lib/mail/mailbox-options";
import { ErrorPanel } from "@/components/error-panel";
import { AutoresponderForm } from "@/components/options/autoresponder-form";
import { saveAutoresponder } from "../options-actions";
import type { MailboxSectionProps } from "./section-props";

/** The "Autoresponder" section of the mailbox page. */
export async function AutoresponderSection({ user, account, mailbox }: MailboxSectionProps) {
  let current;
  try {
    current = await getMailboxAutoresponder(user, account.id, mailbox.email);
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return (
      <ErrorPanel title={(await getTranslations("MailboxSections"))("autoresponder.unavailable")}>
        <p>{await upstreamMessage(error)}</p>
      </ErrorPanel>
    );
  }
  return (
    <AutoresponderForm
      accountId={account.id}
      address={mailbox.email}
      values={{
        enabled: current !== null,
        from: current?.from ?? "",
        subject: current?.subject ?? "",
        body: current?.body ?? "",
        isHtml: current?.isHtml ?? false,
        intervalHours: current?.intervalHours ?? 24,
        start: current?.start?.getTime() ?? null,
        end: current?.end?.getTime() ?? null,
      }}
      limits={AUTORESPONDER_LIMITS}
      requireReason={isStaff(user.role)}
      action={saveAutoresponder}
    />
  );
}
