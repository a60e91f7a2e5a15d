import { ApiError, q, texts } from "./errors";
import type { Params } from "./params";
import type { AccountRow, Store } from "./state/store";

// RFC 5322 "dot-atom" local part, which is what cPanel accepts for a mailbox or forwarder name.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export interface Address {
  local: string;
  domain: string;
  address: string;
}

export const isValidDomain = (domain: string): boolean => DOMAIN.test(domain);

/** Parses a full address (lower-cased: cPanel addresses are case-insensitive). */
export function parseAddress(raw: string): Address {
  const value = raw.trim().toLowerCase();
  const at = value.lastIndexOf("@");
  if (at <= 0) throw new ApiError(texts.invalidEmail(raw));
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!LOCAL_PART.test(local) || local.length > 64 || !isValidDomain(domain)) throw new ApiError(texts.invalidEmail(raw));
  return { local, domain, address: `${local}@${domain}` };
}

export interface ResolveOptions {
  /** Parameter holding the address or local part (default `email`). */
  param?: string;
  /** A local part without `domain` falls back to the account's main domain (most Email functions). */
  defaultToMainDomain?: boolean;
}

/**
 * cPanel's addressing for Email functions: `email` is a full address, or a local part plus `domain`
 * (default: the account's main domain). The domain must belong to the account.
 */
export function resolveAddress(store: Store, account: AccountRow, params: Params, opts: ResolveOptions = {}): Address {
  const param = opts.param ?? "email";
  const raw = params.require(param);
  let parsed: Address;
  if (raw.includes("@")) {
    parsed = parseAddress(raw);
  } else {
    let domain = params.get("domain")?.trim().toLowerCase();
    if (!domain) {
      if (opts.defaultToMainDomain === false) throw new ApiError(texts.missingArgument("domain"));
      domain = account.domain;
    }
    parsed = parseAddress(`${raw}@${domain}`);
  }
  requireOwnDomain(store, account, parsed.domain);
  return parsed;
}

/** The domain must be one of the account's domains. */
export function requireOwnDomain(store: Store, account: AccountRow, domain: string): void {
  if (store.ownerOfDomain(domain) !== account.user) throw new ApiError(texts.noSuchDomain(domain));
}

/** A cPanel `regex` filter parameter (`/…/` delimiters optional). */
export function regexFilter(params: Params): (value: string) => boolean {
  const raw = params.get("regex");
  if (!raw) return () => true;
  const source = raw.length > 1 && raw.startsWith("/") && raw.endsWith("/") ? raw.slice(1, -1) : raw;
  try {
    const re = new RegExp(source, "i");
    return (value) => re.test(value);
  } catch {
    throw new ApiError(`${q(raw)} is not a valid regular expression.`);
  }
}
