import { regexFilter, resolveAddress, type Address } from "../address";
import { ApiError, texts } from "../errors";
import type { Params } from "../params";
import { hashPassword, verifyPassword } from "../state/passwords";
import type { MailboxRow } from "../state/store";
import { passwordStrength, tooWeakMessage } from "../strength";
import { MB, parseQuota } from "./quota";
import { list, out, type CpanelContext, type UapiHandler } from "./types";

/** The mailbox named by `email` (+ `domain`), or cPanel's AccountNotFound text. */
export function findMailbox(ctx: CpanelContext, params: Params, defaultToMainDomain = true): [MailboxRow, Address] {
  const addr = resolveAddress(ctx.store, ctx.account, params, { defaultToMainDomain });
  const mailbox = ctx.store.mailbox(addr.local, addr.domain);
  if (!mailbox) throw new ApiError(texts.noSuchMailbox(addr.address));
  return [mailbox, addr];
}

/** Cpanel::PasswdStrength::Check::verify_or_die('virtual', …): mail passwords use the `virtual` minimum. */
function requireStrength(ctx: CpanelContext, password: string): void {
  if (passwordStrength(password) < ctx.minPwStrength) throw new ApiError(tooWeakMessage(ctx.minPwStrength));
}

function humanBytes(bytes: number): string {
  const nbsp = "\u00a0";
  if (bytes < 1024) return `${bytes}${nbsp}bytes`;
  if (bytes < MB) return `${(bytes / 1024).toFixed(2)}${nbsp}KB`;
  if (bytes < 1024 * MB) return `${(bytes / MB).toFixed(2)}${nbsp}MB`;
  return `${(bytes / (1024 * MB)).toFixed(2)}${nbsp}GB`;
}

/** One row of list_pops_with_disk: `_diskquota`/`_diskused` bytes, `diskquota`/`diskused` MB. */
function diskRow(m: MailboxRow, restrictions: boolean, params: Params) {
  const address = `${m.local}@${m.domain}`;
  const quotaBytes = m.quota_mb === null ? 0 : m.quota_mb * MB;
  const percent = quotaBytes ? (m.disk_used / quotaBytes) * 100 : 0;
  const unlimited = params.get("infinityimg")
    ? `<img src="${params.get("infinityimg")}" alt="∞" />`
    : params.flag("infinitylang")
      ? "∞"
      : "unlimited";
  const row: Record<string, unknown> = {
    email: address,
    login: address,
    user: m.local,
    domain: m.domain,
    _diskquota: quotaBytes,
    _diskused: m.disk_used,
    diskquota: m.quota_mb === null ? unlimited : m.quota_mb,
    txtdiskquota: m.quota_mb === null ? "unlimited" : m.quota_mb,
    humandiskquota: m.quota_mb === null ? "None" : `${m.quota_mb}\u00a0MB`,
    diskused: Math.round((m.disk_used / MB) * 100) / 100,
    humandiskused: humanBytes(m.disk_used),
    diskusedpercent: Math.round(percent),
    diskusedpercent20: Math.min(100, Math.round(percent / 20) * 20),
    diskusedpercent_float: percent,
    mtime: m.mtime,
  };
  if (params.flag("no_disk")) {
    row._diskused = 0;
    row.diskused = 0;
  }
  // cPanel reports the restriction flags only with get_restrictions=1.
  if (restrictions) {
    row.suspended_login = m.suspended_login;
    row.suspended_incoming = m.suspended_incoming;
    row.suspended_outgoing = m.suspended_outgoing;
    row.hold_outgoing = m.hold_outgoing;
    row.has_suspended = m.suspended_login || m.suspended_incoming || m.suspended_outgoing || m.hold_outgoing ? 1 : 0;
  }
  return row;
}

const listPops: UapiHandler = (ctx, params) => {
  const match = regexFilter(params);
  const rows: Array<Record<string, unknown>> = ctx.store
    .mailboxesOf(ctx.account.user)
    .filter((m) => match(`${m.local}@${m.domain}`))
    .map((m) => ({
      email: `${m.local}@${m.domain}`,
      login: `${m.local}@${m.domain}`,
      suspended_incoming: m.suspended_incoming,
      suspended_login: m.suspended_login,
    }));
  // list_pops also reports the cPanel account's own (system) mailbox unless skip_main=1.
  if (!params.flag("skip_main") && match(ctx.account.user)) {
    rows.push({ email: ctx.account.user, login: "Main Account", suspended_incoming: 0, suspended_login: 0 });
  }
  return list(rows);
};

const listPopsWithDisk: UapiHandler = (ctx, params) => {
  const match = regexFilter(params);
  const domain = params.get("domain")?.toLowerCase();
  const local = params.get("email")?.toLowerCase();
  const max = params.int("maxaccounts");
  let rows = ctx.store
    .mailboxesOf(ctx.account.user)
    .filter((m) => (!domain || m.domain === domain) && (!local || m.local === local || `${m.local}@${m.domain}` === local))
    .filter((m) => match(`${m.local}@${m.domain}`));
  if (max !== undefined && max > 0) rows = rows.slice(0, max);
  const restrictions = params.flag("get_restrictions");
  return list(rows.map((m) => diskRow(m, restrictions, params)));
};

