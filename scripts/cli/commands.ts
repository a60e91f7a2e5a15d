/**
 * The admin commands as plain functions, for the CLI (scripts/mailroom.ts) and for in-process
 * callers such as the demo launcher. They validate their input, throw CliError with a sentence a
 * person can act on, and never return a token or a password.
 */
import { verifyAuditChain } from "../../lib/audit";
import { createDatabase, databaseOptionsFromConfig, migrateToLatest } from "../../lib/db/client";
import {
  assignAccountOwner,
  findHostingAccount,
  findHostingAccountsByCpanelUser,
  searchAccounts,
  type HostingAccount,
} from "../../lib/db/hosting-accounts";
import {
  createServer,
  DuplicateServerError,
  findServerByName,
  listServers,
  normalizeBaseUrl,
  type AuthMode,
  type Server,
} from "../../lib/db/servers";
import {
  bumpSessionVersion,
  createUser,
  DuplicateEmailError,
  findUserByEmail,
  listUsers,
  ROLES,
  setUserLocked,
  setUserRole,
  type Role,
  type User,
} from "../../lib/db/users";
import type { ImportResult, ListedAccount } from "../../lib/mail/servers";
import type { ServerCheckResult } from "../../lib/mail/server-check";
import { CliError, usageError } from "./errors";

export { listServers, listUsers };

/** Applies pending migrations; returns the names applied now (empty when up to date). */
export async function migrate(): Promise<{ applied: string[] }> {
  // Its own connection: getDb() would migrate silently on open, and this should say what it did.
  const handle = createDatabase(databaseOptionsFromConfig());
  try {
    const results = await migrateToLatest(handle.db);
    return { applied: results.filter((r) => r.status === "Success").map((r) => r.migrationName) };
  } finally {
    await handle.close();
  }
}

function parseRole(role: string | undefined): Role {
  if (!role) throw usageError(`--role is required (${ROLES.join(", ")})`);
  if (!(ROLES as readonly string[]).includes(role)) throw usageError(`--role must be one of ${ROLES.join(", ")}, not "${role}"`);
  return role as Role;
}

function parseAuthMode(mode: string | undefined): AuthMode {
  if (mode !== "whm" && mode !== "cpanel") throw usageError(`--auth must be whm or cpanel${mode ? `, not "${mode}"` : ""}`);
  return mode;
}

async function requireUser(email: string | undefined): Promise<User> {
  if (!email) throw usageError("--email is required");
  const user = await findUserByEmail(email);
  if (!user) throw new CliError(`No panel user has the email ${email}`);
  return user;
}

async function requireServer(name: string | undefined): Promise<Server> {
  if (!name) throw usageError("--server is required");
  const server = await findServerByName(name);
  if (!server) throw new CliError(`No server is named "${name}" (see server:list)`);
  return server;
}

/** Adds a cPanel/WHM server; the token is stored encrypted. */
export async function addServer(input: {
  name?: string;
  url?: string;
  auth?: string;
  user?: string;
  /** The token, or a function that reads it, called only once the rest is valid. */
  token: string | (() => Promise<string>);
  caFile?: string;
}): Promise<Server> {
  if (!input.name) throw usageError("--name is required");
  if (!input.url) throw usageError("--url is required (e.g. https://host.example:2087)");
  const authMode = parseAuthMode(input.auth);
  if (!input.user) throw usageError(`--user is required (${authMode === "whm" ? "root or a reseller" : "the cPanel user"})`);
  try {
    normalizeBaseUrl(input.url);
  } catch (error) {
    throw usageError((error as Error).message);
  }
  if (await findServerByName(input.name)) throw new CliError(`A server named ${input.name} already exists`);
  const token = typeof input.token === "string" ? input.token : await input.token();
  if (!token.trim()) throw usageError("The API token is empty");
  try {
    return await createServer({ name: input.name, baseUrl: input.url, authMode, username: input.user, token, caFile: input.caFile });
  } catch (error) {
    if (error instanceof DuplicateServerError) throw new CliError(error.message);
    throw error;
  }
}

export type { ImportResult, ListedAccount };

/** Imports (or refreshes) every account WHM lists on the named server; owners are kept (lib/mail/servers.ts, the one importer). */
export async function importAccounts(input: {
  server?: string;
  /** Replaces the WHM call (tests). */
  listAccounts?: (server: Server) => Promise<ListedAccount[]>;
}): Promise<ImportResult> {
  const server = await requireServer(input.server);
  const { importServerAccounts, ImportNotPossibleError } = await import("../../lib/mail/servers");
  try {
    return await importServerAccounts(server, { listAccounts: input.listAccounts });
  } catch (error) {
    if (error instanceof ImportNotPossibleError) throw new CliError(error.message);
    throw error;
  }
}

/** `accounts:import --all`: every enabled WHM server, a few at a time (lib/mail/fleet-import.ts). */
export async function importEveryServer() {
  const { importEveryServer: importAll } = await import("../../lib/mail/fleet-import");
  return importAll();
}

/** Runs the read-only connection check of the named server (lib/mail/server-check.ts) and stores it as its last check. */
export async function checkServer(input: { name?: string }): Promise<ServerCheckResult> {
  if (!input.name) throw usageError("--name is required");
  const server = await findServerByName(input.name);
  if (!server) throw new CliError(`No server is named "${input.name}" (see server:list)`);
  const { runServerCheck } = await import("../../lib/mail/server-check");
  return runServerCheck(server);
}

