import "server-only";
import { sql } from "kysely";
import { getDb } from "./client";

/** One server's part of the mailbox index: when it was refreshed and what it holds. */
export type MailboxIndexRefresh = { serverId: string; refreshedAt: number; accounts: number; addresses: number; failedAccounts: number };

/** A mailbox address found in the index, with the panel account that holds it. */
export type IndexedMailbox = { serverId: string; accountId: string; address: string };

const INSERT_CHUNK = 400;

/**
 * Replaces one server's addresses in the index with `rows`, in one transaction, and records the refresh. The rows of
 * accounts in `keepAccountIds` (their addresses could not be read this time) stay as they were.
 */
export async function replaceServerMailboxes(
  serverId: string,
  rows: { accountId: string; address: string }[],
  refresh: { refreshedAt: number; accounts: number; keepAccountIds: string[] },
): Promise<void> {
  const db = await getDb();
  await db.transaction().execute(async (trx) => {
    let remove = trx.deleteFrom("mailbox_addresses").where("server_id", "=", serverId);
    if (refresh.keepAccountIds.length) remove = remove.where("account_id", "not in", refresh.keepAccountIds);
    await remove.execute();
    const unique = [...new Map(rows.map((r) => [r.address.toLowerCase(), r])).values()];
    for (let i = 0; i < unique.length; i += INSERT_CHUNK) {
      const chunk = unique
        .slice(i, i + INSERT_CHUNK)
        .map((r) => ({ server_id: serverId, account_id: r.accountId, address: r.address.toLowerCase() }));
      await trx
        .insertInto("mailbox_addresses")
        .values(chunk)
        .onConflict((oc) => oc.columns(["server_id", "address"]).doUpdateSet({ account_id: (eb) => eb.ref("excluded.account_id") }))
        .execute();
    }
    const counted = await trx
      .selectFrom("mailbox_addresses")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("server_id", "=", serverId)
      .executeTakeFirstOrThrow();
    const values = {
      refreshed_at: refresh.refreshedAt,
      accounts: refresh.accounts,
      addresses: Number(counted.n),
      failed_accounts: refresh.keepAccountIds.length,
    };
    await trx
      .insertInto("mailbox_index_refreshes")
      .values({ server_id: serverId, ...values })
      .onConflict((oc) => oc.column("server_id").doUpdateSet(values))
      .execute();
  });
}

/** Every server's last refresh of the index, by server id. */
export async function mailboxIndexRefreshes(): Promise<Map<string, MailboxIndexRefresh>> {
  const db = await getDb();
  const rows = await db.selectFrom("mailbox_index_refreshes").selectAll().execute();
  return new Map(
    rows.map((r) => [
      r.server_id,
      { serverId: r.server_id, refreshedAt: r.refreshed_at, accounts: r.accounts, addresses: r.addresses, failedAccounts: r.failed_accounts },
    ]),
  );
}

/** Indexed addresses containing `needle` (any case; the live search's meaning) on the given servers, at most `limit`, by address. */
export async function findIndexedMailboxes(needle: string, serverIds: string[], limit = 500): Promise<IndexedMailbox[]> {
  const text = needle.trim().toLowerCase();
  if (!text || serverIds.length === 0) return [];
  const db = await getDb();
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom("mailbox_addresses")
    .select(["server_id", "account_id", "address"])
    .where("server_id", "in", serverIds)
    .where(sql<boolean>`address like ${pattern} escape '\\'`)
    .orderBy("address")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ serverId: r.server_id, accountId: r.account_id, address: r.address }));
}
