import type { Db } from "./db";
import { OutgoingStore } from "./outgoing";
import { hashPassword } from "./passwords";

export interface AccountRow {
  user: string;
  domain: string;
  contact_email: string;
  password_hash: string | null;
  token: string | null;
  max_email_quota_mb: number | null;
  plan: string;
  suspended: number;
  suspend_reason: string;
  start_time: number;
  outgoing_suspended: number;
  outgoing_held: number;
  force_password_change: number;
  /** `root` or the reseller who owns the account. */
  owner: string;
  /** 1 = a cpuser file without STARTDATE, MAXPOP, MAX_EMAILACCT_QUOTA and IP (listaccts says `*unknown*`). */
  legacy: number;
}

export interface ResellerRow {
  user: string;
  token: string;
  /** JSON list of the reseller's WHM ACLs. */
  acls: string;
}

export interface MailboxRow {
  id: number;
  user: string;
  local: string;
  domain: string;
  password_hash: string | null;
  quota_mb: number | null;
  disk_used: number;
  suspended_login: number;
  suspended_incoming: number;
  suspended_outgoing: number;
  hold_outgoing: number;
  mtime: number;
}

export interface ForwarderRow {
  id: number;
  user: string;
  address: string;
  domain: string;
  kind: string;
  forward: string;
}

export interface AutoresponderRow {
  address: string;
  user: string;
  domain: string;
  from_name: string;
  subject: string;
  body: string;
  is_html: number;
  interval: number;
  start: number;
  stop: number;
  charset: string;
}

export interface NewAccount {
  user: string;
  domain: string;
  extraDomains?: string[];
  contactEmail?: string;
  password?: string;
  /** Precomputed hash of `password` (bulk/seed). */
  passwordHash?: string;
  token?: string;
  maxEmailQuotaMb?: number | null;
  plan?: string;
  owner?: string;
  legacy?: boolean;
}

export interface NewMailbox {
  user: string;
  local: string;
  domain: string;
  passwordHash: string | null;
  quotaMb: number | null;
  diskUsedBytes?: number;
  flags?: Partial<Pick<MailboxRow, "suspended_login" | "suspended_incoming" | "suspended_outgoing" | "hold_outgoing">>;
}

export const now = (): number => Math.floor(Date.now() / 1000);

/** All reads and writes of the emulator's state. */
export class Store {
  /** Outgoing mail: delivery log and held messages (state/outgoing.ts). */
  readonly outgoing: OutgoingStore;
  constructor(readonly db: Db) {
    this.outgoing = new OutgoingStore(db);
  }

