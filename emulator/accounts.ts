import { randomBytes } from "node:crypto";
import { parseAddress } from "./address";
import { DEFAULT_QUOTA_MB } from "./handlers/quota";
import { hashPassword } from "./state/passwords";
import type { MailboxRow, NewAccount, Store } from "./state/store";

export interface AccountSpec extends NewAccount {
  mailboxes?: Array<{
    email: string;
    password?: string;
    quotaMb?: number | null;
    diskUsedBytes?: number;
    flags?: Partial<Pick<MailboxRow, "suspended_login" | "suspended_incoming" | "suspended_outgoing" | "hold_outgoing">>;
    sessions?: number;
  }>;
}

export class AccountConflict extends Error {}

/** A random cPanel-style API token (32 upper-case letters and digits). */
export function randomToken(): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return Array.from(randomBytes(32), (b) => alphabet[b % alphabet.length]).join("");
}

/**
 * Creates an account and its mailboxes in one transaction. Hashes each distinct password once, so
 * thousands of mailboxes sharing a password are fast. With `ifMissing`, existing rows are kept (seeding).
 */
export function createAccount(store: Store, spec: AccountSpec, ifMissing = false, hashes: Map<string, string> = new Map()): void {
  const user = spec.user.toLowerCase();
  const domain = spec.domain.toLowerCase();
  const extraDomains = (spec.extraDomains ?? []).map((d) => d.toLowerCase());
  const hashOf = (password: string) => {
    let hash = hashes.get(password);
    if (!hash) hashes.set(password, (hash = hashPassword(password)));
    return hash;
  };
  store.db.transaction(() => {
    if (!store.account(user)) {
      for (const d of [domain, ...extraDomains]) {
        if (store.ownerOfDomain(d)) throw new AccountConflict(`The domain “${d}” already belongs to an account.`);
      }
      if (spec.token && store.accountByToken(spec.token)) {
        throw new AccountConflict("Another account already has this API token.");
      }
      store.createAccount({
        ...spec,
        user,
        domain,
        extraDomains,
        passwordHash: spec.password ? hashOf(spec.password) : undefined,
        token: spec.token ?? randomToken(),
      });
    } else if (!ifMissing) {
      throw new AccountConflict(`The account “${user}” already exists.`);
    }
    const max = store.account(user)!.max_email_quota_mb;
    for (const m of spec.mailboxes ?? []) {
      const addr = parseAddress(m.email);
      if (store.ownerOfDomain(addr.domain) !== user) {
        throw new AccountConflict(`The domain “${addr.domain}” does not belong to “${user}”.`);
      }
      if (store.mailbox(addr.local, addr.domain)) {
        if (ifMissing) continue;
        throw new AccountConflict(`The email address “${addr.address}” already exists.`);
      }
      const quota = m.quotaMb === undefined ? (max === null ? DEFAULT_QUOTA_MB : Math.min(DEFAULT_QUOTA_MB, max)) : m.quotaMb;
      store.insertMailbox({
        user,
        local: addr.local,
        domain: addr.domain,
        passwordHash: m.password ? hashOf(m.password) : null,
        quotaMb: quota,
        diskUsedBytes: m.diskUsedBytes,
        flags: m.flags,
      });
      const created = store.mailbox(addr.local, addr.domain)!;
      for (let i = 0; i < (m.sessions ?? 0); i++) store.openSession(created.id);
    }
  })();
}
