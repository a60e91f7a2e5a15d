import type { NewLogRow } from "./state/outgoing";
import { hashPassword } from "./state/passwords";
import { now, type Store } from "./state/store";

/** `--seed fleet:SxAxM`: S servers, each with A accounts of M mailboxes (docs/emulator.md, "A fleet of servers"). */
export interface FleetSpec {
  servers: number;
  accounts: number;
  mailboxes: number;
}

/** The password of every fleet mailbox (hashed once per process). */
export const FLEET_MAILBOX_PASSWORD = "Fleet-mailbox-2026!";

// Generous but finite: a typo (fleet:50x200000x10) must not fill the memory of the machine.
const MAX_SERVERS = 500;
const MAX_MAILBOXES_PER_SERVER = 500_000;

/** Parses `fleet:SxAxM` (e.g. `fleet:50x200x10`); throws a sentence naming what is wrong. */
export function parseFleetSpec(text: string): FleetSpec {
  const m = /^fleet:(\d+)x(\d+)x(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`Unknown seed "${text}": use "demo" or "fleet:SERVERSxACCOUNTSxMAILBOXES" (e.g. fleet:50x200x10)`);
  const [servers, accounts, mailboxes] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (servers < 1 || servers > MAX_SERVERS) throw new Error(`A fleet has 1–${MAX_SERVERS} servers, not ${servers}`);
  if (accounts < 1) throw new Error("A fleet server needs at least 1 account");
  if (accounts * mailboxes > MAX_MAILBOXES_PER_SERVER)
    throw new Error(`At most ${MAX_MAILBOXES_PER_SERVER} mailboxes per server (${accounts}×${mailboxes} asked)`);
  return { servers, accounts, mailboxes };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** The names fleet server `server` (0-based) gives its account `account` (0-based); the bench and tests derive addresses from these. */
export function fleetNames(server: number, account: number) {
  const s = pad(server + 1, 2);
  const a = pad(account, 4);
  return {
    serverLabel: `srv${s}`,
    user: `f${s}u${a}`,
    domain: `acct${a}.srv${s}.test`,
    contactEmail: `owner${a}@srv${s}.example`,
    token: `FLEET${s}U${a}`.padEnd(32, "0"),
    mailbox: (box: number) => `box${box}@acct${a}.srv${s}.test`,
  };
}

let fleetHash: string | undefined;

/**
 * Loads fleet server `server`'s share of `spec` straight into its store, in one transaction with prepared statements
 * (no HTTP, one password hash for every mailbox): 100,000 mailboxes take well under a second per process. Every
 * account's first mailbox sent some mail in the last hour, so the delivery log is not empty. A store that already has
 * the first account is left as it is (seeding twice changes nothing).
 */
export function seedFleetServer(store: Store, spec: FleetSpec, server: number): { accounts: number; mailboxes: number } {
  const db = store.db;
  if (store.account(fleetNames(server, 0).user)) return { accounts: 0, mailboxes: 0 };
  fleetHash ??= hashPassword(FLEET_MAILBOX_PASSWORD);
  const t = now();
  const account = db.prepare(
    `INSERT INTO accounts (user, domain, contact_email, password_hash, token, max_email_quota_mb, plan, start_time, owner, legacy)
     VALUES (?, ?, ?, NULL, ?, NULL, 'Fleet', ?, 'root', 0)`,
  );
  const domain = db.prepare("INSERT INTO domains (domain, user, is_main) VALUES (?, ?, 1)");
  const mailbox = db.prepare(
    `INSERT INTO mailboxes (user, local, domain, password_hash, quota_mb, disk_used, suspended_login, suspended_incoming,
       suspended_outgoing, hold_outgoing, mtime) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)`,
  );
  const log: NewLogRow[] = [];
  db.transaction(() => {
    for (let a = 0; a < spec.accounts; a++) {
      const names = fleetNames(server, a);
      account.run(names.user, names.domain, names.contactEmail, names.token, t - 86400 * (a + 1));
      domain.run(names.domain, names.user);
      for (let b = 0; b < spec.mailboxes; b++) {
        mailbox.run(names.user, `box${b}`, names.domain, fleetHash, b % 5 === 0 ? null : 1024, (a * 7 + b) * 65536, t);
      }
      // A few messages per account's first mailbox, more for the first accounts: top senders have a ranking.
      if (spec.mailboxes > 0) {
        const sent = a < 5 ? 40 - a * 5 : 1;
        for (let i = 0; i < sent; i++) {
          log.push({
            user: names.user,
            sender: names.mailbox(0),
            recipient: `someone${i}@example.net`,
            type: i % 9 === 8 ? "failure" : i % 7 === 6 ? "defer" : "success",
            sendunixtime: t - 60 - ((i * 97) % 3000),
          });
        }
      }
    }
  })();
  store.outgoing.addLogRows(log);
  return { accounts: spec.accounts, mailboxes: spec.accounts * spec.mailboxes };
}
