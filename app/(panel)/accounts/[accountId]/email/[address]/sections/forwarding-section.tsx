import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { deliveryInRequestLocale } from "@/lib/i18n/delivery";
import { upstreamMessage } from "@/lib/i18n/upstream";
import { isStaff } from "@/lib/auth/roles";
import { getAddressForwarding } from "@/lib/mail/forwarders";
import { UpstreamError } from "@/lib/core/errors";
import { ErrorPanel } from "@/components/error-panel";
import { MailboxForwarding } from "@/components/forwarding/mailbox-forwarding";
import { addMailboxForwarder, removeForwarder } from "../../../forwarders/address-actions";
import type { MailboxSectionProps } from "./section-props";

/** The "Forwarding" section of the mailbox page: where this address's mail goes, read live from cPanel. */
export async function ForwardingSection({ user, account, mailbox }: MailboxSectionProps) {
  const t = await getTranslations("MailboxSections");
  let forwarding;
  try {
    forwarding = await getAddressForwarding(user, account.id, mailbox.email);
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    return (
      <ErrorPanel title={t("forwarding.unavailable")}>
        <p>{await upstreamMessage(error)}</p>
      </ErrorPanel>
    );
  }
  return (
    <>
      <MailboxForwarding
        accountId={account.id}
        forwarding={{ ...forwarding, delivery: await deliveryInRequestLocale(forwarding) }}
        requireReason={isStaff(user.role)}
        addAction={addMailboxForwarder}
        removeAction={removeForwarder}
      />
      <p className="mt-3 text-sm">
        <Link href={`/accounts/${account.id}/forwarders`} className="text-blue-800 underline underline-offset-2">
          {t("forwarding.allForwarders")}
        </Link>
      </p>
    </>
  );
}
