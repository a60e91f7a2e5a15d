"use client";

import { SelectMailboxCheckbox } from "./select-mailbox-checkbox";
import { selectionValue } from "./types";

/** The mailboxes of one account, each with its checkbox for the bulk action bar (support's search results). */
export function MailboxChoices({ accountId, emails }: { accountId: string; emails: string[] }) {
  return (
    <ul className="space-y-1">
      {emails.map((email) => (
        <li key={email}>
          <label className="flex items-center gap-2">
            <SelectMailboxCheckbox value={selectionValue(accountId, email)} address={email} />
            <span className="break-all">{email}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}
