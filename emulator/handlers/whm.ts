import { randomBytes } from "node:crypto";
import { parseAddress } from "../address";
import { ApiError, texts } from "../errors";
import type { Params } from "../params";
import type { AccountRow, Store } from "../state/store";
import { now } from "../state/store";
import { passwordStrength } from "../strength";
import { MB } from "./quota";

export interface WhmContext {
  store: Store;
  /** Base URLs of the two ports, for create_user_session. */
  cpanelBaseUrl: string;
  whmBaseUrl: string;
}

/** A WHM function's `data` (omitted when undefined) and `metadata.reason` (default `OK`). */
export interface WhmOutput {
  data?: unknown;
  reason?: string;
  /** A partial failure that still carries data (forcepasswordchange). */
  failed?: string;
}

export type WhmHandler = (ctx: WhmContext, params: Params) => WhmOutput;

function requireAccount(store: Store, user: string): AccountRow {
  const account = store.account(user);
  if (!account) throw new ApiError(texts.noSuchUser(user));
  return account;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** listaccts' `startdate` format, e.g. `26 Nov 28 23:33` (yy Mon dd HH:MM). */
function startDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCFullYear() % 100)} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** One `acct` item of listaccts/accountsummary (S3 ListAcctsDataAcctItem, main fields). */
function acctItem(store: Store, a: AccountRow) {
  const mailboxes = store.mailboxesOf(a.user);
  const usedMb = Math.round(mailboxes.reduce((sum, m) => sum + m.disk_used, 0) / MB);
  const start = new Date(a.start_time * 1000);
  return {
    user: a.user,
    domain: a.domain,
    email: a.contact_email,
    plan: a.plan,
    owner: "root",
    suspended: a.suspended,
    suspendreason: a.suspended ? a.suspend_reason : "not suspended",
    suspendtime: a.suspended ? a.start_time : 0,
    outgoing_mail_hold: a.outgoing_held,
    outgoing_mail_suspended: a.outgoing_suspended,
    disklimit: "unlimited",
    diskused: `${usedMb}M`,
    maxpop: "unlimited",
    max_emailacct_quota: a.max_email_quota_mb === null ? "unlimited" : a.max_email_quota_mb,
    ip: "127.0.0.1",
    ipv6: [],
    startdate: startDate(start),
    unix_startdate: a.start_time,
    theme: "jupiter",
    shell: "/usr/local/cpanel/bin/noshell",
    uid: 1000,
    partition: "home",
    is_locked: 0,
    mailbox_format: "maildir",
    temporary: 0,
  };
}

