import type { Metadata } from "next";
import Link from "next/link";
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
  const { account, mailbox, forwarding, autoresponder } = loaded;
  const path = (task: Parameters<typeof mailboxPath>[2]) => mailboxPath(account.id, mailbox.email, task);
  return (
    <MailboxSection id="overview" title="Overview">
      <dl className="mt-2 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_minmax(0,1fr)] wrap-anywhere">
        <dt className="font-medium">Forwarding</dt>
        <dd>
          {isUnread(forwarding) ? `Unknown: ${forwarding.error}` : forwarding.delivery}{" "}
          <Link href={path("forwarding")} className={linkClass}>
            Change forwarding
          </Link>
        </dd>
        <dt className="font-medium">Out of office</dt>
        <dd>
          {autoresponder === null
            ? "Off: senders get no automatic reply."
            : isUnread(autoresponder)
              ? `Unknown: ${autoresponder.error}`
              : `On: senders get the reply “${autoresponder.subject}”.`}{" "}
          <Link href={path("out-of-office")} className={linkClass}>
            {autoresponder === null ? "Set up an automatic reply" : "Change the automatic reply"}
          </Link>
        </dd>
        <dt className="font-medium">Mail apps</dt>
        <dd>
          Read this mailbox in Webmail, or add it to a phone or a mail program.{" "}
          <Link href={path("devices")} className={linkClass}>
            Set up devices
          </Link>
        </dd>
        <dt className="font-medium">Quota and restrictions</dt>
        <dd>
          Storage limit, suspending login or mail, held outgoing mail, and deleting the mailbox.{" "}
          <Link href={path("options")} className={linkClass}>
            Options
          </Link>
        </dd>
        <dt className="font-medium">Someone else has the password?</dt>
        <dd>
          Lock the mailbox down in one step, then restore it.{" "}
          <Link href={path("secure")} className={linkClass}>
            Secure this mailbox
          </Link>
        </dd>
      </dl>
    </MailboxSection>
  );
}
