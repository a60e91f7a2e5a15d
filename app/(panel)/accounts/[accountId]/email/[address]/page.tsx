import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { deliveryInRequestLocale } from "@/lib/i18n/delivery";
import { isUnread } from "@/lib/mail/mailbox-overview";
import { addressFromUrl, overviewOf, type MailboxParams } from "./load-mailbox";
import { MailboxSection } from "./mailbox-section";
import { mailboxPath } from "./tasks";

type Props = { params: MailboxParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: addressFromUrl((await params).address) };
}

const linkClass = "text-blue-800 underline underline-offset-2";

/** The mailbox's overview: what its mail does now, in sentences, each with the task that changes it. No cPanel read of its own. */
export default async function MailboxOverviewPage({ params }: Props) {
  const loaded = await overviewOf(params);
  if (!loaded.ok) return null;
  const t = await getTranslations("Mailbox");
  const { account, mailbox, forwarding, autoresponder } = loaded;
  const path = (task: Parameters<typeof mailboxPath>[2]) => mailboxPath(account.id, mailbox.email, task);
  return (
    <MailboxSection id="overview" title={t("headings.overview")}>
      <dl className="mt-2 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_minmax(0,1fr)] wrap-anywhere">
        <dt className="font-medium">{t("overview.forwarding")}</dt>
        <dd>
          {isUnread(forwarding) ? t("overview.unknown", { error: forwarding.error }) : await deliveryInRequestLocale(forwarding)}{" "}
          <Link href={path("forwarding")} className={linkClass}>
            {t("overview.changeForwarding")}
          </Link>
        </dd>
        <dt className="font-medium">{t("overview.outOfOffice")}</dt>
        <dd>
          {autoresponder === null
            ? t("overview.replyOff")
            : isUnread(autoresponder)
              ? t("overview.unknown", { error: autoresponder.error })
              : t("overview.replyOn", { subject: autoresponder.subject })}{" "}
          <Link href={path("out-of-office")} className={linkClass}>
            {autoresponder === null ? t("overview.setUpReply") : t("overview.changeReply")}
          </Link>
        </dd>
        <dt className="font-medium">{t("overview.mailApps")}</dt>
        <dd>
          {t("overview.mailAppsText")}{" "}
          <Link href={path("devices")} className={linkClass}>
            {t("overview.setUpDevices")}
          </Link>
        </dd>
        <dt className="font-medium">{t("overview.quota")}</dt>
        <dd>
          {t("overview.quotaText")}{" "}
          <Link href={path("options")} className={linkClass}>
            {t("overview.options")}
          </Link>
        </dd>
        <dt className="font-medium">{t("overview.compromised")}</dt>
        <dd>
          {t("overview.compromisedText")}{" "}
          <Link href={path("secure")} className={linkClass}>
            {t("overview.secure")}
          </Link>
        </dd>
      </dl>
    </MailboxSection>
  );
}
