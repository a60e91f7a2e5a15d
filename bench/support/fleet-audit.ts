import Database from "better-sqlite3";
import pg from "pg";
import type { AuditFilter } from "../../lib/audit";
import type { AuditLogQuery } from "../../lib/mail/activity";
import { call } from "./http";
import { time, type Timing } from "./stats";
import type { FleetStack } from "./fleet-stack";

/** Audit actions of the synthetic log, by weight out of 100: common writes, and one rare action (1 %) for the filter. */
const ACTION_WEIGHTS: Array<[string, number]> = [
  ["mailbox.password.change", 40],
  ["mailbox.settings.update", 20],
  ["mailbox.forwarder.add", 15],
  ["mailbox.create", 10],
  ["mailbox.secure", 5],
  ["account.outgoing.hold", 5],
  ["user.invite", 4],
  ["account.session.open", 1],
];
const ACTIONS = ACTION_WEIGHTS.flatMap(([action, weight]) => Array<string>(weight).fill(action));
export const RARE_ACTION = "account.session.open";
const OUTCOME = (i: number) => (i % 100 < 90 ? "success" : i % 100 < 97 ? "failure" : i % 100 < 99 ? "denied" : "unknown");
const YEAR_MS = 365 * 24 * 3600_000;
const AUDITOR = "fleet-auditor@bench.test";

/** One named filter, as the page's query string and as the audit store's filter (for EXPLAIN of the same query). */
export type AuditCase = { name: string; query: AuditLogQuery; filter: AuditFilter };

export type AuditFigures = {
  rows: number;
  sqlite: { insertMs: number; rowsPerSecond: number; pages: Array<{ name: string; timing: Timing }>; csv: Array<CsvFigure>; plans: Plan[] };
  postgres: { insertMs: number; queries: Array<{ name: string; timing: Timing }>; plans: Plan[] } | { error: string };
};
type CsvFigure = { name: string; ms: number; bytes: number; lines: number };
type Plan = { name: string; plan: string[]; access: "index" | "walk" | "SCAN" };

/** Inserts `rows` audit events into the bench's SQLite file: prepared statements, 50,000 rows a transaction, hash chain kept. */
async function insertSqlite(stack: FleetStack, rows: number, auditorId: string, accountIds: string[]): Promise<number> {
  const { auditRowHash } = await import("../../lib/audit/chain");
  const { newId } = await import("../../lib/db/ids");
  const db = new Database(stack.sqlitePath);
  db.pragma("busy_timeout = 30000");
  // A seed, not the panel's writes: no fsync per transaction (WAL keeps the file consistent either way).
  db.pragma("synchronous = OFF");
  try {
    const last = db.prepare("SELECT seq, hash FROM audit_events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1").get() as
      { seq: number; hash: string } | undefined;
    let seq = last?.seq ?? 0;
    let prevHash = last?.hash ?? "";
    const insert = db.prepare(
      `INSERT INTO audit_events (id, at, actor_user_id, actor_role, account_id, action, target, outcome, reason, detail, request_id, seq, prev_hash, hash)
       VALUES (@id, @at, @actor_user_id, @actor_role, @account_id, @action, @target, @outcome, @reason, @detail, @request_id, @seq, @prev_hash, @hash)`,
    );
    // The synthetic year ends an hour ago: the bench's own rows (bulk run) stay the newest.
    const start = Date.now() - YEAR_MS - 3600_000;
    const started = performance.now();
    const batch = 50_000;
    for (let from = 0; from < rows; from += batch) {
      db.transaction(() => {
        for (let i = from; i < Math.min(rows, from + batch); i++) {
          const staff = i % 50 === 0;
          const row = {
            id: newId("evt"),
            at: start + Math.floor((i * YEAR_MS) / rows),
            actor_user_id: staff ? auditorId : `usr_${String(i % 997).padStart(26, "0")}`,
            actor_role: staff ? "support" : "customer",
            account_id: accountIds[i % accountIds.length]!,
            action: ACTIONS[i % ACTIONS.length]!,
            target: `box${i % 10}@example.test`,
            outcome: OUTCOME(i),
            reason: staff ? `Ticket #${i}: customer asked` : null,
            detail: JSON.stringify({ via: "web", ip: `203.0.113.${i % 250}` }),
            request_id: null,
          };
          seq += 1;
          const hash = auditRowHash(prevHash, { ...row, seq });
          insert.run({ ...row, seq, prev_hash: prevHash, hash });
          prevHash = hash;
        }
      })();
    }
    return performance.now() - started;
  } finally {
    db.close();
  }
}

