import "server-only";
import { inspect } from "node:util";
import type { z } from "zod";
import { readEnvelope } from "./envelope";
import { api2, uapi, whm, type Endpoint } from "./endpoints";
import { CpanelApiError, CpanelConfigError, CpanelProtocolError, type CpanelErrorContext } from "./errors";
import { buildRequest, operationName, redactText, type BuiltRequest, type Params } from "./request";
import { transportFor } from "./transport";
import type {
  Autoresponder,
  AutoresponderSummary,
  CpanelServerConnection,
  DomainForwarder,
  ForcePasswordChangeResult,
  Forwarder,
  ForwarderKind,
  Mailbox,
  MailboxBasic,
  NewAutoresponder,
  NewForwarder,
  UserSession,
  UserSessionService,
  WhmAccount,
} from "./types";

const MIB = 1024 * 1024;

type RawResult = { data: unknown; body: unknown; request: BuiltRequest };

/** Sends one call and returns its (still unparsed) envelope body; throws the typed errors. */
async function send(
  connection: CpanelServerConnection,
  def: Pick<Endpoint, "api" | "module" | "func" | "write" | "secretParams">,
  params: Params,
  cpanelUser: string | undefined,
): Promise<{ body: unknown; request: BuiltRequest; context: CpanelErrorContext }> {
  const request = buildRequest(connection, { ...def, params, cpanelUser });
  const operation = operationName(def);
  const context: CpanelErrorContext = { operation, serverId: connection.serverId, request: request.description };
  const response = await transportFor(connection).send(request, { operation, write: def.write });
  if (response.status < 200 || response.status > 299) {
    throw new CpanelProtocolError(`unexpected HTTP ${response.status}`, { ...context, httpStatus: response.status });
  }
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch (error) {
    // The body itself is never quoted: it may hold a session URL or a token.
    throw new CpanelProtocolError(
      `answer is not JSON (content-type ${response.contentType || "none"}, ${response.body.length} bytes)`,
      { ...context, httpStatus: response.status, cause: new Error((error as Error).name) },
    );
  }
  return { body, request, context };
}

