/** API token scopes (DESIGN §7), named as the hostup API that scripts already use. */
export const READ_SCOPE = "read:hostingconsole:services";
export const WRITE_SCOPE = "write:hostingconsole:services";
export const apiScopes = [READ_SCOPE, WRITE_SCOPE] as const;
export type ApiScope = (typeof apiScopes)[number];

/** A token with the write scope may also read. */
export function grants(scopes: Iterable<string>, needed: ApiScope): boolean {
  const held = new Set(scopes);
  return held.has(needed) || (needed === READ_SCOPE && held.has(WRITE_SCOPE));
}