/** Adds a panel user with a password (hashed with argon2id). */
export async function addUser(input: {
  email?: string;
  role?: string;
  name?: string;
  /** The password, or a function that reads it, called only once the rest is valid. */
  password: string | (() => Promise<string>);
}): Promise<User> {
  if (!input.email) throw usageError("--email is required");
  if (!/^[^\s@]+@[^\s@]+$/.test(input.email.trim())) throw usageError(`"${input.email}" is not an email address`);
  const role = parseRole(input.role);
  if (await findUserByEmail(input.email)) throw new CliError(`A user with the email ${input.email.trim().toLowerCase()} already exists`);
  const password = typeof input.password === "string" ? input.password : await input.password();
  if (password.length < 8) throw usageError("The password must be at least 8 characters");
  try {
    return await createUser({ email: input.email, role, name: input.name, password });
  } catch (error) {
    if (error instanceof DuplicateEmailError) throw new CliError(error.message);
    throw error;
  }
}

/** Changes a user's role (which also signs them out everywhere). */
export async function changeUserRole(input: { email?: string; role?: string }): Promise<User> {
  const role = parseRole(input.role);
  const user = await requireUser(input.email);
  return (await setUserRole(user.id, role))!;
}

/** Locks a user out and ends their sessions. */
export async function lockUser(input: { email?: string }): Promise<User> {
  const user = await requireUser(input.email);
  return (await setUserLocked(user.id, true))!;
}

/** Lets a locked user sign in again. */
export async function unlockUser(input: { email?: string }): Promise<User> {
  const user = await requireUser(input.email);
  return (await setUserLocked(user.id, false))!;
}

/** Ends every session of a user (they must sign in again). */
export async function signOutEverywhere(input: { email?: string }): Promise<User> {
  const user = await requireUser(input.email);
  await bumpSessionVersion(user.id);
  return (await findUserByEmail(user.email))!;
}

/** Gives a hosting account to a panel user (by email), or with `owner: null` takes it away. */
export async function assignAccount(input: {
  account?: string;
  cpanelUser?: string;
  server?: string;
  owner?: string | null;
}): Promise<HostingAccount> {
  if (input.owner === undefined) throw usageError("--owner is required (the panel user's email)");
  if (!input.account === !input.cpanelUser) throw usageError("Give exactly one of --account acct_… or --cpanel-user USER");
  let account: HostingAccount | null;
  if (input.account) {
    account = await findHostingAccount(input.account);
    if (!account) throw new CliError(`No hosting account has the id ${input.account}`);
  } else {
    const serverId = input.server ? (await requireServer(input.server)).id : undefined;
    const matches = await findHostingAccountsByCpanelUser(input.cpanelUser!, serverId);
    if (matches.length === 0)
      throw new CliError(
        `No hosting account has the cPanel user ${input.cpanelUser}${input.server ? ` on ${input.server}` : ""} (run accounts:import?)`,
      );
    if (matches.length > 1) {
      throw usageError(`The cPanel user ${input.cpanelUser} exists on ${matches.map((m) => m.serverName).join(", ")}; add --server NAME`);
    }
    account = matches[0]!;
  }
  const owner = input.owner === null ? null : await requireUser(input.owner);
  await assignAccountOwner(account.id, owner?.id ?? null);
  return (await findHostingAccount(account.id))!;
}

/** Hosting accounts matching a search (domain, cPanel user or owner email), a page at a time. */
export async function listAccounts(input: { query?: string; limit?: number; offset?: number } = {}) {
  return searchAccounts({ query: input.query, limit: input.limit ?? 50, offset: input.offset ?? 0 });
}

/** Re-computes the audit log's hash chain (lib/audit verifyAuditChain). */
export async function verifyAudit() {
  return verifyAuditChain();
}

const JOB_STATES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;

/** The queue's jobs, newest first (`jobs`). */
export async function listJobs(input: { state?: string; limit?: number } = {}) {
  if (input.state !== undefined && !(JOB_STATES as readonly string[]).includes(input.state)) {
    throw usageError(`--state must be one of ${JOB_STATES.join(", ")}`);
  }
  const { jobQueue } = await import("../../lib/jobs/queue");
  return jobQueue().list({ states: input.state ? [input.state as (typeof JOB_STATES)[number]] : undefined, limit: input.limit ?? 50 });
}

/** Runs a failed or cancelled job again (`jobs retry ID`). */
export async function retryJob(input: { id?: string }): Promise<void> {
  if (!input.id) throw usageError("Give the job's id: jobs retry ID");
  const { jobQueue } = await import("../../lib/jobs/queue");
  if (!(await jobQueue().retry(input.id))) throw new CliError(`no failed or cancelled job ${input.id}`, 1);
}

/** Cancels a queued or running job (`jobs cancel ID`). */
export async function cancelJob(input: { id?: string }): Promise<void> {
  if (!input.id) throw usageError("Give the job's id: jobs cancel ID");
  const { jobQueue } = await import("../../lib/jobs/queue");
  if (!(await jobQueue().cancel(input.id))) throw new CliError(`no queued or running job ${input.id}`, 1);
}