/**
 * How a plan reads audit_events: "index" when an index finds the rows by the filter (SQLite SEARCH, PostgreSQL Index
 * Cond / Bitmap Index Scan), "walk" when it walks the time index newest first and filters each row (fine for no
 * filter, a full read for a filter that matches little), "SCAN" when it reads the whole table.
 */
function access(plan: string[]): Plan["access"] {
  const text = plan.join("\n");
  if (/SCAN audit_events(?! USING)/.test(text) || /Seq Scan on audit_events/.test(text)) return "SCAN";
  if (/SEARCH audit_events/.test(text) || /Index Cond|Bitmap Index Scan/.test(text)) return "index";
  return "walk";
}

/** The filters the bench times: each of the page's filters alone, a combination, and a CSV export's second page (keyset). */
function cases(auditorId: string, account: { id: string; domain: string }, weekStart: string, weekEnd: string): AuditCase[] {
  const day = (text: string) => Date.parse(`${text}T00:00:00Z`);
  return [
    { name: "no filter (newest 50)", query: {}, filter: {} },
    { name: "who: one staff member", query: { actor: AUDITOR }, filter: { actorUserId: auditorId } },
    { name: "account: one domain", query: { account: account.domain }, filter: { accountId: account.id } },
    { name: `action: ${RARE_ACTION} (1 %)`, query: { action: RARE_ACTION }, filter: { action: RARE_ACTION } },
    // Nothing matches: a plan that walks the time index reads all of it before it can say so.
    { name: "action: user.lock (no rows)", query: { action: "user.lock" }, filter: { action: "user.lock" } },
    { name: "outcome: refused (2 %)", query: { outcome: "denied" }, filter: { outcome: "denied" } },
    { name: "one week (from–to)", query: { from: weekStart, to: weekEnd }, filter: { since: day(weekStart), until: day(weekEnd) + 86_400_000 } },
    {
      name: "action + outcome",
      query: { action: "mailbox.password.change", outcome: "failure" },
      filter: { action: "mailbox.password.change", outcome: "failure" },
    },
  ];
}

const params = (query: AuditLogQuery) => new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();

/**
 * The audit log at `rows` rows: bulk-inserted into the bench's SQLite (then the /support/audit filters and the CSV export
 * timed through the panel, with SQLite's query plans), and the same volume in a throwaway PostgreSQL database (query
 * times and EXPLAIN plans of the very queries the pages run: lib/audit auditEventsQuery).
 */
export async function benchAudit(stack: FleetStack, rows: number, n: number): Promise<AuditFigures> {
  const { createUser } = await import("../../lib/db/users");
  const { getDb } = await import("../../lib/db/client");
  const { auditEventsQuery } = await import("../../lib/audit");
  const db = await getDb();
  const auditor = await createUser({ email: AUDITOR, name: "Fleet auditor", role: "support", password: "Bench-fleet-auditor-2026" });
  const accounts = await db.selectFrom("hosting_accounts").select(["id", "primary_domain"]).orderBy("id").execute();
  const accountIds = accounts.map((a) => a.id);
  const account = { id: accounts[7 % accounts.length]!.id, domain: accounts[7 % accounts.length]!.primary_domain };
  const insertMs = await insertSqlite(stack, rows, auditor.id, accountIds);

  const week = new Date(Date.now() - YEAR_MS / 2);
  const weekStart = week.toISOString().slice(0, 10);
  const weekEnd = new Date(week.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
  const all = cases(auditor.id, account, weekStart, weekEnd);

  const pages = [];
  for (const c of all) {
    const timing = await time(n, () => call(stack.panel.base, stack.cookie, `/support/audit?${params(c.query)}`), 1);
    pages.push({ name: c.name, timing });
  }
  const csv: CsvFigure[] = [];
  for (const [name, query] of [
    ["CSV: everything (50,000-row cap)", {}],
    [`CSV: action ${RARE_ACTION}`, { action: RARE_ACTION }],
    ["CSV: outcome failed", { outcome: "failure" }],
  ] as Array<[string, AuditLogQuery]>) {
    const started = performance.now();
    const text = await call(stack.panel.base, stack.cookie, `/support/audit/export?${params(query)}`);
    csv.push({ name, ms: performance.now() - started, bytes: Buffer.byteLength(text), lines: text.split("\r\n").length - 2 });
  }

  // EXPLAIN QUERY PLAN of the page's queries and of an export's next page (keyset: before the 500th row).
  const sqlite = new Database(stack.sqlitePath, { readonly: true });
  const plans: Plan[] = [];
  try {
    const withPage = [
      ...all,
      { name: "CSV next page (keyset, action)", query: {}, filter: { action: RARE_ACTION, limit: 500, before: { at: Date.now(), id: "evt_~" } } },
    ];
    for (const c of withPage) {
      const compiled = auditEventsQuery(db, { limit: 51, ...c.filter }).compile();
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[])) as Array<{ detail: string }>).map(
        (r) => r.detail,
      );
      plans.push({ name: c.name, plan, access: access(plan) });
    }
  } finally {
    sqlite.close();
  }

  let postgres: AuditFigures["postgres"];
  try {
    postgres = await benchPostgres(rows, all, n);
  } catch (error) {
    postgres = { error: error instanceof Error ? error.message : String(error) };
  }
  return { rows, sqlite: { insertMs, rowsPerSecond: rows / (insertMs / 1000), pages, csv, plans }, postgres };
}

const PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** The same volume on PostgreSQL, in a throwaway database: inserted server-side (generate_series), analysed, queried, dropped. */
async function benchPostgres(rows: number, all: AuditCase[], n: number): Promise<Exclude<AuditFigures["postgres"], { error: string }>> {
  const { createDatabase, migrateToLatest } = await import("../../lib/db/client");
  const { auditEventsQuery } = await import("../../lib/audit");
  const name = `mailroom_bench_fleet_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const handle = createDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:5432/${name}`, maxConnections: 2 });
  try {
    await migrateToLatest(handle.db);
    const raw = handle.raw;
    if (raw.engine !== "postgres") throw new Error("not PostgreSQL");
    // The filters' values exist in the synthetic rows: the auditor, one account id, the same actions and outcomes.
    const actorId = all.find((c) => c.filter.actorUserId)?.filter.actorUserId ?? "usr_auditor";
    const accountId = all.find((c) => c.filter.accountId)?.filter.accountId ?? "acct_x";
    const start = Date.now() - YEAR_MS - 3600_000;
    const started = performance.now();
    await raw.pool.query(
      `insert into audit_events (id, at, actor_user_id, actor_role, account_id, action, target, outcome, reason, detail, request_id, seq, prev_hash, hash)
       select 'evt_' || lpad(g::text, 26, '0'),
              $1::bigint + (g::bigint * $2::bigint / $3::bigint),
              case when g % 50 = 0 then $4 else 'usr_' || lpad((g % 997)::text, 26, '0') end,
              case when g % 50 = 0 then 'support' else 'customer' end,
              case when g % 1000 = 7 then $5 else 'acct_' || lpad((g % 10000)::text, 26, '0') end,
              ($6::text[])[1 + (g % $7)],
              'box' || (g % 10) || '@example.test',
              case when g % 100 < 90 then 'success' when g % 100 < 97 then 'failure' when g % 100 < 99 then 'denied' else 'unknown' end,
              null, '{"via":"web"}', null, g, md5((g - 1)::text), md5(g::text)
       from generate_series(1, $3::bigint) g`,
      [start, YEAR_MS, rows, actorId, accountId, ACTIONS, ACTIONS.length],
    );
    await raw.pool.query("analyze audit_events");
    const insertMs = performance.now() - started;
    const queries = [];
    const plans: Plan[] = [];
    for (const c of all) {
      const query = auditEventsQuery(handle.db, { limit: 51, ...c.filter });
      queries.push({ name: c.name, timing: await time(n, () => query.execute(), 1) });
      const compiled = query.compile();
      const result = await raw.pool.query(`explain ${compiled.sql}`, compiled.parameters as unknown[]);
      const plan = result.rows.map((r: Record<string, string>) => r["QUERY PLAN"]!);
      plans.push({ name: c.name, plan, access: access(plan) });
    }
    return { insertMs, queries, plans };
  } finally {
    await handle.close().catch(() => undefined);
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}
