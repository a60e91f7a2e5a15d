import { parseAddress, requireOwnDomain } from "../address";
import { ApiError, texts } from "../errors";
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
  });
};

export const clientSettingsHandlers: Record<string, UapiHandler> = {
  get_client_settings: getClientSettings,
};
