import "server-only";
import type { z } from "zod";
import { call, send, type CallOptions } from "./call";
import { parseData, unwrapEnvelope } from "./envelope";
import { whm, type Endpoint } from "./endpoints";
import { CpanelApiError, CpanelConfigError, CpanelProtocolError } from "./errors";
import { deliveryKindFlags, toAccount, toDeliveryRecord, unixDate, userSession } from "./mappers";
import type {
  CpanelServerConnection,
  DeliveryRecord,
  DeliverySearch,
  DeliverySearchResult,
  ForcePasswordChangeResult,
  UserSession,
  UserSessionService,
  WhmAccount,
} from "./types";

function requireWhm(connection: CpanelServerConnection, what: string) {
  if (connection.authMode !== "whm") {
    throw new CpanelConfigError(`${what} needs a WHM token; server ${connection.serverId} is configured with a cPanel token`);
  }
}

/** The WHM API 1 calls of a connection (whm mode only: each throws CpanelConfigError on a cPanel token, nothing sent). */
export function whmClient(connection: CpanelServerConnection, options: Pick<CallOptions, "signal"> = {}) {
  const c = <P extends z.ZodType, D extends z.ZodType>(def: Endpoint<P, D>, params: z.input<P>) => {
    requireWhm(connection, def.func);
    return call(connection, def, params, options);
  };
  const raw = <P extends z.ZodType>(def: Endpoint<P>, params: z.input<P>) => {
    requireWhm(connection, def.func);
    return send(connection, def, params, options);
  };
  return {
    /** WHM API 1 `listaccts`: every account the token may see (optionally filtered). */
    async listAccounts(
      filter: { search?: string; searchtype?: "user" | "domain" | "owner" | "ip" | "package" | string } = {},
    ): Promise<WhmAccount[]> {
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
    async forcePasswordChange(users: string[], opts: { stopOnFailure?: boolean } = {}): Promise<ForcePasswordChangeResult> {
      const answer = await raw(whm.forcepasswordchange, {
        users_json: JSON.stringify(Object.fromEntries(users.map((u) => [u, 1]))),
        stop_on_failure: opts.stopOnFailure ? (1 as const) : (0 as const),
      });
      const outcome = unwrapEnvelope("whm", answer.body, answer);
      // A refusal may still carry per-user results in `data` (metadata.result 0 with data.failed).
      const data = (answer.body as { data?: unknown }).data;
      if (!outcome.ok && data === undefined) {
        // The whole call was refused, nothing changed: "Invalid user(s): a, b" names the culprits; others were not tried.
        const reason = outcome.messages.join(" ");
        const invalid = /^Invalid user\(s\): (.*)$/m.exec(reason)?.[1]?.split(", ");
        if (!invalid) throw new CpanelApiError(outcome.messages, answer.context);
        const named = users.filter((u) => invalid.includes(u));
        return {
          updated: [],
          alreadySet: [],
          failed: named.map((user) => ({ user, reason })),
          notAttempted: users.filter((u) => !named.includes(u)),
        };
      }
      const { updated, failed: failedByUser } = parseData(whm.forcepasswordchange.data, data ?? null, answer);
      const failed = Object.entries(failedByUser).map(([user, reason]) => ({ user, reason }));
      const rest = users.filter((u) => !updated.includes(u) && !failed.some((f) => f.user === u));
      // Without a stop, whoever is neither updated nor failed was dropped as already set; after a stop, cPanel's
      // answer cannot tell "not reached" from "already set" (it walks its own order): report them as not attempted.
      const stopped = opts.stopOnFailure && failed.length > 0;
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
    /**
     * WHM API 1 `emailtrack_search`, bounded: filtered by time (and sender) on the server, newest first, one chunk of at
     * most `limit` records (limit 1 to count). `total` is what matched (`metadata.chunk.records`, api.chunk.verbose).
     */
    async searchDeliveries(query: DeliverySearch): Promise<DeliverySearchResult> {
      const params: Record<string, string | number> = {
        ...deliveryKindFlags(query.kinds ?? ["sent", "failed", "deferred"]),
        // No per-kind cap: the chunk bounds the answer, and the total must count every match.
        max_results_by_type: 0,
        "api.filter.enable": 1,
        "api.filter.a.field": "sendunixtime",
        "api.filter.a.type": "gt",
        "api.filter.a.arg0": Math.floor(query.since.getTime() / 1000),
        "api.sort.enable": 1,
        "api.sort.a.field": "sendunixtime",
        "api.sort.a.reverse": 1,
        "api.chunk.enable": 1,
        "api.chunk.size": Math.max(1, Math.floor(query.limit)),
        "api.chunk.start": 1,
        "api.chunk.verbose": 1,
      };
      if (query.sender) Object.assign(params, { "api.filter.b.field": "sender", "api.filter.b.type": "eq", "api.filter.b.arg0": query.sender });
      const answer = await raw(whm.emailtrackSearch, params);
      const outcome = unwrapEnvelope("whm", answer.body, answer);
      if (!outcome.ok) throw new CpanelApiError(outcome.messages, answer.context);
      const rows = parseData(whm.emailtrackSearch.data, outcome.data ?? null, answer);
      const records = rows.map(toDeliveryRecord).filter((r): r is DeliveryRecord => r !== null);
      const chunk = (answer.body as { metadata?: { chunk?: { records?: unknown } } }).metadata?.chunk;
      const total = Number(chunk?.records);
      return { records, total: Number.isFinite(total) ? total : records.length };
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
    async createUserSession(user: string, service: UserSessionService, opts: { app?: string; locale?: string } = {}): Promise<UserSession> {
      const data = await c(whm.createUserSession, { user, service, ...opts });
      return userSession(data.url, data.service || service, unixDate(data.expires));
    },
  };
}

/** The WHM API 1 calls of one server. */
export type WhmClient = ReturnType<typeof whmClient>;