  // Accounts
  account(user: string): AccountRow | undefined {
    return this.db.prepare("SELECT * FROM accounts WHERE user = ?").get(user) as AccountRow | undefined;
  }
  accountByToken(token: string): AccountRow | undefined {
    return this.db.prepare("SELECT * FROM accounts WHERE token = ?").get(token) as AccountRow | undefined;
  }
  accounts(): AccountRow[] {
    return this.db.prepare("SELECT * FROM accounts ORDER BY user").all() as AccountRow[];
  }
  domainsOf(user: string): string[] {
    const rows = this.db.prepare("SELECT domain FROM domains WHERE user = ? ORDER BY is_main DESC, domain").all(user) as Array<{ domain: string }>;
    return rows.map((r) => r.domain);
  }
  ownerOfDomain(domain: string): string | undefined {
    const row = this.db.prepare("SELECT user FROM domains WHERE domain = ?").get(domain) as { user: string } | undefined;
    return row?.user;
  }
  createAccount(a: NewAccount): void {
    this.db
      .prepare(
        `INSERT INTO accounts (user, domain, contact_email, password_hash, token, max_email_quota_mb, plan, start_time, owner, legacy)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.user,
        a.domain,
        a.contactEmail ?? "",
        a.passwordHash ?? (a.password ? hashPassword(a.password) : null),
        a.token ?? null,
        a.maxEmailQuotaMb ?? null,
        a.plan ?? "default",
        now(),
        a.owner ?? "root",
        a.legacy ? 1 : 0,
      );
    this.db.prepare("INSERT INTO domains (domain, user, is_main) VALUES (?, ?, 1)").run(a.domain, a.user);
    for (const d of a.extraDomains ?? []) {
      this.db.prepare("INSERT INTO domains (domain, user, is_main) VALUES (?, ?, 0)").run(d, a.user);
    }
  }
  setAccountFlag(user: string, column: "outgoing_suspended" | "outgoing_held" | "force_password_change", value: number): void {
    this.db.prepare(`UPDATE accounts SET ${column} = ? WHERE user = ?`).run(value, user);
  }

  // Resellers (WHM users other than root, with their own API token and ACL list)
  reseller(user: string): ResellerRow | undefined {
    return this.db.prepare("SELECT * FROM resellers WHERE user = ?").get(user) as ResellerRow | undefined;
  }
  createReseller(user: string, token: string, acls: string[]): void {
    this.db.prepare("INSERT INTO resellers (user, token, acls) VALUES (?, ?, ?)").run(user, token, JSON.stringify(acls));
  }

  // Mailboxes
  mailbox(local: string, domain: string): MailboxRow | undefined {
    return this.db.prepare("SELECT * FROM mailboxes WHERE local = ? AND domain = ?").get(local, domain) as MailboxRow | undefined;
  }
  mailboxesOf(user: string): MailboxRow[] {
    return this.db.prepare("SELECT * FROM mailboxes WHERE user = ? ORDER BY domain, local").all(user) as MailboxRow[];
  }
  insertMailbox(m: NewMailbox): void {
    this.db
      .prepare(
        `INSERT INTO mailboxes (user, local, domain, password_hash, quota_mb, disk_used,
           suspended_login, suspended_incoming, suspended_outgoing, hold_outgoing, mtime)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        m.user,
        m.local,
        m.domain,
        m.passwordHash,
        m.quotaMb,
        m.diskUsedBytes ?? 0,
        m.flags?.suspended_login ?? 0,
        m.flags?.suspended_incoming ?? 0,
        m.flags?.suspended_outgoing ?? 0,
        m.flags?.hold_outgoing ?? 0,
        now(),
      );
  }
  deleteMailbox(id: number): void {
    this.db.prepare("DELETE FROM mailboxes WHERE id = ?").run(id);
  }
  updateMailbox(
    id: number,
    column: "password_hash" | "quota_mb" | "suspended_login" | "suspended_incoming" | "suspended_outgoing" | "hold_outgoing",
    value: string | number | null,
  ): void {
    this.db.prepare(`UPDATE mailboxes SET ${column} = ?, mtime = ? WHERE id = ?`).run(value, now(), id);
  }

  // Mailbox (IMAP/POP3) sessions
  openSession(mailboxId: number): void {
    this.db.prepare("INSERT INTO mailbox_sessions (mailbox_id, opened_at) VALUES (?, ?)").run(mailboxId, now());
  }
  sessionCount(mailboxId: number): number {
    const row = this.db.prepare("SELECT COUNT(*) AS n FROM mailbox_sessions WHERE mailbox_id = ?").get(mailboxId) as {
      n: number;
    };
    return row.n;
  }
  endSessions(mailboxId: number): void {
    this.db.prepare("DELETE FROM mailbox_sessions WHERE mailbox_id = ?").run(mailboxId);
  }
  endAccountSessions(user: string): void {
    this.db.prepare("DELETE FROM mailbox_sessions WHERE mailbox_id IN (SELECT id FROM mailboxes WHERE user = ?)").run(user);
  }

  // Forwarders
  forwardersOf(user: string, domain?: string): ForwarderRow[] {
    if (domain) {
      return this.db.prepare("SELECT * FROM forwarders WHERE user = ? AND domain = ? ORDER BY address, id").all(user, domain) as ForwarderRow[];
    }
    return this.db.prepare("SELECT * FROM forwarders WHERE user = ? ORDER BY address, id").all(user) as ForwarderRow[];
  }
  /** Inserts unless the same address→destination pair exists (cPanel keeps one copy). */
  addForwarder(user: string, address: string, domain: string, kind: string, forward: string): void {
    this.db
      .prepare("INSERT OR IGNORE INTO forwarders (user, address, domain, kind, forward) VALUES (?, ?, ?, ?, ?)")
      .run(user, address, domain, kind, forward);
  }
  deleteForwarder(user: string, address: string, forward: string): number {
    return this.db.prepare("DELETE FROM forwarders WHERE user = ? AND address = ? AND forward = ?").run(user, address, forward).changes;
  }

