import { randomBytes } from "node:crypto";
import { parseAddress } from "../address";
import { ApiError, texts } from "../errors";
import { hasAcl, ownsAccount, type WhmPrincipal } from "../auth";
import type { Params } from "../params";
import type { AccountRow, Store } from "../state/store";
import { now } from "../state/store";
import { passwordStrength } from "../strength";
import { MB } from "./quota";
import { emailtrackSearch } from "./whm-emailtrack";

export interface WhmContext {
  store: Store;
  /** Who calls: root or a reseller (its ACLs and the accounts it owns limit what it may do). */
  principal: WhmPrincipal;
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
  /** Extra `metadata` keys (emailtrack_search: overflowed, chunk). */
  metadata?: Record<string, unknown>;
}

export type WhmHandler = (ctx: WhmContext, params: Params) => WhmOutput;

function requireAccount(ctx: WhmContext, user: string): AccountRow {
  const account = ctx.store.account(user);
  if (!account) throw new ApiError(texts.noSuchUser(user));
  // Whostmgr::Authz::verify_account_access (the emulator's wording).
  if (!ownsAccount(ctx.principal, account)) throw new ApiError(texts.notYourAccount(user));
  return account;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** listaccts' `startdate` format, e.g. `26 Nov 28 23:33` (yy Mon dd HH:MM). */
function startDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCFullYear() % 100)} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

/** One `acct` item of listaccts/accountsummary (S3 ListAcctsDataAcctItem, main fields). */
// Whostmgr/Accounts/List.pm `listaccts`: a value missing from the cpuser file is the string `*unknown*`;
// sizes are `<int MB>M`, or `none` (nothing used) / `unlimited` (no limit); email joins CONTACTEMAIL and CONTACTEMAIL2 with ", ".
function acctItem(store: Store, a: AccountRow) {
  const mailboxes = store.mailboxesOf(a.user);
  const usedMb = Math.floor(mailboxes.reduce((sum, m) => sum + m.disk_used, 0) / MB);
  const start = new Date(a.start_time * 1000);
  const legacy = a.legacy === 1;
  const unknown = "*unknown*";
  return {
    user: a.user,
    domain: a.domain,
    email: a.contact_email.trim() || unknown,
    plan: a.plan,
    owner: a.owner,
    suspended: a.suspended,
    suspendreason: a.suspended ? a.suspend_reason || unknown : "not suspended",
    suspendtime: a.suspended ? a.start_time : 0,
    outgoing_mail_hold: a.outgoing_held,
    outgoing_mail_suspended: a.outgoing_suspended,
    disklimit: "unlimited",
    diskused: usedMb > 0 ? `${usedMb}M` : "none",
    maxpop: legacy ? unknown : "unlimited",
    max_emailacct_quota: legacy ? unknown : a.max_email_quota_mb === null ? "unlimited" : a.max_email_quota_mb,
    ip: legacy ? unknown : "127.0.0.1",
    ipv6: [],
    startdate: legacy ? unknown : startDate(start),
    unix_startdate: legacy ? unknown : a.start_time,
    theme: "jupiter",
    shell: "/usr/local/cpanel/bin/noshell",
    uid: 1000,
    partition: "home",
    is_locked: 0,
    mailbox_format: "maildir",
    temporary: 0,
  };
}

const SEARCH_TYPES = ["domain", "ip", "user", "package", "owner", "domain_and_user"];

function searchAccounts(ctx: WhmContext, params: Params): AccountRow[] {
  const store = ctx.store;
  const search = params.get("search");
  // A reseller sees only its own accounts (Whostmgr/Accounts/List.pm, $can_see_all_accts).
  const accounts = store.accounts().filter((a) => ownsAccount(ctx.principal, a));
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
        return re.test(a.owner);
      case "domain_and_user":
        return re.test(a.user) || store.domainsOf(a.user).some((d) => re.test(d));
      case "ip":
        return re.test("127.0.0.1");
      case "package":
        return re.test(a.plan);
      default:
        return re.test(a.user);
    }
  });
}

