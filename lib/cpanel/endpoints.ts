import "server-only";
import { z } from "zod";
import { zFlag, zList, zNumber, zText } from "./envelope";
import type { ApiKind } from "./request";

/** cPanel functions the client calls, as data: API, module, function, read/write, secret params, params and data schemas. */

export type Endpoint<P extends z.ZodType = z.ZodType, D extends z.ZodType = z.ZodType> = {
  api: ApiKind;
  module?: string;
  func: string;
  /** Writes are never retried; a write that timed out has an unknown outcome. */
  write: boolean;
  secretParams?: readonly string[];
  params: P;
  data: D;
};

const endpoint = <P extends z.ZodType, D extends z.ZodType>(def: Endpoint<P, D>) => def;

const int01 = z.union([z.literal(0), z.literal(1)]);
const str = z.string().min(1);
const anyData = z.unknown();
const noParams = z.object({});
const emailParam = z.object({ email: str });
const localDomain = z.object({ email: str, domain: str });

/** Quota as cPanel writes it: MB number, numeric string, or "unlimited" / "None" / "∞" / 0. */
export const zQuota = z.union([z.number(), z.string()]).nullish();

// ---------- raw rows ----------
export const popWithDiskRow = z.object({
  email: z.string(),
  login: zText,
  user: zText,
  domain: zText,
  _diskquota: zQuota,
  _diskused: zQuota,
  diskquota: zQuota,
  txtdiskquota: zQuota,
  diskused: zQuota,
  suspended_login: zFlag,
  suspended_incoming: zFlag,
  suspended_outgoing: zFlag,
  hold_outgoing: zFlag,
  has_suspended: zFlag,
  mtime: zQuota,
});

export const popRow = z.object({
  email: z.string(),
  login: zText,
  suspended_login: zFlag,
  suspended_incoming: zFlag,
});

export const forwarderRow = z.object({ dest: z.string(), forward: zText });
export const domainForwarderRow = z.object({ dest: z.string(), forward: zText });
export const autoresponderRow = z.object({ email: z.string(), subject: zText });
export const autoresponderData = z.object({
  body: zText,
  charset: zText,
  from: zText,
  interval: zNumber.nullish(),
  is_html: zFlag,
  // Made in cPanel's own screens with "Immediately" / "Never", these come back empty.
  start: z.union([zNumber, z.literal("")]).nullish(),
  stop: z.union([zNumber, z.literal("")]).nullish(),
  subject: zText,
});
export const mailDomainRow = z.object({ domain: z.string(), select: zFlag });

export const whmAccountRow = z.object({
  user: z.string(),
  domain: zText,
  email: zText,
  owner: zText,
  plan: zText,
  suspended: zFlag,
  suspendreason: zText,
  outgoing_mail_hold: zFlag,
  outgoing_mail_suspended: zFlag,
  max_emailacct_quota: zQuota,
  maxpop: zQuota,
  diskused: zQuota,
  disklimit: zQuota,
  ip: zText,
  unix_startdate: zQuota,
});

/** One delivery record of WHM `emailtrack_search` (only the fields the panel reads). */
export const emailtrackRow = z.object({
  type: zText,
  sender: zText,
  email: zText,
  user: zText,
  recipient: zText,
  sendunixtime: zNumber.nullish(),
});

