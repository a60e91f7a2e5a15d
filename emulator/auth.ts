import { timingSafeEqual } from "node:crypto";
import { verifyPassword } from "./state/passwords";
import type { AccountRow, Store } from "./state/store";

export type Credentials =
  | { scheme: "whm" | "cpanel"; user: string; token: string }
  | { scheme: "basic"; user: string; password: string }
  | { scheme: "none" };

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

/** WHM port: root's API token (`whm root:TOKEN`) or root's password (basic). */
export function authenticateWhm(creds: Credentials, rootToken: string, rootPassword: string): boolean {
  if (creds.scheme === "whm") return creds.user === "root" && same(creds.token, rootToken);
  if (creds.scheme === "basic") return creds.user === "root" && same(creds.password, rootPassword);
  return false;
}

/** cPanel port: the account's API token (`cpanel USER:TOKEN`) or its password (basic). Suspended accounts are refused. */
export function authenticateCpanel(store: Store, creds: Credentials): AccountRow | undefined {
  if (creds.scheme !== "cpanel" && creds.scheme !== "basic") return undefined;
  const account = store.account(creds.user);
  if (!account || account.suspended) return undefined;
  if (creds.scheme === "basic") return verifyPassword(creds.password, account.password_hash) ? account : undefined;
  return account.token && same(creds.token, account.token) ? account : undefined;
}
