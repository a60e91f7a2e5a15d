import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { accountOr404 } from "../../account-or-404";
import { addressFromUrl, type MailboxParams } from "./load-mailbox";
import { MailboxSummary, MailboxSummarySkeleton } from "./mailbox-summary";
import { TaskNav } from "./task-nav";
import { mailboxTasks } from "./tasks";

/**
 * The mailbox's hub: breadcrumb, the address as title, its summary and its tasks, around the open task's page. The
 * frame needs no cPanel read, so it shows at once; the summary streams in from the read the page shares.
 */
export default async function MailboxLayout({ children, params }: { children: ReactNode; params: MailboxParams }) {
  const { accountId, address: rawAddress } = await params;
  const account = await accountOr404(await requireUser(), accountId);
  const address = addressFromUrl(rawAddress);
  const t = await getTranslations("Mailbox");
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="text-sm">
        <Link href="/accounts" className="text-blue-800 underline underline-offset-2">
          {t("hostingAccounts")}
        </Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/accounts/${account.id}/email`} className="text-blue-800 underline underline-offset-2">
          {account.primaryDomain}
        </Link>
        <span aria-hidden="true"> / </span>
        <span>{address}</span>
      </nav>
      <h1 className="mt-2 text-2xl font-bold break-words">{address}</h1>
      <Suspense fallback={<MailboxSummarySkeleton />}>
        <MailboxSummary accountId={accountId} rawAddress={rawAddress} />
      </Suspense>
      <TaskNav
        accountId={account.id}
        address={address}
        label={t("tasksLabel")}
        tasks={mailboxTasks.map((task) => ({ segment: task.segment, label: t(`tasks.${task.key}`) }))}
      />
      {children}
    </>
  );
}
