import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/core/actor";
import { visibleAccount } from "@/lib/mail/accounts";
import { NotFoundError } from "@/lib/core/errors";

/** The account for a page, checked before anything streams, so "not yours" is a real 404 status. */
export async function accountOr404(user: Actor, accountId: string) {
  try {
    const account = await visibleAccount(user, accountId);
    return {
      id: account.id,
      serverId: account.serverId,
      cpanelUser: account.cpanelUser,
      primaryDomain: account.primaryDomain,
      serverName: account.serverName,
    };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

/**
 * `generateMetadata` for an account's page: its title names the account ("Mailboxes of example.com"). A missing or
 * foreign account becomes the 404, titled "Not found".
 */
export function accountPageMetadata(title: (domain: string) => string | Promise<string>) {
  return async ({ params }: { params: Promise<{ accountId: string }> }): Promise<Metadata> => {
    const account = await accountOr404(await requireUser(), (await params).accountId);
    return { title: await title(account.primaryDomain) };
  };
}
