import "server-only";
import { inspect } from "node:util";
import type { z } from "zod";
import type { autoresponderData, emailtrackRow, popRow, popWithDiskRow, uapi, whmAccountRow } from "./endpoints";
import { CpanelConfigError } from "./errors";
import type {
  Autoresponder,
  DeliveryKind,
  DeliveryRecord,
  Forwarder,
  ForwarderKind,
  MailClientSettings,
  Mailbox,
  MailboxBasic,
  UserSession,
  WhmAccount,
} from "./types";

/** Raw cPanel rows reshaped into the domain types the client returns (pure: no I/O). */

export const MIB = 1024 * 1024;

/** Splits `user@example.com`; cPanel wants the local part and the domain separately for most Email calls. */
export function splitAddress(email: string): { localPart: string; domain: string } {
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) throw new CpanelConfigError(`not an email address: ${JSON.stringify(email)}`);
  return { localPart: email.slice(0, at), domain: email.slice(at + 1).toLowerCase() };
}

const UNLIMITED = new Set(["unlimited", "none", "∞", ""]);

/** A quota/limit in MB from cPanel's forms: number, "250", "250M", "unlimited", "None", 0 (= unlimited). */
export function quotaMb(value: unknown, zeroIsUnlimited = true): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value === 0 && zeroIsUnlimited ? null : value;
  const text = String(value).trim();
  if (UNLIMITED.has(text.toLowerCase())) return null;
  const match = /^(\d+(?:\.\d+)?)\s*(M|MB)?$/i.exec(text);
  if (!match) return null;
  const mb = Number(match[1]);
  return mb === 0 && zeroIsUnlimited ? null : mb;
}

/** Bytes as MB rounded to two decimals; 0 bytes (cPanel's "no limit") is null. */
export function bytesToQuotaMb(bytes: number): number | null {
  return bytes === 0 ? null : Math.round((bytes / MIB) * 100) / 100;
}

