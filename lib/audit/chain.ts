import { createHash } from "node:crypto";
import type { AuditEventsTable } from "../db/schema";

/** The fields of an audit row that its hash covers (the hash columns themselves excepted). */
export type ChainedFields = Omit<AuditEventsTable, "seq" | "prev_hash" | "hash"> & { seq: number };

/** sha256 over the previous row's hash and this row's fields: tampering with any row breaks every later hash. */
export function auditRowHash(prevHash: string, row: ChainedFields): string {
  const fields = [
    row.seq,
    row.id,
    row.at,
    row.actor_user_id,
    row.actor_role,
    row.account_id,
    row.action,
    row.target,
    row.outcome,
    row.reason,
    row.detail,
    row.request_id,
  ];
  return createHash("sha256").update(prevHash).update("\n").update(JSON.stringify(fields)).digest("hex");
}