// ---------- UAPI (Email, PasswdStrength) ----------
export const uapi = {
  listPopsWithDisk: endpoint({
    api: "uapi",
    module: "Email",
    func: "list_pops_with_disk",
    write: false,
    params: z.object({
      get_restrictions: int01.optional(),
      domain: str.optional(),
      email: str.optional(),
      regex: z.string().optional(),
      no_disk: int01.optional(),
    }),
    data: zList(popWithDiskRow),
  }),
  listPops: endpoint({
    api: "uapi",
    module: "Email",
    func: "list_pops",
    write: false,
    params: z.object({ regex: z.string().optional(), skip_main: int01.optional() }),
    data: zList(popRow),
  }),
  addPop: endpoint({
    api: "uapi",
    module: "Email",
    func: "add_pop",
    write: true,
    secretParams: ["password"],
    params: z.object({
      email: str,
      domain: str,
      password: str,
      quota: z.union([z.number(), z.literal("unlimited")]).optional(),
      send_welcome_email: int01.optional(),
    }),
    data: anyData,
  }),
  deletePop: endpoint({ api: "uapi", module: "Email", func: "delete_pop", write: true, params: localDomain, data: anyData }),
  passwdPop: endpoint({
    api: "uapi",
    module: "Email",
    func: "passwd_pop",
    write: true,
    secretParams: ["password"],
    params: z.object({ email: str, domain: str, password: str }),
    data: anyData,
  }),
  verifyPassword: endpoint({
    // A read with a secret: sent as POST body like every call, and safe to retry.
    api: "uapi",
    module: "Email",
    func: "verify_password",
    write: false,
    secretParams: ["password"],
    params: z.object({ email: str, password: z.string() }),
    data: zFlag,
  }),
  editPopQuota: endpoint({
    api: "uapi",
    module: "Email",
    func: "edit_pop_quota",
    write: true,
    params: z.object({ email: str, domain: str, quota: z.string() }),
    data: anyData,
  }),
  /** Read-only: what a mail app needs (Cpanel::Email::AutoConfig::Settings). Keys with no value are left out. */
  getClientSettings: endpoint({
    api: "uapi",
    module: "Email",
    func: "get_client_settings",
    write: false,
    params: z.object({ account: str }),
    data: z.object({
      account: zText,
      domain: zText,
      inbox_service: zText,
      inbox_username: zText,
      inbox_host: str,
      inbox_port: zNumber,
      inbox_insecure_port: zNumber.optional(),
      smtp_username: zText,
      smtp_host: str,
      smtp_port: zNumber,
      smtp_insecure_port: zNumber.optional(),
      has_plaintext_authentication: zFlag,
    }),
  }),
  /** Mails the client settings to `to` (cPanel's notification; the adminbin DISPATCH_CLIENT_CONFIG). A write: it sends mail. */
  dispatchClientSettings: endpoint({
    api: "uapi",
    module: "Email",
    func: "dispatch_client_settings",
    write: true,
    params: z.object({ account: str, to: str }),
    data: anyData,
  }),
  getPopQuota: endpoint({
    api: "uapi",
    module: "Email",
    func: "get_pop_quota",
    write: false,
    params: z.object({ email: str, domain: str, as_bytes: int01.optional() }),
    data: zQuota,
  }),
  suspendLogin: endpoint({ api: "uapi", module: "Email", func: "suspend_login", write: true, params: emailParam, data: anyData }),
  unsuspendLogin: endpoint({ api: "uapi", module: "Email", func: "unsuspend_login", write: true, params: emailParam, data: anyData }),
  suspendIncoming: endpoint({ api: "uapi", module: "Email", func: "suspend_incoming", write: true, params: emailParam, data: anyData }),
  unsuspendIncoming: endpoint({ api: "uapi", module: "Email", func: "unsuspend_incoming", write: true, params: emailParam, data: anyData }),
  suspendOutgoing: endpoint({ api: "uapi", module: "Email", func: "suspend_outgoing", write: true, params: emailParam, data: anyData }),
  unsuspendOutgoing: endpoint({ api: "uapi", module: "Email", func: "unsuspend_outgoing", write: true, params: emailParam, data: anyData }),
  holdOutgoing: endpoint({ api: "uapi", module: "Email", func: "hold_outgoing", write: true, params: emailParam, data: anyData }),
  releaseOutgoing: endpoint({ api: "uapi", module: "Email", func: "release_outgoing", write: true, params: emailParam, data: anyData }),
  listForwarders: endpoint({
    api: "uapi",
    module: "Email",
    func: "list_forwarders",
    write: false,
    params: z.object({ domain: str, regex: z.string().optional() }),
    data: zList(forwarderRow),
  }),
  addForwarder: endpoint({
    api: "uapi",
    module: "Email",
    func: "add_forwarder",
    write: true,
    params: z.object({
      domain: str,
      email: str,
      fwdopt: z.enum(["fwd", "fail", "blackhole", "system", "pipe"]),
      fwdemail: z.string().optional(),
      failmsgs: z.string().optional(),
      fwdsystem: z.string().optional(),
      pipefwd: z.string().optional(),
    }),
    data: anyData,
  }),
  deleteForwarder: endpoint({
    api: "uapi",
    module: "Email",
    func: "delete_forwarder",
    write: true,
    params: z.object({ address: str, forwarder: str }),
    data: anyData,
  }),
  listDomainForwarders: endpoint({
    api: "uapi",
    module: "Email",
    func: "list_domain_forwarders",
    write: false,
    params: z.object({ domain: str.optional() }),
    data: zList(domainForwarderRow),
  }),
  addDomainForwarder: endpoint({
    api: "uapi",
    module: "Email",
    func: "add_domain_forwarder",
    write: true,
    params: z.object({ domain: str, destdomain: str }),
    data: anyData,
  }),
  deleteDomainForwarder: endpoint({
    api: "uapi",
    module: "Email",
    func: "delete_domain_forwarder",
    write: true,
    params: z.object({ domain: str }),
    data: anyData,
  }),
  listAutoResponders: endpoint({
    api: "uapi",
    module: "Email",
    func: "list_auto_responders",
    write: false,
    params: z.object({ domain: str, regex: z.string().optional() }),
    data: zList(autoresponderRow),
  }),
  getAutoResponder: endpoint({
    api: "uapi",
    module: "Email",
    func: "get_auto_responder",
    write: false,
    params: z.object({ email: str }),
    data: autoresponderData,
  }),
  addAutoResponder: endpoint({
    api: "uapi",
    module: "Email",
    func: "add_auto_responder",
    write: true,
    params: z.object({
      email: str,
      domain: str,
      from: z.string(),
      subject: z.string(),
      body: z.string(),
      // "" = immediately / never, as cPanel's own form sends them (base/frontend/jupiter/mail/addars.html.tt).
      is_html: int01,
      interval: z.number().int().min(0),
      start: z.union([z.number().int(), z.literal("")]),
      stop: z.union([z.number().int(), z.literal("")]),
      charset: z.string().optional(),
    }),
    data: anyData,
  }),
  deleteAutoResponder: endpoint({ api: "uapi", module: "Email", func: "delete_auto_responder", write: true, params: emailParam, data: anyData }),
  listMailDomains: endpoint({
    api: "uapi",
    module: "Email",
    func: "list_mail_domains",
    write: false,
    params: z.object({ select: str.optional() }),
    data: zList(mailDomainRow),
  }),
  terminateMailboxSessions: endpoint({
    api: "uapi",
    module: "Email",
    func: "terminate_mailbox_sessions",
    write: true,
    params: noParams,
    data: anyData,
  }),
  getHeldMessageCount: endpoint({
    // Cpanel/Admin/Modules/Cpanel/mail.pm GET_HELD_MESSAGE_COUNT: the number of the address's messages held in the queue.
    api: "uapi",
    module: "Email",
    func: "get_held_message_count",
    write: false,
    params: emailParam,
    data: zNumber,
  }),
  deleteHeldMessages: endpoint({
    // DELETE_HELD_MESSAGES: queues their removal and answers how many were queued; release_after_delete lifts the hold after.
    api: "uapi",
    module: "Email",
    func: "delete_held_messages",
    write: true,
    params: z.object({ email: str, release_after_delete: int01.optional() }),
    data: zNumber.nullish(),
  }),
  getRequiredStrength: endpoint({
    api: "uapi",
    module: "PasswdStrength",
    func: "get_required_strength",
    write: false,
    params: z.object({ app: str }),
    data: z.object({ strength: zNumber }),
  }),
} as const;