const addPop: UapiHandler = (ctx, params) => {
  params.require("email");
  const password = params.get("password");
  const passwordHash = params.get("password_hash");
  if (!password && !passwordHash) throw new ApiError(texts.missingArgument("password"));
  const addr = resolveAddress(ctx.store, ctx.account, params);
  if (ctx.store.mailbox(addr.local, addr.domain)) throw new ApiError(texts.mailboxExists(addr.address));
  const quota = parseQuota(params.get("quota"), ctx.account.max_email_quota_mb, true);
  if (password) requireStrength(ctx, password);
  ctx.store.insertMailbox({
    user: ctx.account.user,
    local: addr.local,
    domain: addr.domain,
    passwordHash: password ? hashPassword(password) : (passwordHash ?? null),
    quotaMb: quota,
  });
  // UAPI add_pop answers "local+domain".
  return out(`${addr.local}+${addr.domain}`);
};

const deletePop: UapiHandler = (ctx, params) => {
  const [mailbox, addr] = findMailbox(ctx, params);
  ctx.store.db.transaction(() => {
    ctx.store.deleteMailbox(mailbox.id); // sessions go with it (ON DELETE CASCADE)
    // Deleting an email account removes its autoresponder; its forwarders stay (cPanel keeps valiases).
    ctx.store.deleteAutoresponder(addr.address);
  })();
  return out(null);
};

const passwdPop: UapiHandler = (ctx, params) => {
  params.require("email");
  const password = params.require("password");
  const [mailbox] = findMailbox(ctx, params);
  requireStrength(ctx, password);
  // Cpanel::Email::PasswdPop flushes Dovecot's auth cache for the address; whether live IMAP sessions
  // survive is unconfirmed, so the emulator keeps them (tests can see the difference via the control state).
  ctx.store.updateMailbox(mailbox.id, "password_hash", hashPassword(password));
  return out(null);
};

const editPopQuota: UapiHandler = (ctx, params) => {
  // edit_pop_quota requires both `email` (local part) and `domain`.
  const [mailbox] = findMailbox(ctx, params, false);
  const quota = parseQuota(params.get("quota") ?? "unlimited", ctx.account.max_email_quota_mb, false);
  ctx.store.updateMailbox(mailbox.id, "quota_mb", quota);
  return out(null);
};

const getPopQuota: UapiHandler = (ctx, params) => {
  const [mailbox] = findMailbox(ctx, params);
  // MB, or bytes with as_bytes=1; 0 = unlimited.
  if (mailbox.quota_mb === null) return out(0);
  return out(params.flag("as_bytes") ? mailbox.quota_mb * MB : mailbox.quota_mb);
};

type Flag = "suspended_login" | "suspended_incoming" | "suspended_outgoing" | "hold_outgoing";

function setFlag(flag: Flag, value: 0 | 1, data: unknown, endSessions = false): UapiHandler {
  return (ctx, params) => {
    const [mailbox] = findMailbox(ctx, params);
    ctx.store.db.transaction(() => {
      ctx.store.updateMailbox(mailbox.id, flag, value);
      // suspend_login "immediately suspends the user's login credentials": open sessions end.
      if (endSessions) ctx.store.endSessions(mailbox.id);
    })();
    return out(data);
  };
}

const verifyPasswordHandler: UapiHandler = (ctx, params) => {
  params.require("email");
  const password = params.require("password");
  const [mailbox] = findMailbox(ctx, params);
  return out(verifyPassword(password, mailbox.password_hash) ? 1 : 0);
};

const terminateMailboxSessions: UapiHandler = (ctx) => {
  // Ends the IMAP/POP3 sessions of every address on the account (cPanel 96+); no per-mailbox variant.
  ctx.store.endAccountSessions(ctx.account.user);
  return out(null);
};

export const popHandlers: Record<string, UapiHandler> = {
  list_pops: listPops,
  list_pops_with_disk: listPopsWithDisk,
  add_pop: addPop,
  delete_pop: deletePop,
  passwd_pop: passwdPop,
  edit_pop_quota: editPopQuota,
  get_pop_quota: getPopQuota,
  // suspend_outgoing and unsuspend_incoming answer data 1; the others null (S1).
  suspend_login: setFlag("suspended_login", 1, null, true),
  unsuspend_login: setFlag("suspended_login", 0, null),
  suspend_incoming: setFlag("suspended_incoming", 1, null),
  unsuspend_incoming: setFlag("suspended_incoming", 0, 1),
  suspend_outgoing: setFlag("suspended_outgoing", 1, 1),
  unsuspend_outgoing: setFlag("suspended_outgoing", 0, null),
  hold_outgoing: setFlag("hold_outgoing", 1, null),
  release_outgoing: setFlag("hold_outgoing", 0, null),
  verify_password: verifyPasswordHandler,
  terminate_mailbox_sessions: terminateMailboxSessions,
};
