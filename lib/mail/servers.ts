import "server-only";
import type { Actor } from "@/lib/core/actor";
import { auditWrite } from "@/lib/audit/write";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { requireReason, type WriteContext } from "@/lib/core/write-context";
import { findHostingAccountsByCpanelUser, listAccountsOnServer, upsertHostingAccount, type HostingAccount } from "@/lib/db/hosting-accounts";
import {
  BaseUrlError,
  createServer,
  DuplicateServerError,
  findServerById,
  lastServerCheck,
  listServers,
  normalizeBaseUrl,
  setServerDisabled,
  setServerToken,
  updateServer,
  type AuthMode,
  type Server,
} from "@/lib/db/servers";
import { clientForServer } from "@/lib/mail/cpanel-access";
import { requireAdmin } from "@/lib/mail/guards";
import { looksLikePemCertificate } from "@/lib/mail/server-ca";
import { fromCpanel } from "@/lib/mail/upstream";
import { runServerCheck, type CheckStatus, type ServerCheckResult } from "@/lib/mail/server-check";
import { translator } from "@/lib/i18n/server";

/** What /admin/servers shows of a server: never its token. */
export type ServerSummary = {
  id: string;
  name: string;
  baseUrl: string;
  authMode: AuthMode;
  username: string;
  /** Where the trusted CA comes from: pasted in the panel, a file (CLI), or the system store. */
  ca: "pasted" | "file" | "system";
  disabled: boolean;
  accountCount: number;
  lastCheck: { at: number; status: CheckStatus } | null;
};

function summarize(server: Server, accountCount: number): ServerSummary {
  return {
    id: server.id,
    name: server.name,
    baseUrl: server.baseUrl,
    authMode: server.authMode,
    username: server.username,
    ca: server.hasCaPem ? "pasted" : server.caFile ? "file" : "system",
    disabled: server.disabledAt !== null,
    accountCount,
    lastCheck: server.lastCheck ? { at: server.lastCheck.at, status: server.lastCheck.status as CheckStatus } : null,
  };
}

async function adminServer(actor: Actor, serverId: string): Promise<Server> {
  requireAdmin(actor);
  const server = /^srv_[A-Za-z0-9_-]+$/.test(serverId) ? await findServerById(serverId) : null;
  if (!server) throw new NotFoundError("No such server");
  return server;
}

/** Every server with its account count and last check (admins only). */
export async function listServersForAdmin(actor: Actor): Promise<ServerSummary[]> {
  requireAdmin(actor);
  const servers = await listServers();
  return Promise.all(servers.map(async (s) => summarize(s, (await listAccountsOnServer(s.id)).length)));
}

/** One server and its last check result (admins only). */
export async function serverForAdmin(actor: Actor, serverId: string): Promise<{ server: ServerSummary; lastCheck: ServerCheckResult | null }> {
  const server = await adminServer(actor, serverId);
  return {
    server: summarize(server, (await listAccountsOnServer(server.id)).length),
    lastCheck: (await lastServerCheck(server.id)) as ServerCheckResult | null,
  };
}

export type ServerInput = { name: string; baseUrl: string; authMode: AuthMode; username: string; token: string; caPem?: string };

const BASE_URL_WORDS = {
  invalid: "serverUrlInvalid",
  scheme: "serverUrlScheme",
  credentials: "serverUrlCredentials",
  query: "serverUrlQuery",
} as const satisfies Record<BaseUrlError["problem"], string>;

async function validateUrlAndCa(input: { baseUrl?: string; caPem?: string }, errors: Record<string, string[]>): Promise<void> {
  const t = await translator("Fields");
  if (input.baseUrl !== undefined) {
    try {
      normalizeBaseUrl(input.baseUrl);
    } catch (error) {
      if (!(error instanceof BaseUrlError)) throw error;
      errors.baseUrl = [t(BASE_URL_WORDS[error.problem], { value: input.baseUrl })];
    }
  }
  if (input.caPem && !looksLikePemCertificate(input.caPem)) errors.caPem = [t("pemCertificate")];
}

/** Adds a server; the token is stored encrypted and never shown again (admins only, with a reason). */
export async function addServer(context: WriteContext, input: ServerInput): Promise<ServerSummary> {
  requireAdmin(context.actor);
  requireReason(context);
  const errors: Record<string, string[]> = {};
  await validateUrlAndCa(input, errors);
  if (Object.keys(errors).length) throw new ValidationError(errors);
  let server: Server;
  try {
    server = await createServer({ ...input, caPem: input.caPem || null });
  } catch (error) {
    if (error instanceof DuplicateServerError) throw new ValidationError({ name: [(await translator("Fields"))("serverExists")] });
    throw error;
  }
  await auditWrite(context, {
    accountId: null,
    action: "server.add",
    target: server.name,
    outcome: "success",
    detail: { serverId: server.id, baseUrl: server.baseUrl, authMode: server.authMode, username: server.username, caPasted: server.hasCaPem },
  });
  return summarize(server, 0);
}

