import { AccountHeaderSkeleton, Bar, SkeletonPage } from "../skeleton";

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
      <div className="mt-4">
        <p className="text-sm">
          <Bar text="12 mailboxes." />
        </p>
        <div className="mt-2 space-y-2 sm:space-y-px">
          {Array.from({ length: 5 }, (_, i) => (
            <div key={i} className="h-24 rounded-md bg-white shadow-sm sm:h-10 sm:rounded-none" />
          ))}
        </div>
      </div>
      <section className="mt-6 h-[34rem] rounded-md bg-white p-4 shadow-sm">
        <p className="text-lg font-semibold">
          <Bar text="Create a mailbox" />
        </p>
      </section>
    </SkeletonPage>
  );
}