function searchAccounts(store: Store, params: Params): AccountRow[] {
  const search = params.get("search");
  const accounts = store.accounts();
  if (!search) return accounts;
  const type = params.get("searchtype") || "user";
  const exact = params.get("searchmethod") === "exact";
  let re: RegExp;
  try {
    re = exact ? new RegExp(`^${search.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "i") : new RegExp(search, "i");
  } catch {
    throw new ApiError(`“${search}” is not a valid regular expression.`);
  }
  return accounts.filter((a) => {
    switch (type) {
      case "domain":
        return store.domainsOf(a.user).some((d) => re.test(d));
      case "owner":
        return re.test("root");
      case "ip":
        return re.test("127.0.0.1");
      case "package":
        return re.test(a.plan);
      default:
        return re.test(a.user);
    }
  });
}

const listaccts: WhmHandler = (ctx, params) => ({
  data: { acct: searchAccounts(ctx.store, params).map((a) => acctItem(ctx.store, a)) },
});

const accountsummary: WhmHandler = (ctx, params) => {
  const user = params.get("user");
  const domain = params.get("domain")?.toLowerCase();
  if (!user && !domain) throw new ApiError(texts.missingParameter("user"));
  let account: AccountRow | undefined;
  if (user) account = requireAccount(ctx.store, user);
  else {
    const owner = ctx.store.ownerOfDomain(domain!);
    if (!owner) throw new ApiError(`No account owns the domain “${domain}”.`);
    account = ctx.store.account(owner)!;
  }
  return { data: { acct: [acctItem(ctx.store, account)] } };
};

/** forcepasswordchange: `users_json` = {"user": 1|0, …}; unknown users fail; stop_on_failure stops at the first. */
const forcepasswordchange: WhmHandler = (ctx, params) => {
  const raw = params.requireWhm("users_json");
  let users: Record<string, unknown>;
  try {
    users = JSON.parse(raw) as Record<string, unknown>;
    if (!users || typeof users !== "object" || Array.isArray(users)) throw new Error("not an object");
  } catch {
    throw new ApiError(`The “users_json” parameter is not a valid JSON object: ${raw}`);
  }
  const stopOnFailure = params.flag("stop_on_failure");
  const updated: string[] = [];
  const failures: string[] = [];
  for (const [user, value] of Object.entries(users)) {
    if (!ctx.store.account(user)) {
      failures.push(texts.noSuchUser(user));
      if (stopOnFailure) break;
      continue;
    }
    ctx.store.setAccountFlag(user, "force_password_change", Number(value) ? 1 : 0);
    updated.push(user);
  }
  if (failures.length) return { data: { updated }, failed: failures.join("\n") };
  return { data: { updated } };
};

const SYSTEM_USERS = ["root", "nobody"];

function requireSystemUser(store: Store, user: string): void {
  if (!SYSTEM_USERS.includes(user) && !store.account(user)) throw new ApiError(texts.noSuchUser(user));
}

const getForwardDestination: WhmHandler = (ctx, params) => {
  const user = params.requireWhm("user");
  requireSystemUser(ctx.store, user);
  return { data: { forward_to: ctx.store.systemForward(user) } };
};

const setForwardDestination: WhmHandler = (ctx, params) => {
  const user = params.requireWhm("user");
  if (!params.has("forward_to")) throw new ApiError(texts.missingParameter("forward_to"));
  requireSystemUser(ctx.store, user);
  // `forward_to` is a comma-separated list; "" turns forwarding off.
  const destinations = (params.get("forward_to") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((d) => (d.includes("@") ? parseAddress(d).address : d.toLowerCase()));
  ctx.store.setSystemForward(user, destinations);
  return {};
};

function accountFlag(column: "outgoing_suspended" | "outgoing_held", value: 0 | 1): WhmHandler {
  return (ctx, params) => {
    const user = params.requireWhm("user");
    requireAccount(ctx.store, user);
    ctx.store.setAccountFlag(user, column, value);
    return {};
  };
}

const terminateCpuserMailboxSessions: WhmHandler = (ctx, params) => {
  // Note the parameter name: `username`, not `user`.
  const user = params.requireWhm("username");
  requireAccount(ctx.store, user);
  ctx.store.endAccountSessions(user);
  return {};
};

const listPopsFor: WhmHandler = (ctx, params) => {
  const user = params.requireWhm("user");
  requireAccount(ctx.store, user);
  return { data: { pops: ctx.store.mailboxesOf(user).map((m) => `${m.local}@${m.domain}`) } };
};

const getPasswordStrength: WhmHandler = (_ctx, params) => {
  const password = params.get("password");
  // Whostmgr/API/1/Accounts.pm's own wording.
  if (password === undefined) throw new ApiError("password parameter was not passed");
  return { data: { strength: passwordStrength(password) } };
};

const SERVICES = ["cpaneld", "webmaild", "whostmgrd"];

const createUserSession: WhmHandler = (ctx, params) => {
  const user = params.requireWhm("user");
  const service = params.requireWhm("service");
  if (!SERVICES.includes(service)) throw new ApiError(texts.invalidChoice("service", service, SERVICES));
  if (service === "whostmgrd") {
    if (user !== "root") throw new ApiError(texts.noSuchUser(user));
  } else if (service === "webmaild" && user.includes("@")) {
    const addr = parseAddress(user);
    if (!ctx.store.mailbox(addr.local, addr.domain)) throw new ApiError(texts.noSuchMailbox(addr.address));
  } else {
    requireAccount(ctx.store, user);
  }
  const cpsess = `cpsess${String(Math.floor(1e9 + Math.random() * 9e9))}`;
  const session = `${user}:${randomBytes(24).toString("base64url")}`;
  const expires = now() + 3600;
  ctx.store.addLoginSession(session, cpsess, user, service, expires);
  const base = service === "whostmgrd" ? ctx.whmBaseUrl : ctx.cpanelBaseUrl;
  const locale = params.get("locale");
  const url = `${base}/${cpsess}/login/?session=${session}${locale ? `&locale=${encodeURIComponent(locale)}` : ""}`;
  return {
    data: { cp_security_token: `/${cpsess}`, expires, service, session, url },
    reason: "Created session",
  };
};

export const whmHandlers: Record<string, WhmHandler> = {
  listaccts,
  accountsummary,
  forcepasswordchange,
  get_user_email_forward_destination: getForwardDestination,
  set_user_email_forward_destination: setForwardDestination,
  suspend_outgoing_email: accountFlag("outgoing_suspended", 1),
  unsuspend_outgoing_email: accountFlag("outgoing_suspended", 0),
  hold_outgoing_email: accountFlag("outgoing_held", 1),
  release_outgoing_email: accountFlag("outgoing_held", 0),
  terminate_cpuser_mailbox_sessions: terminateCpuserMailboxSessions,
  list_pops_for: listPopsFor,
  get_password_strength: getPasswordStrength,
  create_user_session: createUserSession,
};
