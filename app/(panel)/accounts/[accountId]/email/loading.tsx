import { AccountHeaderSkeleton, Bar, SkeletonPage } from "../skeleton";
import { MailboxListSkeleton } from "./list-skeleton";

/** The mailbox list's shape while the page is on its way: header, search, a few rows, the create form's box. */
export default function Loading() {
  return (
    <SkeletonPage label="Loading the mailboxes…" header={<AccountHeaderSkeleton title="Mailboxes of example.com" current="email" />}>
      <div className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <p className="text-sm font-medium">
            <Bar text="Search by address" />
          </p>
          <div className="mt-1 h-[38px] w-72 max-w-full rounded-md bg-slate-200" />
        </div>
        <div className="h-8 w-20 rounded-md bg-slate-200" />
      </div>
      <MailboxListSkeleton />
    </SkeletonPage>
  );
}
