import { getTranslations } from "next-intl/server";
import { ErrorPanel } from "@/components/error-panel";
import { MailboxSummaryChips } from "@/components/mailbox-summary-chips";
import { QuotaUsage } from "@/components/quota-usage";
import { isUnread } from "@/lib/mail/mailbox-overview";
import { loadOverview } from "./load-mailbox";

/** The summary under the mailbox's title: storage, state, forwarding and out of office, from the page's one read. */
export async function MailboxSummary({ accountId, rawAddress }: { accountId: string; rawAddress: string }) {
  const [loaded, t] = await Promise.all([loadOverview(accountId, rawAddress), getTranslations("Mailbox")]);
  if (!loaded.ok) {
    return (
      <div className="mt-4">
        <ErrorPanel title={t("loadFailed")}>
          <p>{loaded.message}</p>
        </ErrorPanel>
      </div>
    );
  }
  const { mailbox, forwarding, autoresponder } = loaded;
  return (
    <section
      aria-label={t("summary")}
      className="mt-4 flex flex-col gap-3 rounded-md bg-white p-4 shadow-sm sm:flex-row sm:flex-wrap sm:items-center sm:gap-6"
    >
      <div className="max-w-xs">
        <QuotaUsage diskUsedBytes={mailbox.diskUsedBytes} quotaMb={mailbox.quotaMb} />
      </div>
      <MailboxSummaryChips
        address={mailbox.email}
        suspendLogin={mailbox.suspendLogin}
        suspendIncoming={mailbox.suspendIncoming}
        suspendOutgoing={mailbox.suspendOutgoing}
        holdOutgoing={mailbox.holdOutgoing}
        forwardCount={isUnread(forwarding) ? null : forwarding.destinations.length}
        outOfOffice={
          autoresponder === null
            ? null
            : isUnread(autoresponder)
              ? "unknown"
              : { start: autoresponder.start?.getTime() ?? null, end: autoresponder.end?.getTime() ?? null }
        }
        // eslint-disable-next-line react-hooks/purity -- a server component renders once per request: this is when the data was read.
        now={Date.now()}
      />
    </section>
  );
}

/** The summary's box while it is on its way: the same height, so nothing below it moves. */
export function MailboxSummarySkeleton() {
  return (
    <div aria-hidden="true" className="mt-4 h-[6.125rem] animate-pulse rounded-md bg-white p-4 shadow-sm motion-reduce:animate-none sm:h-[3.875rem]">
      <div className="h-full rounded bg-slate-200" />
    </div>
  );
}
