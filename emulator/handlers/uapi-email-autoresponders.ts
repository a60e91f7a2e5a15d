import { regexFilter, requireOwnDomain, resolveAddress } from "../address";
import { ApiError, texts } from "../errors";
import { list, out, type UapiHandler } from "./types";

const addAutoResponder: UapiHandler = (ctx, params) => {
  for (const name of ["email", "domain", "from", "subject", "body"]) params.require(name);
  const interval = params.int("interval");
  const isHtml = params.int("is_html");
  // cPanel's own form (base/frontend/jupiter/mail/addars.html.tt → doaddars.html.tt) sends start="" for
  // "Immediately" and stop="" for "Never"; both are kept as "none" (stored 0) and read back as "".
  const start = params.int("start", 0);
  const stop = params.int("stop", 0);
  if (interval === undefined) throw new ApiError(texts.missingArgument("interval"));
  if (isHtml === undefined) throw new ApiError(texts.missingArgument("is_html"));
  if (!params.has("start")) throw new ApiError(texts.missingArgument("start"));
  if (!params.has("stop")) throw new ApiError(texts.missingArgument("stop"));
  const addr = resolveAddress(ctx.store, ctx.account, params, { defaultToMainDomain: false });
  // add_auto_responder replaces an existing autoresponder for the address.
  ctx.store.setAutoresponder({
    address: addr.address,
    user: ctx.account.user,
    domain: addr.domain,
    from_name: params.require("from"),
    subject: params.require("subject"),
    body: params.require("body"),
    is_html: isHtml ? 1 : 0,
    interval,
    start: start!,
    stop: stop!,
    charset: params.get("charset") || "utf-8",
  });
  return out(null);
};

const deleteAutoResponder: UapiHandler = (ctx, params) => {
  const addr = resolveAddress(ctx.store, ctx.account, params);
  if (ctx.store.deleteAutoresponder(addr.address) === 0) throw new ApiError(texts.noSuchAutoresponder(addr.address));
  return out(null);
};

const getAutoResponder: UapiHandler = (ctx, params) => {
  const addr = resolveAddress(ctx.store, ctx.account, params);
  const r = ctx.store.autoresponder(addr.address);
  if (!r || r.user !== ctx.account.user) throw new ApiError(texts.noSuchAutoresponder(addr.address));
  return out({
    body: r.body,
    charset: r.charset,
    from: r.from_name,
    interval: r.interval,
    is_html: r.is_html,
    start: r.start || "",
    stop: r.stop || "",
    subject: r.subject,
  });
};

const listAutoResponders: UapiHandler = (ctx, params) => {
  const domain = params.require("domain").trim().toLowerCase();
  requireOwnDomain(ctx.store, ctx.account, domain);
  const match = regexFilter(params);
  return list(
    ctx.store
      .autorespondersOf(ctx.account.user, domain)
      .filter((r) => match(r.address))
      .map((r) => ({ email: r.address, subject: r.subject })),
  );
};

const listMailDomains: UapiHandler = (ctx, params) => {
  // The main domain always comes first.
  const select = params.get("select")?.toLowerCase();
  const domains = ctx.store.domainsOf(ctx.account.user);
  const rows: Array<{ domain: string; select: number }> = [];
  for (const d of domains) {
    rows.push({ domain: d, select: d === select ? 1 : 0 });
    if (params.flag("add_www")) rows.push({ domain: `www.${d}`, select: `www.${d}` === select ? 1 : 0 });
  }
  return list(rows);
};

export const autoresponderHandlers: Record<string, UapiHandler> = {
  add_auto_responder: addAutoResponder,
  delete_auto_responder: deleteAutoResponder,
  get_auto_responder: getAutoResponder,
  list_auto_responders: listAutoResponders,
  list_mail_domains: listMailDomains,
};
