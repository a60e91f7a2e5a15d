import "server-only";
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import { getDb } from "./client";
import { newId } from "./ids";
import type { Database } from "./schema";

/** A cPanel account the panel knows about, with its server's name and its owner's email. */
export interface HostingAccount {
  id: string;
  serverId: string;
  serverName: string;
  cpanelUser: string;
  primaryDomain: string;
  contactEmail: string | null;
  ownerUserId: string | null;
  ownerEmail: string | null;
  createdAt: number;
}

function baseQuery(db: Awaited<ReturnType<typeof getDb>>) {
  return db.selectFrom("hosting_accounts as a").innerJoin("servers as s", "s.id", "a.server_id").leftJoin("users as u", "u.id", "a.owner_user_id");
}

const accountColumns = [
  "a.id",
  "a.server_id",
  "s.name as server_name",
  "a.cpanel_user",
  "a.primary_domain",
  "a.contact_email",
  "a.owner_user_id",
  "u.email as owner_email",
  "a.created_at",
] as const;

interface AccountRow {
  id: string;
  server_id: string;
  server_name: string;
  cpanel_user: string;
  primary_domain: string;
  contact_email: string | null;
  owner_user_id: string | null;
  owner_email: string | null;
  created_at: number;
}

function toAccount(row: AccountRow): HostingAccount {
  return {
    id: row.id,
    serverId: row.server_id,
    serverName: row.server_name,
    cpanelUser: row.cpanel_user,
    primaryDomain: row.primary_domain,
    contactEmail: row.contact_email,
    ownerUserId: row.owner_user_id,
    ownerEmail: row.owner_email,
    createdAt: row.created_at,
  };
}

/**
 * Records a cPanel account (from WHM listaccts), or refreshes its domain and contact email if
 * (serverId, cpanelUser) is already known; the id and owner are kept. Returns the account.
 */
export async function upsertHostingAccount(input: {
  serverId: string;
  cpanelUser: string;
  primaryDomain: string;
  contactEmail?: string | null;
}): Promise<HostingAccount> {
  // cPanel user names and domains are lower case (WHM's cpanel proxy requires the user lower-cased).
  const cpanelUser = input.cpanelUser.trim().toLowerCase();
  const primaryDomain = input.primaryDomain.trim().toLowerCase();
  if (!cpanelUser) throw new Error("A cPanel user name is required");
  if (!primaryDomain) throw new Error("A primary domain is required");
  const contactEmail = input.contactEmail?.trim() || null;
  const db = await getDb();
  const now = Date.now();
  const row = await db
    .insertInto("hosting_accounts")
    .values({
      id: newId("acct"),
      server_id: input.serverId,
      cpanel_user: cpanelUser,
      primary_domain: primaryDomain,
      contact_email: contactEmail,
      owner_user_id: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(["server_id", "cpanel_user"]).doUpdateSet({ primary_domain: primaryDomain, contact_email: contactEmail, updated_at: now }),
    )
    .returning("id")
    .executeTakeFirstOrThrow();
  return (await findHostingAccount(row.id))!;
}

/** Sets (or with null, clears) the panel user who owns an account; false if no such account. */
export async function assignAccountOwner(accountId: string, ownerUserId: string | null): Promise<boolean> {
  const db = await getDb();
  const result = await db
    .updateTable("hosting_accounts")
    .set({ owner_user_id: ownerUserId, updated_at: Date.now() })
    .where("id", "=", accountId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The account with this public id (`acct_…`), or null. */
export async function findHostingAccount(id: string): Promise<HostingAccount | null> {
  const db = await getDb();
  const row = await baseQuery(db).select(accountColumns).where("a.id", "=", id).executeTakeFirst();
  return row ? toAccount(row) : null;
}

/** The primary domains of these accounts, by id, in one query (accounts that do not exist are left out). */
export async function accountDomainsByIds(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .selectFrom("hosting_accounts")
    .select(["id", "primary_domain"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.primary_domain]));
}

/** Accounts with this cPanel user name, on one server or on any (the same name may exist on several servers). */
export async function findHostingAccountsByCpanelUser(cpanelUser: string, serverId?: string): Promise<HostingAccount[]> {
  const db = await getDb();
  let query = baseQuery(db).select(accountColumns).where("a.cpanel_user", "=", cpanelUser.trim().toLowerCase());
  if (serverId) query = query.where("a.server_id", "=", serverId);
  const rows = await query.orderBy("s.name").execute();
  return rows.map(toAccount);
}

/** The accounts a user owns, ordered by primary domain. */
export async function listAccountsOwnedBy(userId: string): Promise<HostingAccount[]> {
  const db = await getDb();
  const rows = await baseQuery(db).select(accountColumns).where("a.owner_user_id", "=", userId).orderBy("a.primary_domain").orderBy("a.id").execute();
  return rows.map(toAccount);
}

/** `%text%` for LIKE, with the wildcards in the user's text escaped. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type SearchScope = ExpressionBuilder<Database & { a: Database["hosting_accounts"]; s: Database["servers"]; u: Database["users"] }, "a" | "s" | "u">;

function matches(eb: SearchScope, query: string): Expression<SqlBool> {
  const pattern = containsPattern(query);
  // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
  const like = (column: "a.primary_domain" | "a.cpanel_user" | "u.email") => sql<SqlBool>`lower(${eb.ref(column)}) like ${pattern} escape '\\'`;
  return eb.or([like("a.primary_domain"), like("a.cpanel_user"), like("u.email")]);
}

/**
 * Accounts whose primary domain, cPanel user or owner email contains `query` (any case), ordered
 * by primary domain, one page at a time, with the total number of matches.
 */
export async function searchAccounts(input: { query?: string; limit: number; offset?: number }): Promise<{
  accounts: HostingAccount[];
  total: number;
}> {
  const limit = Math.max(1, Math.min(Math.trunc(input.limit), 500));
  const offset = Math.max(0, Math.trunc(input.offset ?? 0));
  const query = input.query?.trim() ?? "";
  const db = await getDb();
  const filtered = query ? baseQuery(db).where((eb) => matches(eb as SearchScope, query)) : baseQuery(db);
  const [rows, count] = await Promise.all([
    filtered.select(accountColumns).orderBy("a.primary_domain").orderBy("a.id").limit(limit).offset(offset).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
  ]);
  return { accounts: rows.map(toAccount), total: Number(count.total) };
}

/** Every account recorded on one server, ordered by primary domain. */
export async function listAccountsOnServer(serverId: string): Promise<HostingAccount[]> {
  const db = await getDb();
  const rows = await baseQuery(db).select(accountColumns).where("a.server_id", "=", serverId).orderBy("a.primary_domain").orderBy("a.id").execute();
  return rows.map(toAccount);
}