function bytesOf(value: unknown): number {
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

/** A `list_pops_with_disk` row as a Mailbox, or null for the main account row ("Main Account" / the cPanel username). */
export function toMailbox(row: z.output<typeof popWithDiskRow>): Mailbox | null {
  if (!row.email.includes("@")) return null;
  const { localPart, domain } = splitAddress(row.email);
  let quota: number | null;
  if (row._diskquota !== undefined && row._diskquota !== null && String(row._diskquota).trim() !== "" && !Number.isNaN(Number(row._diskquota))) {
    quota = bytesToQuotaMb(bytesOf(row._diskquota));
  } else {
    quota = quotaMb(row.txtdiskquota ?? row.diskquota);
  }
  const used = row._diskused ?? (row.diskused !== undefined && row.diskused !== null ? bytesOf(row.diskused) * MIB : 0);
  return {
    email: row.email,
    localPart: row.user || localPart,
    domain: row.domain || domain,
    quotaMb: quota,
    diskUsedBytes: bytesOf(used),
    suspendLogin: row.suspended_login,
    suspendIncoming: row.suspended_incoming,
    suspendOutgoing: row.suspended_outgoing,
    holdOutgoing: row.hold_outgoing,
  };
}

/** A `list_pops` row as a MailboxBasic, or null for the main account row. */
export function toMailboxBasic(row: z.output<typeof popRow>): MailboxBasic | null {
  if (!row.email.includes("@")) return null;
  const { localPart, domain } = splitAddress(row.email);
  return { email: row.email, localPart, domain, suspendLogin: row.suspended_login, suspendIncoming: row.suspended_incoming };
}

/** The kind of a forwarder from cPanel's raw destination (`:fail: text`, `:blackhole:`, `|/path`, a user, addresses). */
export function classifyForwardDestination(forward: string): { kind: ForwarderKind; failMessage?: string } {
  const value = forward.trim();
  if (value.startsWith(":fail:")) return { kind: "fail", failMessage: value.slice(":fail:".length).trim() };
  if (value.startsWith(":blackhole:")) return { kind: "blackhole" };
  if (value.startsWith("|") || value.startsWith('"|')) return { kind: "pipe" };
  if (value.includes("@")) return { kind: "address" };
  return { kind: "system" };
}

/**
 * Why `destination` would not reach cPanel's /etc/valiases as a plain address (Exim reads `|…` and `"|…` as a
 * program, `/…` as a file, `:fail:`/`:blackhole:`/`:include:` as specials, a bare word as a user; a comma or a line
 * break starts another item), or null when it is one address.
 */
export function notAnAddressDestination(destination: string): string | null {
  const value = destination.trim();
  if (classifyForwardDestination(value).kind !== "address") return "cPanel would not read it as an address";
  if (/^["/:\\]/.test(value)) return "cPanel would read it as a program, a file or a special destination";
  if (/[\s,;\p{Cc}\u2028\u2029]/u.test(value)) return "it holds a separator, a space or a control character";
  return null;
}

/** A `list_forwarders` row as a Forwarder (`destination` stays cPanel's raw value, as deleting needs it). */
export function toForwarder(row: { dest: string; forward: string }): Forwarder {
  const { kind, failMessage } = classifyForwardDestination(row.forward);
  return { source: row.dest, kind, destination: row.forward, ...(failMessage !== undefined ? { failMessage } : {}) };
}

/** Unix seconds as a Date; "", null and 0 are none. */
export function unixDate(value: number | "" | null | undefined): Date | null {
  return value ? new Date(value * 1000) : null;
}

/** Stop times this client once wrote for "never" (2100-01-01); read as none. */
const LEGACY_NEVER_SECONDS = 4102444800;

/** `get_auto_responder` data as an Autoresponder of `email`. */
export function toAutoresponder(email: string, data: z.output<typeof autoresponderData>): Autoresponder {
  return {
    email,
    from: data.from,
    subject: data.subject,
    body: data.body,
    isHtml: data.is_html,
    charset: data.charset || "utf-8",
    intervalHours: data.interval ?? 0,
    // "", null and 0 all mean none ("Immediately" / "Never" in cPanel's own screens).
    start: unixDate(data.start),
    stop: data.stop && data.stop >= LEGACY_NEVER_SECONDS ? null : unixDate(data.stop),
  };
}

/** listaccts writes `*unknown*` for a value missing from the cpuser file (Whostmgr/Accounts/List.pm). */
const known = (value: string): string => (value.trim() === "*unknown*" ? "" : value.trim());

/** A `listaccts` / `accountsummary` row as a WhmAccount. */
export function toAccount(row: z.output<typeof whmAccountRow>): WhmAccount {
  const contacts = known(row.email)
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  return {
    user: row.user,
    domain: known(row.domain),
    contactEmail: contacts[0] ?? null,
    contactEmails: contacts,
    owner: row.owner,
    plan: row.plan,
    suspended: row.suspended,
    suspendReason: row.suspended && row.suspendreason && row.suspendreason !== "not suspended" ? row.suspendreason : null,
    outgoingMailSuspended: row.outgoing_mail_suspended,
    outgoingMailHold: row.outgoing_mail_hold,
    maxEmailQuotaMb: quotaMb(row.max_emailacct_quota),
    maxMailboxes: quotaMb(row.maxpop, false),
    diskUsedMb: quotaMb(row.diskused, false) ?? 0,
    diskLimitMb: quotaMb(row.disklimit),
    ip: known(row.ip) || null,
    startedAt: unixDate(row.unix_startdate === null || row.unix_startdate === undefined ? null : Number(row.unix_startdate) || null),
  };
}

/** Hides the one-time login URL from logs and JSON while keeping it readable as `.url`. */
export function userSession(url: string, service: string, expiresAt: Date | null): UserSession {
  const session = { service, expiresAt } as UserSession;
  Object.defineProperty(session, "url", { value: url, enumerable: false });
  Object.defineProperty(session, inspect.custom, { value: () => `UserSession { service: '${service}', url: [REDACTED] }`, enumerable: false });
  return session;
}

const DELIVERY_TYPES: Record<DeliveryKind, string> = { sent: "success", failed: "failure", deferred: "defer", inProgress: "inprogress" };

/** The `emailtrack_search` kind flags (`success`, `failure`, `defer`, `inprogress`) for the kinds wanted. */
export function deliveryKindFlags(kinds: readonly DeliveryKind[]): Record<string, 0 | 1> {
  return Object.fromEntries(Object.entries(DELIVERY_TYPES).map(([kind, type]) => [type, kinds.includes(kind as DeliveryKind) ? 1 : 0]));
}

/** An `emailtrack_search` record as a DeliveryRecord, or null for a type the panel does not know. */
export function toDeliveryRecord(row: z.output<typeof emailtrackRow>): DeliveryRecord | null {
  const kind = (Object.keys(DELIVERY_TYPES) as DeliveryKind[]).find((k) => DELIVERY_TYPES[k] === row.type);
  if (!kind) return null;
  return {
    kind,
    sender: (row.sender || row.email).toLowerCase(),
    cpanelUser: row.user,
    recipient: row.recipient.toLowerCase(),
    sentAt: typeof row.sendunixtime === "number" ? new Date(row.sendunixtime * 1000) : null,
  };
}

/** UAPI Email::get_client_settings data → MailClientSettings (POP3 when cPanel's default inbox service is pop3). */
export function toClientSettings(email: string, data: z.output<typeof uapi.getClientSettings.data>): MailClientSettings {
  return {
    email: data.account || email,
    username: data.inbox_username || email,
    incoming: {
      protocol: data.inbox_service === "pop3" ? "pop3" : "imap",
      host: data.inbox_host,
      securePort: data.inbox_port,
      insecurePort: data.inbox_insecure_port ?? null,
    },
    smtp: { host: data.smtp_host, securePort: data.smtp_port, insecurePort: data.smtp_insecure_port ?? null },
    plaintextAuthentication: data.has_plaintext_authentication,
  };
}
