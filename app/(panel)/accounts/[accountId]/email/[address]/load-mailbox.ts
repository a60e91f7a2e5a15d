import "server-only";
import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/core/actor";
import { NotFoundError, UpstreamError } from "@/lib/core/errors";
import { getMailbox } from "@/lib/mail/mailboxes";
import { getMailboxOverview, type MailboxOverview } from "@/lib/mail/mailbox-overview";
import { upstreamMessage } from "@/lib/i18n/upstream";
import { accountOr404 } from "../../account-or-404";
import { taskKey, type MailboxTask } from "./tasks";

export type MailboxParams = Promise<{ accountId: string; address: string }>;

type Account = Awaited<ReturnType<typeof accountOr404>>;

/** A read for a mailbox page; `ok: false` when cPanel did not answer (the layout's summary says so, once). */
export type Loaded<T> = ({ ok: true; user: Actor; account: Account } & T) | { ok: false; user: Actor; account: Account; message: string };

/** The address in the URL; a malformed escape is a page that does not exist. */
export function addressFromUrl(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    notFound();
  }
}

/** Checks the session and ownership on the server, then reads; a missing or foreign mailbox is a 404. */
async function load<T>(
  accountId: string,
  rawAddress: string,
  read: (user: Actor, accountId: string, address: string) => Promise<T>,
): Promise<Loaded<T>> {
  const user = await requireUser();
  const account = await accountOr404(user, accountId);
  const address = addressFromUrl(rawAddress);
  try {
    return { ok: true, user, account, ...(await read(user, account.id, address)) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (!(error instanceof UpstreamError)) throw error;
    return { ok: false, user, account, message: await upstreamMessage(error) };
  }
}

/**
 * The mailbox with its forwarding and autoresponder: one read per request, shared by the layout's summary and the
 * overview page (React's cache, keyed by the URL's own strings).
 */
export const loadOverview = cache((accountId: string, rawAddress: string): Promise<Loaded<MailboxOverview>> =>
  load(accountId, rawAddress, getMailboxOverview),
);

/**
 * The mailbox alone, for a task page: its section makes the task's own reads. The mailbox list behind it is the same
 * cached read the summary makes, so a full page load still asks cPanel for it once.
 */
export const loadMailbox = cache((accountId: string, rawAddress: string): Promise<Loaded<{ mailbox: MailboxOverview["mailbox"] }>> =>
  load(accountId, rawAddress, async (user, id, address) => ({ mailbox: (await getMailbox(user, id, address)).mailbox })),
);

/** The mailbox of a task page, from its params. */
export async function mailboxOf(params: MailboxParams) {
  const { accountId, address } = await params;
  return loadMailbox(accountId, address);
}

/** The overview of the mailbox page, from its params. */
export async function overviewOf(params: MailboxParams) {
  const { accountId, address } = await params;
  return loadOverview(accountId, address);
}

/** A task page's `generateMetadata`: its title names the task and the mailbox ("Forwarding · info@example.com"). */
export function taskMetadata(task: MailboxTask) {
  return async ({ params }: { params: MailboxParams }): Promise<Metadata> => {
    const t = await getTranslations("Mailbox");
    return { title: t("taskTitle", { task: t(`tasks.${taskKey(task)}`), address: addressFromUrl((await params).address) }) };
  };
}
