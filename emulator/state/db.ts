import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { OUTGOING_SCHEMA, OUTGOING_TABLES } from "./outgoing";

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  user TEXT PRIMARY KEY,
  domain TEXT NOT NULL,
  contact_email TEXT NOT NULL DEFAULT '',
  password_hash TEXT,
  token TEXT UNIQUE,
  max_email_quota_mb INTEGER,
  plan TEXT NOT NULL DEFAULT 'default',
  suspended INTEGER NOT NULL DEFAULT 0,
  suspend_reason TEXT NOT NULL DEFAULT '',
  start_time INTEGER NOT NULL,
  outgoing_suspended INTEGER NOT NULL DEFAULT 0,
  outgoing_held INTEGER NOT NULL DEFAULT 0,
  force_password_change INTEGER NOT NULL DEFAULT 0,
  owner TEXT NOT NULL DEFAULT 'root',
  legacy INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS resellers (
  user TEXT PRIMARY KEY,
  token TEXT NOT NULL UNIQUE,
  acls TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS domains (
  domain TEXT PRIMARY KEY,
  user TEXT NOT NULL REFERENCES accounts(user) ON DELETE CASCADE,
  is_main INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS domains_user ON domains(user);
CREATE TABLE IF NOT EXISTS mailboxes (
  id INTEGER PRIMARY KEY,
  user TEXT NOT NULL REFERENCES accounts(user) ON DELETE CASCADE,
  local TEXT NOT NULL,
  domain TEXT NOT NULL,
  password_hash TEXT,
  quota_mb INTEGER,
  disk_used INTEGER NOT NULL DEFAULT 0,
  suspended_login INTEGER NOT NULL DEFAULT 0,
  suspended_incoming INTEGER NOT NULL DEFAULT 0,
  suspended_outgoing INTEGER NOT NULL DEFAULT 0,
  hold_outgoing INTEGER NOT NULL DEFAULT 0,
  mtime INTEGER NOT NULL,
  UNIQUE (local, domain)
);
CREATE INDEX IF NOT EXISTS mailboxes_user ON mailboxes(user);
CREATE TABLE IF NOT EXISTS mailbox_sessions (
  id INTEGER PRIMARY KEY,
  mailbox_id INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
  opened_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mailbox_sessions_mailbox ON mailbox_sessions(mailbox_id);
CREATE TABLE IF NOT EXISTS forwarders (
  id INTEGER PRIMARY KEY,
  user TEXT NOT NULL REFERENCES accounts(user) ON DELETE CASCADE,
  address TEXT NOT NULL,
  domain TEXT NOT NULL,
  kind TEXT NOT NULL,
  forward TEXT NOT NULL,
  UNIQUE (address, forward)
);
CREATE TABLE IF NOT EXISTS domain_forwarders (
  domain TEXT PRIMARY KEY,
  user TEXT NOT NULL REFERENCES accounts(user) ON DELETE CASCADE,
  destdomain TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS autoresponders (
  address TEXT PRIMARY KEY,
  user TEXT NOT NULL REFERENCES accounts(user) ON DELETE CASCADE,
  domain TEXT NOT NULL,
  from_name TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  is_html INTEGER NOT NULL,
  interval INTEGER NOT NULL,
  start INTEGER NOT NULL,
  stop INTEGER NOT NULL,
  charset TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS system_forwards (
  user TEXT PRIMARY KEY,
  forward_to TEXT NOT NULL
);
-- Mails of mail client settings sent by UAPI Email::dispatch_client_settings (the emulator records them; it sends nothing).
CREATE TABLE IF NOT EXISTS dispatched_client_settings (
  id INTEGER PRIMARY KEY,
  user TEXT NOT NULL,
  account TEXT NOT NULL,
  recipient TEXT NOT NULL,
  cc TEXT NOT NULL DEFAULT '',
  sent_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS login_sessions (
  session TEXT PRIMARY KEY,
  cpsess TEXT NOT NULL,
  user TEXT NOT NULL,
  service TEXT NOT NULL,
  expires INTEGER NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
);
`;

/** Opens (and creates) the emulator's SQLite state; `:memory:` keeps nothing. */
export function openDb(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ":memory:") db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.exec(SCHEMA);
  db.exec(OUTGOING_SCHEMA);
  // Files written before accounts had an owner / legacy flag get the columns (CREATE TABLE IF NOT EXISTS keeps old tables).
  const columns = new Set((db.prepare("PRAGMA table_info(accounts)").all() as Array<{ name: string }>).map((c) => c.name));
  if (!columns.has("owner")) db.exec("ALTER TABLE accounts ADD COLUMN owner TEXT NOT NULL DEFAULT 'root'");
  if (!columns.has("legacy")) db.exec("ALTER TABLE accounts ADD COLUMN legacy INTEGER NOT NULL DEFAULT 0");
  return db;
}

/** Empties every table (the control interface's reset). */
export function clearDb(db: Db): void {
  db.transaction(() => {
    for (const table of [
      ...OUTGOING_TABLES,
      "mailbox_sessions",
      "login_sessions",
      "dispatched_client_settings",
      "autoresponders",
      "domain_forwarders",
      "forwarders",
      "mailboxes",
      "domains",
      "system_forwards",
      "accounts",
      "resellers",
    ]) {
      db.prepare(`DELETE FROM ${table}`).run();
    }
  })();
}
