import type Database from "better-sqlite3";

type Db = Database.Database;

/**
 * Outgoing mail per account: Exim's delivery log (what WHM `emailtrack_search` reads) and the messages held in the
 * queue for a mailbox whose outgoing mail is on hold (what UAPI `Email::get_held_message_count` counts).
 */
export const OUTGOING_SCHEMA = `
CREATE TABLE IF NOT EXISTS mail_log (
  id INTEGER PRIMARY KEY,
  user TEXT NOT NULL,
  sender TEXT NOT NULL,
  recipient TEXT NOT NULL,
  type TEXT NOT NULL,
  sendunixtime INTEGER NOT NULL,
  actiontime INTEGER NOT NULL,
  msgid TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS mail_log_sender ON mail_log(sender, sendunixtime);
CREATE INDEX IF NOT EXISTS mail_log_time ON mail_log(sendunixtime);
CREATE TABLE IF NOT EXISTS held_messages (
  id INTEGER PRIMARY KEY,
  user TEXT NOT NULL,
  sender TEXT NOT NULL,
  recipient TEXT NOT NULL,
  queued_at INTEGER NOT NULL,
  msgid TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS held_messages_sender ON held_messages(sender);
`;

export const OUTGOING_TABLES = ["mail_log", "held_messages"] as const;

/** The four delivery-record kinds of Cpanel::DeliveryReporter (`success`, `failure`, `defer`, `inprogress`). */
export type DeliveryType = "success" | "failure" | "defer" | "inprogress";

export interface MailLogRow {
  id: number;
  user: string;
  sender: string;
  recipient: string;
  type: DeliveryType;
  sendunixtime: number;
  actiontime: number;
  msgid: string;
  message: string;
}

export interface NewLogRow {
  user: string;
  sender: string;
  recipient: string;
  type: DeliveryType;
  sendunixtime: number;
  message?: string;
}

let msgCounter = 0;
/** An Exim message id shape (`1abCDe-000AbC-0x`); unique within the process. */
export function eximId(time: number): string {
  msgCounter += 1;
  const b62 = (n: number, w: number) => {
    const chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let s = "";
    for (let i = 0; i < w; i++) {
      s = chars[n % 62] + s;
      n = Math.floor(n / 62);
    }
    return s;
  };
  return `${b62(time, 6)}-${b62(msgCounter, 6)}-${b62(msgCounter % 3844, 2)}`;
}

/** Reads and writes of the outgoing-mail tables. */
export class OutgoingStore {
  constructor(private readonly db: Db) {}

  addLogRows(rows: NewLogRow[]): void {
    const insert = this.db.prepare(
      "INSERT INTO mail_log (user, sender, recipient, type, sendunixtime, actiontime, msgid, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    this.db.transaction(() => {
      for (const r of rows) {
        insert.run(
          r.user,
          r.sender.toLowerCase(),
          r.recipient.toLowerCase(),
          r.type,
          r.sendunixtime,
          r.sendunixtime + 1,
          eximId(r.sendunixtime),
          r.message ?? "",
        );
      }
    })();
  }
  logRowsOf(user: string | null): MailLogRow[] {
    return (
      user === null
        ? this.db.prepare("SELECT * FROM mail_log ORDER BY sendunixtime, id").all()
        : this.db.prepare("SELECT * FROM mail_log WHERE user = ? ORDER BY sendunixtime, id").all(user)
    ) as MailLogRow[];
  }
  logCount(sender: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM mail_log WHERE sender = ?").get(sender.toLowerCase()) as { n: number }).n;
  }

  hold(user: string, sender: string, recipients: string[], queuedAt: number): void {
    const insert = this.db.prepare("INSERT INTO held_messages (user, sender, recipient, queued_at, msgid) VALUES (?, ?, ?, ?, ?)");
    this.db.transaction(() => {
      for (const r of recipients) insert.run(user, sender.toLowerCase(), r.toLowerCase(), queuedAt, eximId(queuedAt));
    })();
  }
  heldCount(sender: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM held_messages WHERE sender = ?").get(sender.toLowerCase()) as { n: number }).n;
  }
  /** Removes the sender's held messages and returns them. */
  takeHeld(sender: string): Array<{ user: string; recipient: string; queued_at: number }> {
    const rows = this.db
      .prepare("SELECT user, recipient, queued_at FROM held_messages WHERE sender = ? ORDER BY id")
      .all(sender.toLowerCase()) as Array<{
      user: string;
      recipient: string;
      queued_at: number;
    }>;
    this.db.prepare("DELETE FROM held_messages WHERE sender = ?").run(sender.toLowerCase());
    return rows;
  }
}
