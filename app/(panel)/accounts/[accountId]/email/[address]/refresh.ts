import "server-only";
import { revalidatePath } from "next/cache";
import { mailboxPath } from "./tasks";

/** After a change to a mailbox: its summary (the layout) and every task page read cPanel again. */
export function refreshMailboxPages(accountId: string, address: string) {
  revalidatePath(mailboxPath(accountId, address), "layout");
}