// Whostmgr/API/1/Accounts.pm `listaccts`: an unknown searchtype fails; no match is result 1 with no `data` at all.
const listaccts: WhmHandler = (ctx, params) => {
  const type = params.get("searchtype");
  if (params.has("searchtype") && !SEARCH_TYPES.includes(type ?? "")) throw new ApiError("Unknown search type.");
  const found = searchAccounts(ctx, params);
  if (found.length === 0) return {};
  // listaccts (not accountsummary) adds has_backup per account (Cpanel::Backup::MetadataDB::Tiny); the emulator keeps no backups.
  return { data: { acct: found.map((a) => ({ ...acctItem(ctx.store, a), has_backup: 0 })) } };
};

// Whostmgr/API/1/Accounts.pm `accountsummary`: an exact listaccts by user or domain; none (or not the reseller's)
// → result 0 "Account does not exist." with `data.acct` null (by user) or [] (by domain).
const accountsummary: WhmHandler = (ctx, params) => {
  if (!params.has("user") && !params.has("domain")) throw new ApiError("You must specify a user or domain to get a summary of.");
  let account: AccountRow | undefined;
  if (params.has("user")) account = ctx.store.account(params.get("user") ?? "");
  else {
    const owner = ctx.store.ownerOfDomain((params.get("domain") ?? "").toLowerCase());
    account = owner ? ctx.store.account(owner) : undefined;
  }
  if (!account || !ownsAccount(ctx.principal, account)) {
    return { data: { acct: params.has("user") ? null : [] }, failed: "Account does not exist." };
  }
  return { data: { acct: [acctItem(ctx.store, account)] } };
};

/** Cpanel::Validate::Username::is_valid, approximately: a letter, then letters, digits, `.`, `_`, `-` (at most 32). */
const VALID_USERNAME = /^[a-z][a-z0-9._-]{0,31}$/i;

/**
 * forcepasswordchange as Whostmgr/API/1/Accounts.pm `forcepasswordchange` + Cpanel/ForcePassword.pm do it:
 * 1. names that are not valid user names (for a reseller: not its accounts) fail the whole call, nothing changed:
 *    "Invalid user(s): a, b";
 * 2. users already in the requested state are dropped (an unknown user's flag reads as 0); none left →
 *    result 1, "Nothing to do.", no data;
 * 3. the rest are walked in cPanel's own (hash) order — here: sorted by name — and a user that cannot be
 *    changed (here: one without an account) fails with Cpanel/ForcePassword.pm's `_build_failure_msg` text;
 *    with stop_on_failure the walk ends there;
 * 4. data `{updated: [...], failed?: {user: message}}`; reason: the one failure's message (also with
 *    stop_on_failure), else "Force password change flags for the following users could not be updated: a, b".
 */
const forcepasswordchange: WhmHandler = (ctx, params) => {
  const raw = params.requireWhm("users_json");
  let users: Record<string, unknown>;
  try {
    users = JSON.parse(raw) as Record<string, unknown>;
    if (!users || typeof users !== "object" || Array.isArray(users)) throw new Error("not an object");
  } catch {
    throw new ApiError(`The “users_json” parameter is not a valid JSON object: ${raw}`);
  }
  const names = Object.keys(users);
  const invalid = names.filter((user) => {
    if (!VALID_USERNAME.test(user)) return true;
    if (ctx.principal.root) return false;
    const account = ctx.store.account(user);
    return !account || !ownsAccount(ctx.principal, account);
  });
  if (invalid.length) throw new ApiError(`Invalid user(s): ${invalid.join(", ")}`);

  const wanted = names.filter((user) => Boolean(Number(users[user])) !== Boolean(ctx.store.account(user)?.force_password_change));
  if (wanted.length === 0) return { reason: "Nothing to do." };

  const stopOnFailure = params.flag("stop_on_failure");
  const updated: string[] = [];
  const failed: Record<string, string> = {};
  for (const user of [...wanted].sort()) {
    const set = Boolean(Number(users[user]));
    if (!ctx.store.account(user)) {
      failed[user] = `Unable to ${set ? "set" : "unset"} forced password change for user '${user}'; check the system log for details.`;
      if (stopOnFailure) break;
      continue;
    }
    ctx.store.setAccountFlag(user, "force_password_change", set ? 1 : 0);
    updated.push(user);
  }
  const failedUsers = Object.keys(failed);
  if (failedUsers.length === 0) return { data: { updated } };
  const reason =
    stopOnFailure || failedUsers.length === 1
      ? failed[failedUsers[0]!]!
      : `Force password change flags for the following users could not be updated: ${failedUsers.sort().join(", ")}`;
  return { data: { updated, failed }, failed: reason };
};

