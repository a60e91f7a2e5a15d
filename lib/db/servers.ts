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
  /** Whether a CA certificate was pasted in /admin/servers (the PEM itself stays on the server). */
  hasCaPem: boolean;
  /** Set while an admin has disabled the server: the panel does not call it. */
  disabledAt: number | null;
  /** The last connection check: when and how it ended overall; null before the first. */
  lastCheck: { at: number; status: string } | null;
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
  /** PEM text of a CA pasted in /admin/servers; preferred over caFile. */
  caPem?: string;
  /** Set while the server is disabled (callers refuse to call it). */
  disabledAt: number | null;
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
    hasCaPem: !!row.ca_pem,
    disabledAt: row.disabled_at,
    lastCheck: row.last_check_at !== null && row.last_check_status ? { at: row.last_check_at, status: row.last_check_status } : null,
    createdAt: row.created_at,
  };
}

/** Why a server URL was refused; the message is English (the CLI), the problem lets the panel word it (Fields.serverUrl*). */
export class BaseUrlError extends Error {
  constructor(
    readonly problem: "invalid" | "scheme" | "credentials" | "query",
    message: string,
  ) {
    super(message);
    this.name = "BaseUrlError";
  }
}

/** `https://host:2087/` → `https://host:2087`; throws BaseUrlError on anything that is not an http(s) URL without credentials. */
export function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new BaseUrlError("invalid", `The server URL is not valid: ${value}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new BaseUrlError("scheme", "The server URL must start with https:// (or http://)");
  if (url.username || url.password) throw new BaseUrlError("credentials", "The server URL must not contain credentials; use the token");
  if (url.search || url.hash) throw new BaseUrlError("query", "The server URL must not have a query or fragment");
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
  caPem?: string | null;
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
        ca_pem: input.caPem?.trim() || null,
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
    ...(row.ca_pem ? { caPem: row.ca_pem } : {}),
    disabledAt: row.disabled_at,
  };
}

/** Changes a server's name, URL, or pasted CA (`caPem: null` removes it); throws DuplicateServerError on a taken name, false if no such server. */
export async function updateServer(serverId: string, input: { name?: string; baseUrl?: string; caPem?: string | null }): Promise<boolean> {
  const changes: { name?: string; base_url?: string; ca_pem?: string | null; updated_at: number } = { updated_at: Date.now() };
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (!name) throw new Error("A server name is required");
    const taken = await findServerByName(name);
    if (taken && taken.id !== serverId) throw new DuplicateServerError(name);
    changes.name = name;
  }
  if (input.baseUrl !== undefined) changes.base_url = normalizeBaseUrl(input.baseUrl);
  if (input.caPem !== undefined) changes.ca_pem = input.caPem?.trim() || null;
  const db = await getDb();
  const result = await db.updateTable("servers").set(changes).where("id", "=", serverId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Disables (the panel stops calling it) or enables a server; false if no such server. */
export async function setServerDisabled(serverId: string, disabled: boolean): Promise<boolean> {
  const db = await getDb();
  const now = Date.now();
  const result = await db
    .updateTable("servers")
    .set({ disabled_at: disabled ? now : null, updated_at: now })
    .where("id", "=", serverId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Stores the result of a connection check (JSON, never a token) as the server's last check. */
export async function recordServerCheck(serverId: string, check: { at: number; status: string; result: unknown }): Promise<void> {
  const db = await getDb();
  await db
    .updateTable("servers")
    .set({ last_check_at: check.at, last_check_status: check.status, last_check_result: JSON.stringify(check.result) })
    .where("id", "=", serverId)
    .execute();
}

/** The stored result of the server's last check (parsed JSON), or null before the first. */
export async function lastServerCheck(serverId: string): Promise<unknown> {
  const db = await getDb();
  const row = await db.selectFrom("servers").select("last_check_result").where("id", "=", serverId).executeTakeFirst();
  return row?.last_check_result ? (JSON.parse(row.last_check_result) as unknown) : null;
}
