import { isValidDomain, parseAddress, regexFilter, requireOwnDomain, resolveAddress } from "../address";
import { ApiError, texts } from "../errors";
import { list, out, type UapiHandler } from "./types";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const FWDOPTS = ["fwd", "fail", "blackhole", "pipe", "system"];

/**
 * UAPI Email::add_forwarder. The `forward` values follow /etc/valiases: an address, `:fail: message`,
 * `:blackhole:`, `|/path/to/program`, or a system user.
 */
const addForwarder: UapiHandler = (ctx, params) => {
  params.require("domain");
  params.require("email");
  const fwdopt = params.require("fwdopt").toLowerCase();
  if (!FWDOPTS.includes(fwdopt)) throw new ApiError(texts.invalidChoice("fwdopt", fwdopt, FWDOPTS));
  const addr = resolveAddress(ctx.store, ctx.account, params, { defaultToMainDomain: false });
  let destinations: Array<{ kind: string; forward: string }>;
  switch (fwdopt) {
    case "fwd": {
      const list = params
        .require("fwdemail")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      if (list.length === 0) throw new ApiError(texts.missingArgument("fwdemail"));
      destinations = list.map((d) => ({ kind: "fwd", forward: parseAddress(d).address }));
      break;
    }
    case "fail":
      destinations = [{ kind: "fail", forward: `:fail: ${params.get("failmsgs") || "No such person at this address"}` }];
      break;
    case "blackhole":
      destinations = [{ kind: "blackhole", forward: ":blackhole:" }];
      break;
    case "pipe": {
      const program = params.require("pipefwd").trim();
      const path = program.startsWith("/") ? program : `/home/${ctx.account.user}/${program}`;
      destinations = [{ kind: "pipe", forward: `|${path}` }];
      break;
    }
    default: {
      // fwdopt=system: the account's own system user is the only one a cPanel user may pick.
      const system = params.require("fwdsystem").trim().toLowerCase();
      if (system !== ctx.account.user) throw new ApiError(texts.invalidSystemUser(system));
      destinations = [{ kind: "system", forward: system }];
    }
  }
  ctx.store.db.transaction(() => {
    // A duplicate address→destination pair is kept once, without an error (as cPanel does).
    for (const d of destinations) ctx.store.addForwarder(ctx.account.user, addr.address, addr.domain, d.kind, d.forward);
  })();
  return list(destinations.map((d) => ({ domain: addr.domain, email: addr.address, forward: d.forward })));
};

const deleteForwarder: UapiHandler = (ctx, params) => {
  const address = parseAddress(params.require("address"));
  const forwarder = params.require("forwarder").trim();
  requireOwnDomain(ctx.store, ctx.account, address.domain);
  const candidates = [forwarder, forwarder.toLowerCase()];
  const removed = candidates.some((f) => ctx.store.deleteForwarder(ctx.account.user, address.address, f) > 0);
  if (!removed) throw new ApiError(texts.noSuchForwarder(address.address, forwarder));
  return out(null);
};

const listForwarders: UapiHandler = (ctx, params) => {
  const domain = params.require("domain").toLowerCase();
  requireOwnDomain(ctx.store, ctx.account, domain);
  const match = regexFilter(params);
  const rows = ctx.store
    .forwardersOf(ctx.account.user, domain)
    .filter((f) => match(f.address) || match(f.forward))
    .map((f) => ({
      // cPanel's naming: `dest` is the forwarded address, `forward` where its mail goes.
      dest: f.address,
      forward: f.forward,
      html_dest: escapeHtml(f.address),
      html_forward: escapeHtml(f.forward),
      uri_dest: encodeURIComponent(f.address),
      uri_forward: encodeURIComponent(f.forward),
    }));
  return list(rows);
};

const addDomainForwarder: UapiHandler = (ctx, params) => {
  const domain = params.require("domain").trim().toLowerCase();
  const destdomain = params.require("destdomain").trim().toLowerCase();
  requireOwnDomain(ctx.store, ctx.account, domain);
  if (!isValidDomain(destdomain)) throw new ApiError(texts.invalidDomain(destdomain));
  ctx.store.setDomainForwarder(ctx.account.user, domain, destdomain);
  return out(`File updated "/etc/vdomainaliases/${domain}"`);
};

const deleteDomainForwarder: UapiHandler = (ctx, params) => {
  const domain = params.require("domain").trim().toLowerCase();
  requireOwnDomain(ctx.store, ctx.account, domain);
  if (ctx.store.deleteDomainForwarder(ctx.account.user, domain) === 0) {
    throw new ApiError(texts.noSuchDomainForwarder(domain));
  }
  return out(null);
};

const listDomainForwarders: UapiHandler = (ctx, params) => {
  const domain = params.get("domain")?.trim().toLowerCase();
  if (domain) requireOwnDomain(ctx.store, ctx.account, domain);
  const rows = ctx.store
    .domainForwardersOf(ctx.account.user)
    .filter((f) => !domain || f.domain === domain)
    .map((f) => ({ dest: f.domain, forward: f.destdomain }));
  return list(rows);
};

export const forwarderHandlers: Record<string, UapiHandler> = {
  add_forwarder: addForwarder,
  delete_forwarder: deleteForwarder,
  list_forwarders: listForwarders,
  add_domain_forwarder: addDomainForwarder,
  delete_domain_forwarder: deleteDomainForwarder,
  list_domain_forwarders: listDomainForwarders,
};
