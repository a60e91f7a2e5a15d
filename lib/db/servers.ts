import "server-only";
import type { Selectable } from "kysely";
import { openSecret, sealSecret } from "../crypto/secret-box";
import { getDb } from "./client";
import { newId } from "./ids";
import type { AuthMode, ServersTable } from "./schema";

export type { AuthMode } from "./schema";

/** A cPanel/WHM server the panel talks to, without its token. */
export interface Server {
  id: string;
  name: string;
  baseUrl: string;
  authMode: AuthMode;
  username: string;
  caFile: string | null;
  createdAt: number;
}

/** What the cPanel client needs to call a server, token decrypted. Never send it to a browser or a log. */
export interface ServerConnection {
  serverId: string;
  baseUrl: string;
  authMode: AuthMode;
  username: string;
  token: string;
  caFile?: string;
}

export class DuplicateServerError extends Error {
  constructor(readonly serverName: string) {
    super(`A server named ${serverName} already exists`);
    this.name = "DuplicateServerError";
  }
}

// The server id is bound into the ciphertext, so a token copied onto another server's row fails to decrypt.
const tokenContext = (serverId: string) => `servers.token:${serverId}`;

function toServer(row: Selectable<ServersTable>): Server {
  return {
    id: row.id,
    name: row.name,
    baseUrl: row.base_url,
    authMode: row.auth_mode,
    username: row.username,
    caFile: row.ca_file,
    createdAt: row.created_at,
  };
}

/** `https://host:2087/` → `https://host:2087`; throws on anything that is not an http(s) URL without credentials. */
export function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`The server URL is not valid: ${value}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("The server URL must start with https:// (or http://)");
  if (url.username || url.password) throw new Error("The server URL must not contain credentials; use the token");
  if (url.search || url.hash) throw new Error("The server URL must not have a query or fragment");
  return url.origin + url.pathname.replace(/\/+$/, "");
}

/** Adds a server; the API token is stored encrypted with MAILROOM_ENCRYPTION_KEY. Throws DuplicateServerError on a taken name. */
export async function createServer(input: {
  name: string;
  baseUrl: string;
  authMode: AuthMode;
  username: string;
  token: string;
  caFile?: string | null;
}): Promise<Server> {
  const name = input.name.trim();
  if (!name) throw new Error("A server name is required");
  if (input.authMode !== "whm" && input.authMode !== "cpanel") throw new Error("The auth mode must be whm or cpanel");
  if (!input.username.trim()) throw new Error("A username is required");
  if (!input.token.trim()) throw new Error("An API token is required");
  const baseUrl = normalizeBaseUrl(input.baseUrl);
  const db = await getDb();
  if (await findServerByName(name)) throw new DuplicateServerError(name);
  const id = newId("srv");
  const now = Date.now();
  try {
    const row = await db
      .insertInto("servers")
      .values({
        id,
        name,
        base_url: baseUrl,
        auth_mode: input.authMode,
        username: input.username.trim(),
        token_encrypted: sealSecret(input.token.trim(), { context: tokenContext(id) }),
        ca_file: input.caFile?.trim() || null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toServer(row);
  } catch (error) {
    if (await findServerByName(name)) throw new DuplicateServerError(name);
    throw error;
  }
}

/** Every server, ordered by name. */
export async function listServers(): Promise<Server[]> {
  const db = await getDb();
  const rows = await db.selectFrom("servers").selectAll().orderBy("name").execute();
  return rows.map(toServer);
}

/** The server with this id, or null. */
export async function findServerById(id: string): Promise<Server | null> {
  const db = await getDb();
  const row = await db.selectFrom("servers").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toServer(row) : null;
}

/** The server with this name (exact), or null. */
export async function findServerByName(name: string): Promise<Server | null> {
  const db = await getDb();
  const row = await db.selectFrom("servers").selectAll().where("name", "=", name.trim()).executeTakeFirst();
  return row ? toServer(row) : null;
}

/** Replaces a server's API token (stored encrypted); false if no such server. */
export async function setServerToken(serverId: string, token: string): Promise<boolean> {
  if (!token.trim()) throw new Error("An API token is required");
  const db = await getDb();
  const result = await db
    .updateTable("servers")
    .set({ token_encrypted: sealSecret(token.trim(), { context: tokenContext(serverId) }), updated_at: Date.now() })
    .where("id", "=", serverId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The connection details for the cPanel client, token decrypted; throws if there is no such server. */
export async function getServerConnection(serverId: string): Promise<ServerConnection> {
  const db = await getDb();
  const row = await db.selectFrom("servers").selectAll().where("id", "=", serverId).executeTakeFirst();
  if (!row) throw new Error(`No server with id ${serverId}`);
  return {
    serverId: row.id,
    baseUrl: row.base_url,
    authMode: row.auth_mode,
    username: row.username,
    token: openSecret(row.token_encrypted, { context: tokenContext(row.id) }),
    ...(row.ca_file ? { caFile: row.ca_file } : {}),
  };
}
