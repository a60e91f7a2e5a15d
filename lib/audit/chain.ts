import { createHash } from "node:crypto";

/** The fields of an audit row that its hash covers, in a fixed order. */
export type ChainedFields = {
  seq: number;
  id: string;
  at: number;
  actor_user_id: string | null;
  actor_role: string | null;
  account_id: string | null;
  action: string;
  target: string | null;
  outcome: string;
  reason: string | null;
  detail: string | null;
  request_id: string | null;
};

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
