import "server-only";
import { notFound } from "next/navigation";
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
