import "server-only";
import { createHash } from "node:crypto";

/**
 * A mailbox's public id for the REST API: stable, opaque, and derived (cPanel has no mailbox ids and the
 * panel stores no mailbox rows), so `{address}` in a URL may be the address or this id.
 */
export function mailboxPublicId(accountId: string, email: string): string {
  return `mbx_${createHash("sha256").update(`${accountId}:${email.toLowerCase()}`).digest("hex").slice(0, 24)}`;
}

/** True when `ref` (an address in any case, or a public id) names this mailbox of this account. */
export function refersToMailbox(ref: string, accountId: string, email: string): boolean {
  const wanted = ref.trim().toLowerCase();
  return wanted.startsWith("mbx_") ? wanted === mailboxPublicId(accountId, email) : wanted === email.toLowerCase();
}