const SYSTEM_USERS = ["root", "nobody"];

function requireSystemUser(ctx: WhmContext, user: string): void {
  if (SYSTEM_USERS.includes(user)) {
    if (!ctx.principal.root) throw new ApiError(texts.notYourAccount(user));
    return;
  }
  requireAccount(ctx, user);
}

const getForwardDestination: WhmHandler = (ctx, params) => {
  const user = params.requireWhm("user");
  requireSystemUser(ctx, user);
  // Cpanel/Email/UserForward.pm get_user_email_forward_destination: a list of destinations, or "" when not forwarded.
  const destinations = ctx.store.systemForward(user);
  return { data: { forward_to: destinations.length ? destinations : "" } };
};

const setForwardDestination: WhmHandler = (ctx, params) => {
  const user = params.requireWhm("user");
  if (!params.has("forward_to")) throw new ApiError(texts.missingParameter("forward_to"));
  requireSystemUser(ctx, user);
  // `forward_to` is a comma-separated list; "" turns forwarding off.
  const destinations = (params.get("forward_to") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((d) => (d.includes("@") ? parseAddress(d).address : d.toLowerCase()));
  ctx.store.setSystemForward(user, destinations);
  // Whostmgr/API/1/Email.pm returns `{}`, which WHM API 1 sends as `"data":{}` (Whostmgr/API/1/Data/Wrapper.pm execute_internal).
  return { data: {} };
};

function accountFlag(column: "outgoing_suspended" | "outgoing_held", value: 0 | 1): WhmHandler {
  return (ctx, params) => {
    const user = params.requireWhm("user");
    requireAccount(ctx, user);
    ctx.store.setAccountFlag(user, column, value);
    return {};
  };
}

const terminateCpuserMailboxSessions: WhmHandler = (ctx, params) => {
  // Note the parameter name: `username`, not `user`.
  const user = params.requireWhm("username");
  requireAccount(ctx, user);
  ctx.store.endAccountSessions(user);
  return {};
};

const listPopsFor: WhmHandler = (ctx, params) => {
  const user = params.requireWhm("user");
  requireAccount(ctx, user);
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
    const mailbox = ctx.store.mailbox(addr.local, addr.domain);
    if (!mailbox) throw new ApiError(texts.noSuchMailbox(addr.address));
    requireAccount(ctx, mailbox.user);
  } else {
    requireAccount(ctx, user);
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

/** WHM API 1 `version` (Whostmgr/API/1/Version.pm): the dump this emulator follows is 11.120.0.16. */
const version: WhmHandler = () => ({ data: { version: "11.120.0.16" } });

/** WHM API 1 `myprivs` (Whostmgr/API/1/ACLS.pm): `{privileges: [{acl: 0|1, …}]}`; root has `all: 1`. */
const myprivs: WhmHandler = (ctx) => {
  const privileges: Record<string, number> = Object.fromEntries(KNOWN_ACLS.map((acl) => [acl, hasAcl(ctx.principal, acl) ? 1 : 0]));
  privileges.all = ctx.principal.acls.has("all") ? 1 : 0;
  return { data: { privileges: [privileges] } };
};

/** The ACLs myprivs reports (the subset of Whostmgr::ACLS the emulator checks or the panel asks about). */
export const KNOWN_ACLS = ["basic-whm-functions", "list-accts", "acct-summary", "cpanel-api", "passwd", "mailcheck"];

/**
 * The ACL each WHM function needs before it runs (Whostmgr/XMLUI/Meta.pm `check` subs: `cpanel` → cpanel-api,
 * listaccts → list-accts, myprivs → basic-whm-functions; accountsummary → acct-summary as domainuserdata there).
 * Functions not listed need none here; a reseller is still limited to its own accounts.
 */
export const WHM_ACLS: Record<string, string> = {
  cpanel: "cpanel-api",
  listaccts: "list-accts",
  accountsummary: "acct-summary",
  myprivs: "basic-whm-functions",
  version: "basic-whm-functions",
};

export const whmHandlers: Record<string, WhmHandler> = {
  version,
  myprivs,
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
  emailtrack_search: emailtrackSearch,
};