// ---------- API 2 ----------
export const api2 = {
  passwdpop: endpoint({
    api: "api2",
    module: "Email",
    func: "passwdpop",
    write: true,
    secretParams: ["password"],
    params: z.object({ email: str, domain: str, password: str }),
    data: anyData,
  }),
} as const;

// ---------- WHM API 1 ----------
const userParam = z.object({ user: str });

export const whm = {
  listaccts: endpoint({
    api: "whm",
    func: "listaccts",
    write: false,
    params: z.object({ search: z.string().optional(), searchtype: z.string().optional(), searchmethod: z.string().optional() }),
    data: z
      .object({ acct: zList(whmAccountRow) })
      .nullish()
      .transform((v) => v?.acct ?? []),
  }),
  accountsummary: endpoint({
    api: "whm",
    func: "accountsummary",
    write: false,
    params: userParam,
    data: z
      .object({ acct: zList(whmAccountRow) })
      .nullish()
      .transform((v) => v?.acct ?? []),
  }),
  forcepasswordchange: endpoint({
    api: "whm",
    func: "forcepasswordchange",
    write: true,
    params: z.object({ users_json: str, stop_on_failure: int01.optional() }),
    // Whostmgr/API/1/Accounts.pm: `{updated: [...], failed?: {user: message}}`, or no data at all ("Nothing to do.").
    data: z
      .object({ updated: zList(z.string()), failed: z.record(z.string(), zText).nullish() })
      .nullish()
      .transform((v) => ({ updated: v?.updated ?? [], failed: v?.failed ?? {} })),
  }),
  myprivs: endpoint({
    // Whostmgr/API/1/ACLS.pm: `{privileges: [{acl: 0|1, …}]}`; root has `all: 1`.
    api: "whm",
    func: "myprivs",
    write: false,
    params: noParams,
    data: z.object({ privileges: zList(z.record(z.string(), z.unknown())) }).transform((v) => v.privileges[0] ?? {}),
  }),
  version: endpoint({
    api: "whm",
    func: "version",
    write: false,
    params: noParams,
    data: z.object({ version: z.string() }),
  }),
  getUserEmailForwardDestination: endpoint({
    api: "whm",
    func: "get_user_email_forward_destination",
    write: false,
    params: userParam,
    data: z
      .object({ forward_to: z.union([zList(z.string()), z.string()]) })
      .nullish()
      .transform((v) => (typeof v?.forward_to === "string" ? v.forward_to.split(",") : (v?.forward_to ?? [])).map((s) => s.trim()).filter(Boolean)),
  }),
  setUserEmailForwardDestination: endpoint({
    api: "whm",
    func: "set_user_email_forward_destination",
    write: true,
    params: z.object({ user: str, forward_to: z.string() }),
    data: anyData,
  }),
  suspendOutgoingEmail: endpoint({ api: "whm", func: "suspend_outgoing_email", write: true, params: userParam, data: anyData }),
  unsuspendOutgoingEmail: endpoint({ api: "whm", func: "unsuspend_outgoing_email", write: true, params: userParam, data: anyData }),
  holdOutgoingEmail: endpoint({ api: "whm", func: "hold_outgoing_email", write: true, params: userParam, data: anyData }),
  releaseOutgoingEmail: endpoint({ api: "whm", func: "release_outgoing_email", write: true, params: userParam, data: anyData }),
  terminateCpuserMailboxSessions: endpoint({
    api: "whm",
    func: "terminate_cpuser_mailbox_sessions",
    write: true,
    params: z.object({ username: str }),
    data: anyData,
  }),
  listPopsFor: endpoint({
    api: "whm",
    func: "list_pops_for",
    write: false,
    params: userParam,
    data: z
      .object({ pops: zList(z.string()) })
      .nullish()
      .transform((v) => v?.pops ?? []),
  }),
  getPasswordStrength: endpoint({
    api: "whm",
    func: "get_password_strength",
    write: false,
    secretParams: ["password"],
    params: z.object({ password: z.string() }),
    data: z.object({ strength: zNumber }),
  }),
  emailtrackSearch: endpoint({
    // Whostmgr/API/1/Exim.pm `search`: api.filter/sort/chunk become the delivery reporter's query; data `{records: [...]}`.
    api: "whm",
    func: "emailtrack_search",
    write: false,
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    data: z
      .object({ records: zList(emailtrackRow) })
      .nullish()
      .transform((v) => v?.records ?? []),
  }),
  createUserSession: endpoint({
    // Creates a login session: a write, and its answer is a credential.
    api: "whm",
    func: "create_user_session",
    write: true,
    params: z.object({ user: str, service: z.enum(["cpaneld", "whostmgrd", "webmaild"]), app: z.string().optional(), locale: z.string().optional() }),
    data: z.object({ url: z.string(), service: zText, expires: zNumber.nullish(), session: zText, cp_security_token: zText }),
  }),
} as const;