  // Domain forwarders
  domainForwardersOf(user: string): Array<{ domain: string; destdomain: string }> {
    return this.db.prepare("SELECT domain, destdomain FROM domain_forwarders WHERE user = ? ORDER BY domain").all(user) as Array<{
      domain: string;
      destdomain: string;
    }>;
  }
  setDomainForwarder(user: string, domain: string, destdomain: string): void {
    this.db.prepare("INSERT OR REPLACE INTO domain_forwarders (domain, user, destdomain) VALUES (?, ?, ?)").run(domain, user, destdomain);
  }
  deleteDomainForwarder(user: string, domain: string): number {
    return this.db.prepare("DELETE FROM domain_forwarders WHERE user = ? AND domain = ?").run(user, domain).changes;
  }

  // Autoresponders
  autoresponder(address: string): AutoresponderRow | undefined {
    return this.db.prepare("SELECT * FROM autoresponders WHERE address = ?").get(address) as AutoresponderRow | undefined;
  }
  autorespondersOf(user: string, domain?: string): AutoresponderRow[] {
    if (domain) {
      return this.db.prepare("SELECT * FROM autoresponders WHERE user = ? AND domain = ? ORDER BY address").all(user, domain) as AutoresponderRow[];
    }
    return this.db.prepare("SELECT * FROM autoresponders WHERE user = ? ORDER BY address").all(user) as AutoresponderRow[];
  }
  setAutoresponder(r: AutoresponderRow): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO autoresponders
          (address, user, domain, from_name, subject, body, is_html, interval, start, stop, charset)
         VALUES (@address, @user, @domain, @from_name, @subject, @body, @is_html, @interval, @start, @stop, @charset)`,
      )
      .run(r);
  }
  deleteAutoresponder(address: string): number {
    return this.db.prepare("DELETE FROM autoresponders WHERE address = ?").run(address).changes;
  }

  // System account forwarding (WHM set/get_user_email_forward_destination)
  systemForward(user: string): string[] {
    const row = this.db.prepare("SELECT forward_to FROM system_forwards WHERE user = ?").get(user) as { forward_to: string } | undefined;
    return row ? row.forward_to.split(",").filter(Boolean) : [];
  }
  setSystemForward(user: string, destinations: string[]): void {
    if (destinations.length === 0) this.db.prepare("DELETE FROM system_forwards WHERE user = ?").run(user);
    else this.db.prepare("INSERT OR REPLACE INTO system_forwards (user, forward_to) VALUES (?, ?)").run(user, destinations.join(","));
  }

  // Client settings mailed with UAPI Email::dispatch_client_settings
  recordDispatchedSettings(user: string, account: string, recipient: string, cc: string): void {
    this.db
      .prepare("INSERT INTO dispatched_client_settings (user, account, recipient, cc, sent_at) VALUES (?, ?, ?, ?, ?)")
      .run(user, account, recipient, cc, now());
  }
  dispatchedSettingsOf(user: string): Array<{ account: string; to: string; cc: string; sentAt: number }> {
    return this.db
      .prepare('SELECT account, recipient AS "to", cc, sent_at AS sentAt FROM dispatched_client_settings WHERE user = ? ORDER BY id')
      .all(user) as Array<{ account: string; to: string; cc: string; sentAt: number }>;
  }

  // One-time login sessions (WHM create_user_session)
  addLoginSession(session: string, cpsess: string, user: string, service: string, expires: number): void {
    this.db
      .prepare("INSERT INTO login_sessions (session, cpsess, user, service, expires) VALUES (?, ?, ?, ?, ?)")
      .run(session, cpsess, user, service, expires);
  }
  /** Marks a one-time session used and returns it, or undefined when unknown, used or expired. */
  consumeLoginSession(session: string, cpsess: string, services: string[]): { user: string; service: string } | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM login_sessions WHERE session = ? AND cpsess = ? AND used = 0 AND expires >= ?
           AND service IN (SELECT value FROM json_each(?))`,
      )
      .get(session, cpsess, now(), JSON.stringify(services)) as { user: string; service: string } | undefined;
    if (!row) return undefined;
    this.db.prepare("UPDATE login_sessions SET used = 1 WHERE session = ?").run(session);
    return row;
  }
}