/** Changes a server's name, URL, CA (`removeCa`), or replaces its token (admins only, with a reason). */
export async function editServer(
  context: WriteContext,
  serverId: string,
  input: { name: string; baseUrl: string; token?: string; caPem?: string; removeCa?: boolean },
): Promise<ServerSummary> {
  const before = await adminServer(context.actor, serverId);
  requireReason(context);
  const errors: Record<string, string[]> = {};
  await validateUrlAndCa(input, errors);
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const caPem = input.removeCa ? null : input.caPem ? input.caPem : undefined;
  try {
    await updateServer(serverId, { name: input.name, baseUrl: input.baseUrl, caPem });
  } catch (error) {
    if (error instanceof DuplicateServerError) throw new ValidationError({ name: [(await translator("Fields"))("serverExists")] });
    throw error;
  }
  if (input.token) await setServerToken(serverId, input.token);
  const after = (await findServerById(serverId))!;
  await auditWrite(context, {
    accountId: null,
    action: "server.edit",
    target: after.name,
    outcome: "success",
    detail: {
      serverId,
      before: { name: before.name, baseUrl: before.baseUrl, caPasted: before.hasCaPem },
      after: { name: after.name, baseUrl: after.baseUrl, caPasted: after.hasCaPem },
      tokenReplaced: !!input.token,
    },
  });
  return summarize(after, (await listAccountsOnServer(serverId)).length);
}

/** Disables (its accounts are no longer called) or enables a server (admins only, with a reason). */
export async function setServerEnabled(context: WriteContext, serverId: string, enabled: boolean): Promise<{ name: string }> {
  const server = await adminServer(context.actor, serverId);
  requireReason(context);
  await setServerDisabled(serverId, !enabled);
  await auditWrite(context, {
    accountId: null,
    action: enabled ? "server.enable" : "server.disable",
    target: server.name,
    outcome: "success",
    detail: { serverId },
  });
  return { name: server.name };
}

/** Runs the read-only connection check and stores it as the server's last check (admins only; disabled servers too). */
export async function checkServer(actor: Actor, serverId: string): Promise<ServerCheckResult> {
  const server = await adminServer(actor, serverId);
  return runServerCheck(server);
}

/** One account as WHM listaccts reports it (the fields the import needs). */
export interface ListedAccount {
  user: string;
  domain: string;
  contactEmail: string | null;
}

export interface ImportResult {
  server: Server;
  created: HostingAccount[];
  updated: HostingAccount[];
  /** Accounts the panel knows on this server that WHM no longer lists (kept, not deleted). */
  missing: HostingAccount[];
}

/** Raised when a server cannot import: a cPanel token, or a disabled server. The message is English (the CLI); the
 * panel words `why` in the reader's language (Fields.importNeedsWhmToken, importServerDisabled). */
export class ImportNotPossibleError extends Error {
  constructor(
    readonly why: "cpanelToken" | "disabled",
    readonly serverName: string,
    message: string,
  ) {
    super(message);
    this.name = "ImportNotPossibleError";
  }
}

async function fetchWhmAccounts(server: Server): Promise<ListedAccount[]> {
  return (await clientForServer(server.id)).whm.listAccounts();
}

/**
 * The one account import (CLI `accounts:import` and /admin/servers): every account WHM listaccts shows is recorded or
 * refreshed (domain, contact); owners are kept; accounts WHM no longer lists are reported, not deleted.
 */
export async function importServerAccounts(
  server: Server,
  options: { listAccounts?: (server: Server) => Promise<ListedAccount[]> } = {},
): Promise<ImportResult> {
  if (server.authMode !== "whm")
    throw new ImportNotPossibleError("cpanelToken", server.name, `Server "${server.name}" uses a cPanel token; importing accounts needs a WHM token`);
  if (server.disabledAt !== null && !options.listAccounts)
    throw new ImportNotPossibleError("disabled", server.name, `Server "${server.name}" is disabled; enable it to import its accounts`);
  const listed = await (options.listAccounts ?? fetchWhmAccounts)(server);
  const result: ImportResult = { server, created: [], updated: [], missing: [] };
  const seen = new Set<string>();
  for (const acct of listed) {
    const existed = (await findHostingAccountsByCpanelUser(acct.user, server.id)).length > 0;
    const account = await upsertHostingAccount({
      serverId: server.id,
      cpanelUser: acct.user,
      primaryDomain: acct.domain,
      contactEmail: acct.contactEmail,
    });
    seen.add(account.id);
    (existed ? result.updated : result.created).push(account);
  }
  result.missing = (await listAccountsOnServer(server.id)).filter((a) => !seen.has(a.id));
  return result;
}

/** Imports a server's accounts from /admin/servers (admins only, with a reason); a cPanel token or a disabled server is a field error. */
export async function importAccountsAsAdmin(
  context: WriteContext,
  serverId: string,
): Promise<{ name: string; created: number; updated: number; missing: number }> {
  const server = await adminServer(context.actor, serverId);
  requireReason(context);
  let result: ImportResult;
  try {
    result = await fromCpanel(server.name, () => importServerAccounts(server));
  } catch (error) {
    if (error instanceof ImportNotPossibleError) {
      const message = (await translator("Fields"))(error.why === "cpanelToken" ? "importNeedsWhmToken" : "importServerDisabled", {
        server: error.serverName,
      });
      throw new ValidationError({ form: [message] }, message);
    }
    throw error;
  }
  const counts = { created: result.created.length, updated: result.updated.length, missing: result.missing.length };
  await auditWrite(context, {
    accountId: null,
    action: "server.accounts.import",
    target: server.name,
    outcome: "success",
    detail: { serverId, ...counts },
  });
  return { name: server.name, ...counts };
}
