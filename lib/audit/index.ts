import "server-only";
import type { Kysely, Selectable } from "kysely";
import { sql } from "kysely";
import { getDb, getDbEngine } from "../db/client";
import { auditRowHash } from "./chain";
import { newId } from "../db/ids";
import type { AuditEventsTable, Database } from "../db/schema";

// Append-only: this module inserts and reads. There is deliberately no update or delete.

export type AuditOutcome = "success" | "failure" | "denied" | "unknown";

/** One entry of the audit log. */
export interface AuditEvent {
  id: string;
  at: number;
  actorUserId: string | null;
  actorRole: string | null;
  accountId: string | null;
  action: string;
  target: string | null;
  outcome: AuditOutcome;
  reason: string | null;
  detail: Record<string, unknown> | null;
  requestId: string | null;
}

export interface NewAuditEvent {
  actorUserId?: string | null;
  actorRole?: string | null;
  accountId?: string | null;
  /** What was done, dotted verb-noun, e.g. `mailbox.password.change`. */
  action: string;
  /** What it was done to, e.g. the mailbox address. */
  target?: string | null;
  outcome: AuditOutcome;
  /** Support's stated reason for a write (DESIGN §2). */
  reason?: string | null;
  detail?: Record<string, unknown> | null;
  requestId?: string | null;
  /** Epoch ms; now by default. */
  at?: number;
}

// A defence in depth: callers should never pass secrets, but if one does, it is not written down. A key naming an
// id (`tokenId`, `token_id`) holds a record's id, not a secret: kept, so a token's creation and revocation can be tied.
const SECRET_KEY = /password|passwd|secret|token|authorization|api[-_]?key/i;
const ID_KEY = /(Id|_id|Ids|_ids)$/;

/** A panel id (`tok_` + a ULID, lib/db/ids.ts); anything else under an id-looking key is redacted all the same. */
function isIdValue(value: unknown): boolean {
  const plain = (v: unknown) => v === null || (typeof v === "string" && /^[a-z]{2,5}_[0-9A-HJKMNP-TV-Z]{26}$/.test(v));
  return Array.isArray(value) ? value.every(plain) : plain(value);
}

function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[too deep]";
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) && !(ID_KEY.test(k) && isIdValue(v)) ? "[redacted]" : redact(v, depth + 1),
      ]),
    );
  }
  return value;
}

function toEvent(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    accountId: row.account_id,
    action: row.action,
    target: row.target,
    outcome: row.outcome as AuditOutcome,
    reason: row.reason,
    detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
    requestId: row.request_id,
  };
}

/** Appends an event to the audit log (values under secret-looking keys in `detail` are redacted); returns it. */
export async function recordAuditEvent(input: NewAuditEvent): Promise<AuditEvent> {
  if (!input.action) throw new Error("An audit event needs an action");
  const db = await getDb();
  const row = {
    id: newId("evt"),
    at: input.at ?? Date.now(),
    actor_user_id: input.actorUserId ?? null,
    actor_role: input.actorRole ?? null,
    account_id: input.accountId ?? null,
    action: input.action,
    target: input.target ?? null,
    outcome: input.outcome,
    reason: input.reason ?? null,
    detail: input.detail ? JSON.stringify(redact(input.detail)) : null,
    request_id: input.requestId ?? null,
  };
  const chained = await db.transaction().execute(async (trx) => {
    // One writer at a time, across instances, so the chain never forks (SQLite transactions already serialize writers).
    if ((await getDbEngine()) === "postgres") await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx);
    const last = await trx
      .selectFrom("audit_events")
      .select(["seq", "hash"])
      .where("seq", "is not", null)
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? "";
    const full = { ...row, seq, prev_hash: prevHash, hash: auditRowHash(prevHash, { ...row, seq }) };
    await trx.insertInto("audit_events").values(full).execute();
    return full;
  });
  return toEvent(chained);
}

/** Any advisory-lock key will do, as long as only the audit log uses it. */
const AUDIT_CHAIN_LOCK = 7_201_734;

export type ChainVerdict = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; problem: string };

/** Re-computes the whole hash chain; names the first row (by seq) that was changed, removed or inserted out of order. */
export async function verifyAuditChain(): Promise<ChainVerdict> {
  const db = await getDb();
  let prevHash = "";
  let expectedSeq = 1;
  let rows = 0;
  const pageSize = 1000;
  for (;;) {
    const page = await db.selectFrom("audit_events").selectAll().where("seq", ">=", expectedSeq).orderBy("seq").limit(pageSize).execute();
    for (const row of page) {
      rows++;
      if (row.seq !== expectedSeq) return { ok: false, rows, brokenAt: expectedSeq, problem: `row ${expectedSeq} is missing` };
      if (row.prev_hash !== prevHash)
        return { ok: false, rows, brokenAt: expectedSeq, problem: `row ${expectedSeq} does not follow row ${expectedSeq - 1}` };
      if (row.hash !== auditRowHash(prevHash, { ...row, seq: expectedSeq })) {
        return { ok: false, rows, brokenAt: expectedSeq, problem: `row ${expectedSeq} was changed after it was written` };
      }
      prevHash = row.hash;
      expectedSeq++;
    }
    if (page.length < pageSize) break;
  }
  const unchained = await db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("seq", "is", null)
    .executeTakeFirst();
  if (Number(unchained?.n ?? 0) > 0) return { ok: false, rows, brokenAt: expectedSeq, problem: `${unchained?.n} rows are outside the chain` };
  return { ok: true, rows };
}

export interface AuditFilter {
  accountId?: string;
  actorUserId?: string;
  action?: string;
  outcome?: AuditOutcome;
  /** Epoch ms, inclusive. */
  since?: number;
  /** Epoch ms, exclusive. */
  until?: number;
  /** Default 50, at most 500. */
  limit?: number;
  offset?: number;
  /** Keyset paging: only events after this one in the newest-first order, so writes meanwhile shift nothing. */
  before?: { at: number; id: string };
}

/** The query of listAuditEvents on `db` (also for the bench's query plans: EXPLAIN of exactly what the pages run). */
export function auditEventsQuery(db: Kysely<Database>, filter: AuditFilter = {}) {
  let query = db.selectFrom("audit_events").selectAll();
  if (filter.accountId) query = query.where("account_id", "=", filter.accountId);
  if (filter.actorUserId) query = query.where("actor_user_id", "=", filter.actorUserId);
  if (filter.action) query = query.where("action", "=", filter.action);
  if (filter.outcome) query = query.where("outcome", "=", filter.outcome);
  if (filter.since !== undefined) query = query.where("at", ">=", filter.since);
  if (filter.until !== undefined) query = query.where("at", "<", filter.until);
  const before = filter.before;
  if (before) query = query.where((eb) => eb.or([eb("at", "<", before.at), eb.and([eb("at", "=", before.at), eb("id", "<", before.id)])]));
  const limit = Math.max(1, Math.min(filter.limit ?? 50, 500));
  return query
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .offset(Math.max(0, filter.offset ?? 0));
}

/** Audit events matching the filter, newest first. */
export async function listAuditEvents(filter: AuditFilter = {}): Promise<AuditEvent[]> {
  const rows = await auditEventsQuery(await getDb(), filter).execute();
  return rows.map(toEvent);
}
