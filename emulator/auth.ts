import { timingSafeEqual } from "node:crypto";
import { verifyPassword } from "./state/passwords";
import type { AccountRow, Store } from "./state/store";

export type Credentials =
  { scheme: "whm" | "cpanel"; user: string; token: string } | { scheme: "basic"; user: string; password: string } | { scheme: "none" };

/** Parses `Authorization: whm USER:TOKEN`, `cpanel USER:TOKEN` or `Basic base64(user:pass)`; split on the first `:`. */
export function parseAuthorization(header: string | undefined): Credentials {
  if (!header) return { scheme: "none" };
  const space = header.indexOf(" ");
  if (space < 0) return { scheme: "none" };
  const scheme = header.slice(0, space).toLowerCase();
  let detail = header.slice(space + 1).trim();
  if (scheme === "basic") detail = Buffer.from(detail, "base64").toString("utf8");
  const colon = detail.indexOf(":");
  if (colon <= 0) return { scheme: "none" };
  const user = detail.slice(0, colon);
  const secret = detail.slice(colon + 1);
  if (!secret) return { scheme: "none" };
  if (scheme === "basic") return { scheme, user, password: secret };
  if (scheme === "whm" || scheme === "cpanel") return { scheme, user, token: secret };
  return { scheme: "none" };
}

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Who a WHM request acts as: root (every ACL) or a reseller with its ACL list. */
export type WhmPrincipal = { user: string; root: boolean; acls: ReadonlySet<string> };

/** WHM port: root's API token (`whm root:TOKEN`) or password (basic), or a reseller's API token (`whm RESELLER:TOKEN`). */
export function authenticateWhm(store: Store, creds: Credentials, rootToken: string, rootPassword: string): WhmPrincipal | undefined {
  const root: WhmPrincipal = { user: "root", root: true, acls: new Set(["all"]) };
  if (creds.scheme === "whm") {
    if (creds.user === "root") return same(creds.token, rootToken) ? root : undefined;
    const reseller = store.reseller(creds.user);
    if (!reseller || !same(creds.token, reseller.token)) return undefined;
    return { user: reseller.user, root: false, acls: new Set(JSON.parse(reseller.acls) as string[]) };
  }
  if (creds.scheme === "basic") return creds.user === "root" && same(creds.password, rootPassword) ? root : undefined;
  return undefined;
}

/** Whostmgr::ACLS::checkacl: root (the `all` ACL) has every ACL. */
export function hasAcl(principal: WhmPrincipal, acl: string): boolean {
  return principal.acls.has("all") || principal.acls.has(acl);
}

/** Whether the principal may act on the account (root: any; a reseller: the accounts it owns). */
export function ownsAccount(principal: WhmPrincipal, account: AccountRow): boolean {
  return principal.root || account.owner === principal.user;
}

/** cPanel port: the account's API token (`cpanel USER:TOKEN`) or its password (basic). Suspended accounts are refused. */
export function authenticateCpanel(store: Store, creds: Credentials): AccountRow | undefined {
  if (creds.scheme !== "cpanel" && creds.scheme !== "basic") return undefined;
  const account = store.account(creds.user);
  if (!account || account.suspended) return undefined;
  if (creds.scheme === "basic") return verifyPassword(creds.password, account.password_hash) ? account : undefined;
  return account.token && same(creds.token, account.token) ? account : undefined;
}