/** Validates params, calls cPanel, unwraps the envelope, parses `data` with the endpoint's schema. */
async function call<P extends z.ZodType, D extends z.ZodType>(
  connection: CpanelServerConnection,
  def: Endpoint<P, D>,
  params: z.input<P>,
  cpanelUser?: string,
): Promise<z.output<D>> {
  const raw = await callRaw(connection, def, params, cpanelUser);
  const outcome = readEnvelope(def.api, raw.body);
  const context = { operation: operationName(def), serverId: connection.serverId, request: raw.request.description };
  if (outcome.ok === "unrecognized") throw new CpanelProtocolError("answer is not a cPanel envelope", context);
  if (!outcome.ok) {
    throw new CpanelApiError(
      outcome.messages.map((m) => redactText(m, raw.request.secrets)),
      context,
    );
  }
  const parsed = def.data.safeParse(outcome.data);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".") || "data"}: ${issue.code}`)
      .join("; ");
    throw new CpanelProtocolError(`data has an unexpected shape (${where})`, context);
  }
  return parsed.data;
}

async function callRaw<P extends z.ZodType>(
  connection: CpanelServerConnection,
  def: Endpoint<P>,
  params: z.input<P>,
  cpanelUser?: string,
): Promise<RawResult> {
  const checked = def.params.safeParse(params);
  if (!checked.success) {
    const names = [...new Set(checked.error.issues.map((issue) => issue.path.join(".") || "params"))];
    throw new CpanelConfigError(`${operationName(def)}: invalid parameter(s) ${names.join(", ")} (nothing was sent)`);
  }
  const { body, request } = await send(connection, def, checked.data as Params, cpanelUser);
  return { data: undefined, body, request };
}

// ---------- reshaping raw rows into domain types ----------

/** Splits `user@example.com`; cPanel wants the local part and the domain separately for most Email calls. */
export function splitAddress(email: string): { localPart: string; domain: string } {
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) throw new CpanelConfigError(`not an email address: ${JSON.stringify(email)}`);
  return { localPart: email.slice(0, at), domain: email.slice(at + 1).toLowerCase() };
}

const UNLIMITED = new Set(["unlimited", "none", "∞", ""]);

/** A quota/limit in MB from cPanel's forms: number, "250", "250M", "unlimited", "None", 0 (= unlimited). */
export function quotaMb(value: unknown, zeroIsUnlimited = true): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value === 0 && zeroIsUnlimited ? null : value;
  const text = String(value).trim();
  if (UNLIMITED.has(text.toLowerCase())) return null;
  const match = /^(\d+(?:\.\d+)?)\s*(M|MB)?$/i.exec(text);
  if (!match) return null;
  const mb = Number(match[1]);
  return mb === 0 && zeroIsUnlimited ? null : mb;
}

function bytesOf(value: unknown): number {
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

type PopWithDiskRow = z.output<typeof uapi.listPopsWithDisk.data>[number];

function toMailbox(row: PopWithDiskRow): Mailbox | null {
  // The main account row ("Main Account" / the cPanel username) is not a mailbox.
  if (!row.email.includes("@")) return null;
  const { localPart, domain } = splitAddress(row.email);
  let quota: number | null;
  if (row._diskquota !== undefined && row._diskquota !== null && String(row._diskquota).trim() !== "" && !Number.isNaN(Number(row._diskquota))) {
    const bytes = bytesOf(row._diskquota);
    quota = bytes === 0 ? null : Math.round((bytes / MIB) * 100) / 100;
  } else {
    quota = quotaMb(row.txtdiskquota ?? row.diskquota);
  }
  const used = row._diskused ?? (row.diskused !== undefined && row.diskused !== null ? bytesOf(row.diskused) * MIB : 0);
  return {
    email: row.email,
    localPart: row.user || localPart,
    domain: row.domain || domain,
    quotaMb: quota,
    diskUsedBytes: bytesOf(used),
    suspendedLogin: row.suspended_login,
    suspendedIncoming: row.suspended_incoming,
    suspendedOutgoing: row.suspended_outgoing,
    holdOutgoing: row.hold_outgoing,
  };
}

/** The kind of a forwarder from cPanel's raw destination (`:fail: text`, `:blackhole:`, `|/path`, a user, addresses). */
export function classifyForwardDestination(forward: string): { kind: ForwarderKind; failMessage?: string } {
  const value = forward.trim();
  if (value.startsWith(":fail:")) return { kind: "fail", failMessage: value.slice(":fail:".length).trim() };
  if (value.startsWith(":blackhole:")) return { kind: "blackhole" };
  if (value.startsWith("|") || value.startsWith('"|')) return { kind: "pipe" };
  if (value.includes("@")) return { kind: "address" };
  return { kind: "system" };
}

/**
 * Why `destination` would not reach cPanel's /etc/valiases as a plain address (Exim reads `|…` and `"|…` as a
 * program, `/…` as a file, `:fail:`/`:blackhole:`/`:include:` as specials, a bare word as a user; a comma or a line
 * break starts another item), or null when it is one address.
 */
