"use client";

import Link from "next/link";
import { useSelectedLayoutSegment } from "next/navigation";
import { mailboxPath, mailboxTasks } from "./tasks";

/**
 * The mailbox's tasks as a row of buttons; the open one is marked for assistive technology too. On a narrow screen
 * the row wraps inside its own box, so the page never scrolls sideways.
 */
export function TaskNav({ accountId, address }: { accountId: string; address: string }) {
  const current = useSelectedLayoutSegment();
  return (
    <nav aria-label="Mailbox tasks" className="mt-4">
      <ul className="flex flex-wrap gap-2">
        {mailboxTasks.map((task) => {
          const active = task.segment === current;
          return (
            <li key={task.label}>
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
