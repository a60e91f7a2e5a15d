import { Bar } from "../skeleton";

/**
 * The mailbox list and the create form's box as grey shapes: the count line, a few rows, the box. Used by the
 * page's loading state and by the page while cPanel answers (inside an aria-hidden skeleton).
 */
export function MailboxListSkeleton() {
  return (
    <>
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
      <div className="mt-6 h-[34rem] rounded-md bg-white p-4 shadow-sm">
        <p className="text-lg font-semibold">
          <Bar text="Create a mailbox" />
        </p>
      </div>
    </>
  );
}
