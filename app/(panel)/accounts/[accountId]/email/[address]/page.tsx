import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getMailbox } from "@/lib/mail/mailboxes";
import { NotFoundError, UpstreamError } from "@/lib/core/errors";
import { isStaff } from "@/lib/auth/roles";
import { ErrorPanel } from "@/components/error-panel";
import { DeleteMailboxForm } from "@/components/options/delete-mailbox-form";
import { MailboxBadges } from "@/components/mailbox-badges";
import { QuotaUsage } from "@/components/quota-usage";
import { accountOr404 } from "../../account-or-404";
import { deleteMailboxForm } from "./options-actions";
import { AutoresponderSection } from "./sections/autoresponder-section";
import { ForwardingSection } from "./sections/forwarding-section";
import { OptionsSection } from "./sections/options-section";
import { PasswordSection } from "./sections/password-section";
import { OutgoingSection } from "./sections/outgoing-section";
import { SecureSection } from "./sections/secure-section";
import { WebmailSection } from "./sections/webmail-section";
import { DevicesSection } from "./sections/devices-section";

type Props = { params: Promise<{ accountId: string; address: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { address } = await params;
  return { title: decodeURIComponent(address) };
}

export default async function MailboxPage({ params }: Props) {
  const user = await requireUser();
  const { accountId, address: rawAddress } = await params;
  const account = await accountOr404(user, accountId);
  const address = decodeURIComponent(rawAddress);

  let loaded;
  try {
    loaded = await getMailbox(user, account.id, address);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (!(error instanceof UpstreamError)) throw error;
    return (
      <>
        <Breadcrumb accountId={account.id} domain={account.primaryDomain} address={address} />
        <h1 className="mt-2 text-2xl font-bold">{address}</h1>
        <div className="mt-4">
          <ErrorPanel title="This mailbox could not be loaded">
            <p>{error.message}</p>
          </ErrorPanel>
        </div>
      </>
    );
  }
  const { mailbox } = loaded;

  return (
    <>
      <Breadcrumb accountId={account.id} domain={account.primaryDomain} address={mailbox.email} />
      <h1 className="mt-2 text-2xl font-bold">{mailbox.email}</h1>
      <section aria-labelledby="overview-heading" className="mt-6 rounded-md bg-white p-4 shadow-sm">
        <h2 id="overview-heading" className="text-lg font-semibold">
          Overview
        </h2>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="font-medium">Storage</dt>
          <dd>
            <QuotaUsage diskUsedBytes={mailbox.diskUsedBytes} quotaMb={mailbox.quotaMb} />
          </dd>
          <dt className="font-medium">Status</dt>
          <dd>
            <MailboxBadges {...mailbox} />
          </dd>
        </dl>
      </section>
      <Section id="webmail" title="Webmail">
        <WebmailSection user={user} account={account} mailbox={mailbox} />
      </Section>
      <Section id="devices" title="Set up devices">
        <DevicesSection user={user} account={account} mailbox={mailbox} />
      </Section>
      <Section id="password" title="Password">
        <PasswordSection user={user} account={account} email={mailbox.email} />
      </Section>
      <Section id="forwarding" title="Forwarding">
        <ForwardingSection user={user} account={account} mailbox={mailbox} />
      </Section>
      <Section id="options" title="Options">
        <OptionsSection user={user} account={account} mailbox={mailbox} />
      </Section>
      <Section id="autoresponder" title="Autoresponder">
        <AutoresponderSection user={user} account={account} mailbox={mailbox} />
      </Section>
      <Section id="outgoing" title="Outgoing mail">
        <OutgoingSection user={user} account={account} mailbox={mailbox} />
      </Section>
      <Section id="secure" title="Secure this mailbox">
        <SecureSection user={user} account={account} mailbox={mailbox} />
      </Section>
      <Section id="delete" title="Delete mailbox">
        <DeleteMailboxForm
          accountId={account.id}
          address={mailbox.email}
          diskUsedBytes={mailbox.diskUsedBytes}
          requireReason={isStaff(user.role)}
          action={deleteMailboxForm}
        />
      </Section>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-4 rounded-md bg-white p-4 shadow-sm">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Breadcrumb({ accountId, domain, address }: { accountId: string; domain: string; address: string }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link href="/accounts" className="text-blue-800 underline underline-offset-2">
        Hosting accounts
      </Link>
      <span aria-hidden="true"> / </span>
      <Link href={`/accounts/${accountId}/email`} className="text-blue-800 underline underline-offset-2">
        {domain}
      </Link>
      <span aria-hidden="true"> / </span>
      <span>{address}</span>
    </nav>
  );
}
