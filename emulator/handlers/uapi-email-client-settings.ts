import { parseAddress, requireOwnDomain } from "../address";
import { ApiError, q, texts } from "../errors";
import { out, type UapiHandler } from "./types";

/**
 * UAPI `Email::get_client_settings` (Cpanel::Email::AutoConfig::Settings::client_settings): what a mail app needs
 * to connect. Hosts are `mail.<domain>` (the emulator's certificates cover it), IMAP by default (the emulator
 * has IMAP on), SMTP submission 465 and 587. `account` defaults to the cPanel user's own (system) mailbox.
 */
const getClientSettings: UapiHandler = (ctx, params) => {
  const account = params.get("account")?.trim() || ctx.account.user;
  let domain: string;
  if (account.includes("@")) {
    const addr = parseAddress(account);
    requireOwnDomain(ctx.store, ctx.account, addr.domain);
    if (!ctx.store.mailbox(addr.local, addr.domain)) throw new ApiError(texts.noSuchMailbox(addr.address));
    domain = addr.domain;
  } else {
    if (account !== ctx.account.user) throw new ApiError(texts.noSuchMailbox(account));
    domain = ctx.account.domain;
  }
  const host = `mail.${domain}`;
  return out({
    account,
    display: account,
    domain,
    mail_domain: `mail.${domain}`,
    inbox_service: "imap",
    inbox_username: account,
    inbox_host: host,
    inbox_port: 993,
    inbox_insecure_port: 143,
    smtp_username: account,
    smtp_host: host,
    smtp_port: 465,
    smtp_insecure_port: 587,
    from_archiving: 0,
    has_plaintext_authentication: 1,
    activesync_available: 0,
    // Cpanel/Email/AutoConfig/Settings.pm client_settings adds it always: Cpanel::ActiveSync::get_ports() is { ssl => 2091 }.
    activesync_port: 2091,
  });
};

/** A mailbox of the account, or the cPanel user itself (its system mailbox), as cPanel's access check allows. */
function hasAccessTo(ctx: Parameters<UapiHandler>[0], account: string): boolean {
  if (account === ctx.account.user) return true;
  if (!account.includes("@")) return false;
  try {
    const addr = parseAddress(account);
    return ctx.store.ownerOfDomain(addr.domain) === ctx.account.user && ctx.store.mailbox(addr.local, addr.domain) !== undefined;
  } catch {
    return false;
  }
}

function isValidEmail(value: string): boolean {
  try {
    parseAddress(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * UAPI `Email::dispatch_client_settings` (adminbin Cpanel::Admin::Modules::Cpanel::autoconfig_call DISPATCH_CLIENT_CONFIG):
 * mails a mailbox's client settings to `to` (default: the mailbox itself), optionally copied to `cc`. The caller must
 * have access to `account`; `to` and `cc` must be valid addresses. The emulator records the mail instead of sending
 * it (control interface: `GET /__emulator/dispatched/<user>`). Answers `data: null`.
 */
const dispatchClientSettings: UapiHandler = (ctx, params) => {
  const account = params.require("account").trim();
  if (!hasAccessTo(ctx, account)) {
    throw new ApiError(`The user ${q(ctx.account.user)} does not have access to an account named ${q(account)}.`);
  }
  const to = params.get("to")?.trim() || (account === ctx.account.user ? `_mainaccount@${ctx.account.domain}` : account);
  const cc = params.get("cc")?.trim() ?? "";
  for (const [name, value] of [
    ["to", to],
    ["cc", cc],
  ] as const) {
    if (value && !isValidEmail(value)) throw new ApiError(`Invalid ${name}: ${value}`);
  }
  ctx.store.recordDispatchedSettings(ctx.account.user, account, to, cc);
  return out(null);
};

export const clientSettingsHandlers: Record<string, UapiHandler> = {
  get_client_settings: getClientSettings,
  dispatch_client_settings: dispatchClientSettings,
};
