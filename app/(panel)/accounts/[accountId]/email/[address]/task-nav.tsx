"use client";

import Link from "next/link";
import { useSelectedLayoutSegment } from "next/navigation";
import { mailboxPath, type MailboxTask } from "./tasks";

/** A task link: its route segment (null: the overview) and its name, already in the reader's language. */
export type TaskLink = { segment: MailboxTask | null; label: string };

/**
 * The mailbox's tasks as a row of buttons; the open one is marked for assistive technology too. On a narrow screen
 * the row wraps inside its own box, so the page never scrolls sideways. The words come from the layout (a server
 * component), so this needs no messages of its own.
 */
export function TaskNav({ accountId, address, label, tasks }: { accountId: string; address: string; label: string; tasks: readonly TaskLink[] }) {
  const current = useSelectedLayoutSegment();
  return (
    <nav aria-label={label} className="mt-4">
      <ul className="flex flex-wrap gap-2">
        {tasks.map((task) => {
          const active = task.segment === current;
          return (
            <li key={task.segment ?? "overview"}>
              <Link
                href={mailboxPath(accountId, address, task.segment ?? undefined)}
                aria-current={active ? "page" : undefined}
                className={`inline-flex min-h-9 items-center rounded-md border px-3 text-sm font-medium whitespace-nowrap ${
                  active ? "border-blue-800 bg-blue-800 text-white" : "border-slate-300 bg-white text-blue-800 hover:border-blue-800 hover:bg-blue-50"
                } focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700`}
              >
                {task.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
