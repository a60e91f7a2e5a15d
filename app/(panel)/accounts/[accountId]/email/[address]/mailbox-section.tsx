import type { ReactNode } from "react";

/** One focused section of a mailbox task page: a white box named by its heading (a region for assistive technology). */
export function MailboxSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-4 rounded-md bg-white p-4 shadow-sm">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