function notAnAddressDestination(destination: string): string | null {
  const value = destination.trim();
  if (classifyForwardDestination(value).kind !== "address") return "cPanel would not read it as an address";
  if (/^["/:\\]/.test(value)) return "cPanel would read it as a program, a file or a special destination";
  if (/[\s,;\p{Cc}\u2028\u2029]/u.test(value)) return "it holds a separator, a space or a control character";
  return null;
}

function toForwarder(row: { dest: string; forward: string }): Forwarder {
  const { kind, failMessage } = classifyForwardDestination(row.forward);
  return { source: row.dest, kind, destination: row.forward, ...(failMessage !== undefined ? { failMessage } : {}) };
}

function unixDate(value: number | "" | null | undefined): Date | null {
  return value ? new Date(value * 1000) : null;
}

/** Stop times this client once wrote for "never" (2100-01-01); read as none. */
const LEGACY_NEVER_SECONDS = 4102444800;

/** listaccts writes `*unknown*` for a value missing from the cpuser file (Whostmgr/Accounts/List.pm). */
const known = (value: string): string => (value.trim() === "*unknown*" ? "" : value.trim());

function toAccount(row: WhmAccountRow): WhmAccount {
  const contacts = known(row.email).split(",").map((a) => a.trim()).filter(Boolean);
  return {
    user: row.user,
    domain: known(row.domain),
    contactEmail: contacts[0] ?? null,
    contactEmails: contacts,
    owner: row.owner,
    plan: row.plan,
    suspended: row.suspended,
    suspendReason: row.suspended && row.suspendreason && row.suspendreason !== "not suspended" ? row.suspendreason : null,
    outgoingMailSuspended: row.outgoing_mail_suspended,
    outgoingMailHold: row.outgoing_mail_hold,
    maxEmailQuotaMb: quotaMb(row.max_emailacct_quota),
    maxMailboxes: quotaMb(row.maxpop, false),
    diskUsedMb: quotaMb(row.diskused, false) ?? 0,
    diskLimitMb: quotaMb(row.disklimit),
    ip: known(row.ip) || null,
    startedAt: unixDate(row.unix_startdate === null || row.unix_startdate === undefined ? null : Number(row.unix_startdate) || null),
  };
}
type WhmAccountRow = z.output<typeof whm.listaccts.data>[number];

/** Hides the one-time login URL from logs and JSON while keeping it readable as `.url`. */
function userSession(url: string, service: string, expiresAt: Date | null): UserSession {
  const session = { service, expiresAt } as UserSession;
  Object.defineProperty(session, "url", { value: url, enumerable: false });
  Object.defineProperty(session, inspect.custom, { value: () => `UserSession { service: '${service}', url: [REDACTED] }`, enumerable: false });
  return session;
}

// ---------- the client ----------

function requireWhm(connection: CpanelServerConnection, what: string) {
  if (connection.authMode !== "whm") {
    throw new CpanelConfigError(`${what} needs a WHM token; server ${connection.serverId} is configured with a cPanel token`);
  }
}

function whmClient(connection: CpanelServerConnection) {
  const c = <P extends z.ZodType, D extends z.ZodType>(def: Endpoint<P, D>, params: z.input<P>) => {
    requireWhm(connection, def.func);
    return call(connection, def, params);
  };
  return {
    /** WHM API 1 `listaccts`: every account the token may see (optionally filtered). */
    async listAccounts(filter: { search?: string; searchtype?: "user" | "domain" | "owner" | "ip" | "package" | string } = {}): Promise<WhmAccount[]> {
      return (await c(whm.listaccts, filter)).map(toAccount);
    },
    /** WHM API 1 `accountsummary`: one account; throws CpanelApiError when it does not exist. */
    async accountSummary(user: string): Promise<WhmAccount> {
      const rows = await c(whm.accountsummary, { user });
      const row = rows[0];
      if (!row) throw new CpanelProtocolError("accountsummary returned no account", { operation: "accountsummary", serverId: connection.serverId });
      return toAccount(row);
    },
    /**
     * WHM API 1 `forcepasswordchange`: cPanel users must change their password at next login. Partial failure is returned,
     * not thrown (Whostmgr/API/1/Accounts.pm: already-set users are dropped, per-user failures in `data.failed`).
     */
    async forcePasswordChange(users: string[], options: { stopOnFailure?: boolean } = {}): Promise<ForcePasswordChangeResult> {
      requireWhm(connection, "forcepasswordchange");
      const params = {
        users_json: JSON.stringify(Object.fromEntries(users.map((u) => [u, 1]))),
        stop_on_failure: options.stopOnFailure ? (1 as const) : (0 as const),
      };
      const raw = await callRaw(connection, whm.forcepasswordchange, params);
      const outcome = readEnvelope("whm", raw.body);
      const context = { operation: "forcepasswordchange", serverId: connection.serverId, request: raw.request.description };
      if (outcome.ok === "unrecognized") throw new CpanelProtocolError("answer is not a cPanel envelope", context);
      const data = (raw.body as { data?: unknown }).data;
      if (!outcome.ok && data === undefined) {
        // The whole call was refused, nothing changed: "Invalid user(s): a, b" names the culprits; others were not tried.
        const reason = outcome.messages.join(" ");
        const invalid = /^Invalid user\(s\): (.*)$/m.exec(reason)?.[1]?.split(", ");
        if (!invalid) throw new CpanelApiError(outcome.messages, context);
        const named = users.filter((u) => invalid.includes(u));
        return { updated: [], alreadySet: [], failed: named.map((user) => ({ user, reason })), notAttempted: users.filter((u) => !named.includes(u)) };
      }
      const parsed = whm.forcepasswordchange.data.safeParse(data ?? null);
      if (!parsed.success) throw new CpanelProtocolError("data has an unexpected shape", context);
      const { updated } = parsed.data;
      const failed = Object.entries(parsed.data.failed).map(([user, reason]) => ({ user, reason }));
      const rest = users.filter((u) => !updated.includes(u) && !failed.some((f) => f.user === u));
      // Without a stop, whoever is neither updated nor failed was dropped as already set; after a stop, cPanel's
      // answer cannot tell "not reached" from "already set" (it walks its own order): report them as not attempted.
      const stopped = options.stopOnFailure && failed.length > 0;
      return { updated, alreadySet: stopped ? [] : rest, failed, notAttempted: stopped ? rest : [] };
    },
    /** WHM API 1 `get_user_email_forward_destination`: where the system account's own mail goes. */
    getSystemForwardDestination(user: string): Promise<string[]> {
      return c(whm.getUserEmailForwardDestination, { user });
    },
    /** WHM API 1 `set_user_email_forward_destination` (empty list disables forwarding). */
    async setSystemForwardDestination(user: string, forwardTo: string[]): Promise<void> {
      await c(whm.setUserEmailForwardDestination, { user, forward_to: forwardTo.join(",") });
    },
    /** WHM API 1 `suspend_outgoing_email` (whole cPanel account). */
    async suspendOutgoingEmail(user: string): Promise<void> {
      await c(whm.suspendOutgoingEmail, { user });
    },
    /** WHM API 1 `unsuspend_outgoing_email`. */
    async unsuspendOutgoingEmail(user: string): Promise<void> {
      await c(whm.unsuspendOutgoingEmail, { user });
    },
    /** WHM API 1 `hold_outgoing_email` (queue the account's outbound mail). */
    async holdOutgoingEmail(user: string): Promise<void> {
      await c(whm.holdOutgoingEmail, { user });
    },
    /** WHM API 1 `release_outgoing_email`. */
    async releaseOutgoingEmail(user: string): Promise<void> {
      await c(whm.releaseOutgoingEmail, { user });
    },
    /** WHM API 1 `myprivs`: the token's ACLs (`all` = root); `{ "list-accts": true, … }`. */
    async privileges(): Promise<Record<string, boolean>> {
      const row = await c(whm.myprivs, {});
      return Object.fromEntries(Object.entries(row).map(([acl, value]) => [acl, value === 1 || value === "1" || value === true]));
    },
    /** WHM API 1 `version`: e.g. `11.120.0.16`. */
    async version(): Promise<string> {
      return (await c(whm.version, {})).version;
    },
    /** WHM API 1 `terminate_cpuser_mailbox_sessions`: ends every IMAP/POP3 session of the account. */
    async terminateMailboxSessions(user: string): Promise<void> {
      await c(whm.terminateCpuserMailboxSessions, { username: user });
    },
    /** WHM API 1 `list_pops_for`: the account's email addresses. */
    listMailboxAddresses(user: string): Promise<string[]> {
      return c(whm.listPopsFor, { user });
    },
    /** WHM API 1 `get_password_strength` (password sent in the POST body): 0–100. */
    async passwordStrength(password: string): Promise<number> {
      return (await c(whm.getPasswordStrength, { password })).strength;
    },
    /** WHM API 1 `create_user_session`: a one-time login URL (a credential: never log it; it is hidden from JSON and inspect). */
    async createUserSession(user: string, service: UserSessionService, options: { app?: string; locale?: string } = {}): Promise<UserSession> {
      requireWhm(connection, "create_user_session");
      const raw = await callRaw(connection, whm.createUserSession, { user, service, ...options });
      const outcome = readEnvelope("whm", raw.body);
      const context = { operation: "create_user_session", serverId: connection.serverId, request: raw.request.description };
      if (outcome.ok === "unrecognized") throw new CpanelProtocolError("answer is not a cPanel envelope", context);
      if (!outcome.ok) throw new CpanelApiError(outcome.messages, context);
      const parsed = whm.createUserSession.data.safeParse(outcome.data);
      if (!parsed.success) throw new CpanelProtocolError("data has an unexpected shape", context);
      return userSession(parsed.data.url, parsed.data.service || service, unixDate(parsed.data.expires));
    },
  };
}

function accountClient(connection: CpanelServerConnection, cpanelUser: string) {
  if (connection.authMode === "cpanel" && cpanelUser.toLowerCase() !== connection.username.toLowerCase()) {
    throw new CpanelConfigError(
      `server ${connection.serverId} uses the cPanel token of ${connection.username}; it cannot act as ${cpanelUser}`,
    );
  }
  const c = <P extends z.ZodType, D extends z.ZodType>(def: Endpoint<P, D>, params: z.input<P>) => call(connection, def, params, cpanelUser);
  const byAddress = <P extends z.ZodType>(def: Endpoint<P>) => async (email: string) => {
    splitAddress(email);
    await c(def, { email } as z.input<P>);
  };

  const account = {
    /** UAPI `Email::list_mail_domains`: the domains that can have mail, main domain first. */
    async listMailDomains(): Promise<string[]> {
      return (await c(uapi.listMailDomains, {})).map((row) => row.domain);
    },
    /** UAPI `Email::list_pops_with_disk` with `get_restrictions=1`: mailboxes with quota, usage and restrictions. */
    async listMailboxes(filter: { domain?: string } = {}): Promise<Mailbox[]> {
      const rows = await c(uapi.listPopsWithDisk, { get_restrictions: 1, ...filter });
      return rows.map(toMailbox).filter((m): m is Mailbox => m !== null);
    },
    /** UAPI `Email::list_pops`: addresses with login/incoming suspension only (cheaper than listMailboxes). */
    async listMailboxesBasic(): Promise<MailboxBasic[]> {
      const rows = await c(uapi.listPops, { skip_main: 1 });
      return rows
        .filter((row) => row.email.includes("@"))
        .map((row) => {
          const { localPart, domain } = splitAddress(row.email);
          return { email: row.email, localPart, domain, suspendedLogin: row.suspended_login, suspendedIncoming: row.suspended_incoming };
        });
    },
    /** UAPI `Email::add_pop`: creates a mailbox; `quotaMb` null = unlimited, undefined = the server's default. */
    async addMailbox(input: { email: string; password: string; quotaMb?: number | null; sendWelcomeEmail?: boolean }): Promise<{ email: string }> {
      const { localPart, domain } = splitAddress(input.email);
      await c(uapi.addPop, {
        email: localPart,
        domain,
        password: input.password,
        quota: input.quotaMb === undefined ? undefined : input.quotaMb === null ? "unlimited" : input.quotaMb,
        send_welcome_email: input.sendWelcomeEmail ? 1 : undefined,
      });
      return { email: `${localPart}@${domain}` };
    },
    /** UAPI `Email::delete_pop`. */
    async deleteMailbox(email: string): Promise<void> {
      const { localPart, domain } = splitAddress(email);
      await c(uapi.deletePop, { email: localPart, domain });
    },
    /** UAPI `Email::passwd_pop` (password in the POST body). A timeout leaves the outcome unknown: settle it with verifyMailboxPassword. */
    async changeMailboxPassword(email: string, password: string): Promise<void> {
      const { localPart, domain } = splitAddress(email);
      await c(uapi.passwdPop, { email: localPart, domain, password });
    },
    /** API 2 `Email::passwdpop` through `/json-api/cpanel?cpanel_jsonapi_apiversion=2` (for servers where UAPI is unavailable). */
    async changeMailboxPasswordApi2(email: string, password: string): Promise<void> {
      const { localPart, domain } = splitAddress(email);
      await c(api2.passwdpop, { email: localPart, domain, password });
    },
    /** UAPI `Email::verify_password`: whether `password` is the mailbox's current password. */
    verifyMailboxPassword(email: string, password: string): Promise<boolean> {
      splitAddress(email);
      return c(uapi.verifyPassword, { email, password });
    },
    /** UAPI `Email::edit_pop_quota`: null = unlimited (cPanel caps it at the account's maximum). */
    async setMailboxQuota(email: string, quotaMb: number | null): Promise<void> {
      const { localPart, domain } = splitAddress(email);
      await c(uapi.editPopQuota, { email: localPart, domain, quota: quotaMb === null ? "unlimited" : String(quotaMb) });
    },
    /** UAPI `Email::get_pop_quota` (as bytes): the quota in MB, null = unlimited. */
    async getMailboxQuota(email: string): Promise<number | null> {
      const { localPart, domain } = splitAddress(email);
      const raw = await c(uapi.getPopQuota, { email: localPart, domain, as_bytes: 1 });
      const bytes = quotaMb(raw);
      return bytes === null ? null : Math.round((bytes / MIB) * 100) / 100;
    },
    /** UAPI `Email::suspend_login`. */
    suspendLogin: byAddress(uapi.suspendLogin),
    /** UAPI `Email::unsuspend_login`. */
    unsuspendLogin: byAddress(uapi.unsuspendLogin),
    /** UAPI `Email::suspend_incoming`. */
    suspendIncoming: byAddress(uapi.suspendIncoming),
    /** UAPI `Email::unsuspend_incoming`. */
    unsuspendIncoming: byAddress(uapi.unsuspendIncoming),
    /** UAPI `Email::suspend_outgoing`. */
    suspendOutgoing: byAddress(uapi.suspendOutgoing),
    /** UAPI `Email::unsuspend_outgoing`. */
    unsuspendOutgoing: byAddress(uapi.unsuspendOutgoing),
    /** UAPI `Email::hold_outgoing`: queue the mailbox's outbound mail. */
    holdOutgoing: byAddress(uapi.holdOutgoing),
    /** UAPI `Email::release_outgoing`: send the held queue. */
    releaseOutgoing: byAddress(uapi.releaseOutgoing),
    /** UAPI `Email::list_forwarders` for one domain, or for every mail domain when none is given. */
    async listForwarders(filter: { domain?: string } = {}): Promise<Forwarder[]> {
      const domains = filter.domain ? [filter.domain] : await account.listMailDomains();
      const lists = await Promise.all(domains.map((domain) => c(uapi.listForwarders, { domain })));
      return lists.flat().map(toForwarder);
    },
    /** UAPI `Email::add_forwarder`. */
    async addForwarder(input: NewForwarder): Promise<void> {
      const { domain } = splitAddress(input.source);
      const base = { domain, email: input.source };
      switch (input.kind) {
        case "address": {
          // Defence in depth: the kind is what the caller asked for, so text that cPanel would read as another kind never leaves.
          for (const destination of input.destinations) {
            const problem = notAnAddressDestination(destination);
            if (problem) throw new Error(`Refusing to send ${JSON.stringify(destination)} to cPanel as an address forwarder: it is not an email address (${problem})`);
          }
          await c(uapi.addForwarder, { ...base, fwdopt: "fwd", fwdemail: input.destinations.join(",") });
          break;
        }
        case "fail":
          await c(uapi.addForwarder, { ...base, fwdopt: "fail", failmsgs: input.failMessage });
          break;
        case "blackhole":
          await c(uapi.addForwarder, { ...base, fwdopt: "blackhole" });
          break;
        case "system":
          await c(uapi.addForwarder, { ...base, fwdopt: "system", fwdsystem: input.systemUser });
          break;
        case "pipe":
          await c(uapi.addForwarder, { ...base, fwdopt: "pipe", pipefwd: input.command });
          break;
      }
    },
    /** UAPI `Email::delete_forwarder`: `destination` is the Forwarder's raw destination. */
    async deleteForwarder(source: string, destination: string): Promise<void> {
      await c(uapi.deleteForwarder, { address: source, forwarder: destination });
    },
    /** UAPI `Email::list_domain_forwarders`. */
    async listDomainForwarders(filter: { domain?: string } = {}): Promise<DomainForwarder[]> {
      const rows = await c(uapi.listDomainForwarders, filter);
      return rows.map((row) => ({ sourceDomain: row.dest, destinationDomain: row.forward }));
    },
    /** UAPI `Email::add_domain_forwarder`. */
    async addDomainForwarder(sourceDomain: string, destinationDomain: string): Promise<void> {
      await c(uapi.addDomainForwarder, { domain: sourceDomain, destdomain: destinationDomain });
    },
    /** UAPI `Email::delete_domain_forwarder`. */
    async deleteDomainForwarder(sourceDomain: string): Promise<void> {
      await c(uapi.deleteDomainForwarder, { domain: sourceDomain });
    },
    /** UAPI `Email::list_auto_responders` for one domain, or for every mail domain when none is given. */
    async listAutoresponders(filter: { domain?: string } = {}): Promise<AutoresponderSummary[]> {
      const domains = filter.domain ? [filter.domain] : await account.listMailDomains();
      const lists = await Promise.all(domains.map((domain) => c(uapi.listAutoResponders, { domain })));
      return lists.flat().map((row) => ({ email: row.email, subject: row.subject }));
    },
    /** UAPI `Email::get_auto_responder`. */
    async getAutoresponder(email: string): Promise<Autoresponder> {
      splitAddress(email);
      const data = await c(uapi.getAutoResponder, { email });
      return {
        email,
        from: data.from,
        subject: data.subject,
        body: data.body,
        isHtml: data.is_html,
        charset: data.charset || "utf-8",
        intervalHours: data.interval ?? 0,
        // "", null and 0 all mean none ("Immediately" / "Never" in cPanel's own screens).
        start: unixDate(data.start),
        stop: data.stop && data.stop >= LEGACY_NEVER_SECONDS ? null : unixDate(data.stop),
      };
    },
    /** UAPI `Email::add_auto_responder` (also replaces an existing one). */
    async addAutoresponder(input: NewAutoresponder): Promise<void> {
      const { localPart, domain } = splitAddress(input.email);
      // No start / no stop are sent empty, as cPanel's own form does (base/frontend/jupiter/mail/addars.html.tt).
      const seconds = (d: Date | null | undefined) => (d ? Math.floor(d.getTime() / 1000) : ("" as const));
      await c(uapi.addAutoResponder, {
        email: localPart,
        domain,
        from: input.from,
        subject: input.subject,
        body: input.body,
        is_html: input.isHtml ? 1 : 0,
        interval: input.intervalHours ?? 0,
        start: seconds(input.start),
        stop: seconds(input.stop),
        charset: input.charset,
      });
    },
    /** UAPI `Email::delete_auto_responder`. */
    async deleteAutoresponder(email: string): Promise<void> {
      splitAddress(email);
      await c(uapi.deleteAutoResponder, { email });
    },
    /** UAPI `PasswdStrength::get_required_strength`: the minimum strength (0–100) cPanel enforces for `app`. */
    async requiredPasswordStrength(app: string = "pop"): Promise<number> {
      return (await c(uapi.getRequiredStrength, { app })).strength;
    },
    /** UAPI `Email::terminate_mailbox_sessions`: ends every IMAP/POP3 session of the account's mailboxes. */
    async terminateMailboxSessions(): Promise<void> {
      await c(uapi.terminateMailboxSessions, {});
    },
  };
  return account;
}

export type WhmClient = ReturnType<typeof whmClient>;
export type AccountClient = ReturnType<typeof accountClient>;

/** A client for one server; cheap to create, the connection pool behind it is shared per serverId + baseUrl. */
export type CpanelClient = {
  readonly serverId: string;
  readonly authMode: CpanelServerConnection["authMode"];
  /** WHM API 1 calls (whm mode only; they throw CpanelConfigError on a cPanel token). */
  readonly whm: WhmClient;
  /** UAPI / API 2 calls acting as one cPanel user. */
  account(cpanelUser: string): AccountClient;
  /** Any UAPI function, returning its raw `data` (an escape hatch; prefer the typed calls). */
  uapi(cpanelUser: string, module: string, func: string, params?: Params, options?: { write?: boolean; secretParams?: string[] }): Promise<unknown>;
};

/** Generic UAPI call: `write` defaults to true (never retried) unless told it is a read. */
async function genericUapi(
  connection: CpanelServerConnection,
  cpanelUser: string,
  module: string,
  func: string,
  params: Params = {},
  options: { write?: boolean; secretParams?: string[] } = {},
): Promise<unknown> {
  if (connection.authMode === "cpanel" && cpanelUser.toLowerCase() !== connection.username.toLowerCase()) {
    throw new CpanelConfigError(`server ${connection.serverId} uses the cPanel token of ${connection.username}; it cannot act as ${cpanelUser}`);
  }
  const def = { api: "uapi" as const, module, func, write: options.write ?? true, secretParams: options.secretParams };
  const { body, request, context } = await send(connection, def, params, cpanelUser);
  const outcome = readEnvelope("uapi", body);
  if (outcome.ok === "unrecognized") throw new CpanelProtocolError("answer is not a cPanel envelope", context);
  if (!outcome.ok) throw new CpanelApiError(outcome.messages.map((m) => redactText(m, request.secrets)), context);
  return outcome.data;
}

/** The client for a server connection. */
export function cpanelClient(connection: CpanelServerConnection): CpanelClient {
  if (!connection.serverId) throw new CpanelConfigError("a cPanel server connection needs a serverId");
  if (!connection.token) throw new CpanelConfigError(`server ${connection.serverId} has no API token`);
  new URL(connection.baseUrl);
  // Creates (or reuses) the pool now, so a bad CA file fails here rather than on first use.
  transportFor(connection);
  const frozen = Object.freeze({ ...connection });
  return {
    serverId: frozen.serverId,
    authMode: frozen.authMode,
    whm: whmClient(frozen),
    account: (cpanelUser: string) => accountClient(frozen, cpanelUser),
    uapi: (cpanelUser, module, func, params, options) => genericUapi(frozen, cpanelUser, module, func, params, options),
  };
}
