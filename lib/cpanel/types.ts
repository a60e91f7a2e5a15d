import "server-only";

/** How to reach and authenticate to one cPanel & WHM server. */
export type CpanelServerConnection = {
  serverId: string;
  /** `https://host:2087` in whm mode, `https://host:2083` in cpanel mode. */
  baseUrl: string;
  /** `whm`: `Authorization: whm USER:TOKEN`, UAPI through WHM's `cpanel` proxy. `cpanel`: `Authorization: cpanel USER:TOKEN`, `/execute/…`. */
  authMode: "whm" | "cpanel";
  /** `root` or a reseller in whm mode; the cPanel user in cpanel mode. */
  username: string;
  token: string;
  /** PEM file with the CA (or self-signed certificate) to trust instead of the system store. Read once. */
  caFile?: string;
  /** The same as PEM text (one or more certificates), e.g. pasted by an administrator; used instead of `caFile`. */
  ca?: string;
  /** Connect + TLS handshake limit; default and maximum 5,000 ms. */
  connectTimeoutMs?: number;
  /** Limit for one whole request (send, wait, read body); default and maximum 15,000 ms. */
  requestTimeoutMs?: number;
  /** Backoff before each retry of a read; default [100, 300] (two retries). Writes are never retried. */
  retryDelaysMs?: readonly number[];
  /** Circuit breaker: open after `failures` consecutive network failures for `openMs`; default 5 and 30,000 ms. */
  breaker?: { failures?: number; openMs?: number };
};

/** A cPanel account as WHM lists it (WHM API 1 `listaccts` / `accountsummary`). */
export type WhmAccount = {
  user: string;
  domain: string;
  /** The account's (first) contact address, or null when none is set. */
  contactEmail: string | null;
  /** Every contact address: listaccts joins CONTACTEMAIL and CONTACTEMAIL2 with ", " (Whostmgr/Accounts/List.pm). */
  contactEmails: string[];
  owner: string;
  plan: string;
  suspended: boolean;
  suspendReason: string | null;
  outgoingMailSuspended: boolean;
  outgoingMailHold: boolean;
  /** Largest quota a mailbox may get, in MB; null = unlimited. */
  maxEmailQuotaMb: number | null;
  /** Most mailboxes the account may have; null = unlimited. */
  maxMailboxes: number | null;
  diskUsedMb: number;
  /** Null = unlimited. */
  diskLimitMb: number | null;
  ip: string | null;
  startedAt: Date | null;
};

/** One email account of a cPanel account (UAPI `Email::list_pops_with_disk` with `get_restrictions=1`). */
export type Mailbox = {
  email: string;
  localPart: string;
  domain: string;
  /** Null = unlimited. */
  quotaMb: number | null;
  diskUsedBytes: number;
  suspendLogin: boolean;
  suspendIncoming: boolean;
  suspendOutgoing: boolean;
  holdOutgoing: boolean;
};

/** A mailbox as UAPI `Email::list_pops` lists it (no usage, no outgoing flags). */
export type MailboxBasic = {
  email: string;
  localPart: string;
  domain: string;
  suspendLogin: boolean;
  suspendIncoming: boolean;
};

export type ForwarderKind = "address" | "fail" | "blackhole" | "pipe" | "system";

/** An address forwarder (UAPI `Email::list_forwarders`). `destination` is cPanel's raw value, as `deleteForwarder` needs it. */
export type Forwarder = {
  source: string;
  kind: ForwarderKind;
  destination: string;
  /** For `fail`: the bounce text sent to the sender. */
  failMessage?: string;
};

/** What `addForwarder` creates for `source`. */
export type NewForwarder =
  | { source: string; kind: "address"; destinations: string[] }
  | { source: string; kind: "fail"; failMessage?: string }
  | { source: string; kind: "blackhole" }
  | { source: string; kind: "system"; systemUser: string }
  | { source: string; kind: "pipe"; command: string };

/** All mail for `sourceDomain` goes to the same local part at `destinationDomain` (UAPI `Email::list_domain_forwarders`). */
export type DomainForwarder = { sourceDomain: string; destinationDomain: string };

/** UAPI `Email::list_auto_responders` row. */
export type AutoresponderSummary = { email: string; subject: string };

/** UAPI `Email::get_auto_responder` (plus the address it belongs to). */
export type Autoresponder = {
  email: string;
  from: string;
  subject: string;
  body: string;
  isHtml: boolean;
  charset: string;
  /** Hours between replies to the same sender; 0 = every message. */
  intervalHours: number;
  start: Date | null;
  stop: Date | null;
};

export type NewAutoresponder = {
  email: string;
  from: string;
  subject: string;
  body: string;
  isHtml?: boolean;
  charset?: string;
  intervalHours?: number;
  start?: Date | null;
  stop?: Date | null;
};

export type ForcePasswordChangeResult = {
  updated: string[];
  /** Already in the requested state: cPanel drops them (neither updated nor failed; "Nothing to do." when all are). */
  alreadySet: string[];
  /** Users cPanel could not change, each with its own reason (`data.failed`), or every named user of an "Invalid user(s)" refusal. */
  failed: { user: string; reason: string }[];
  /**
   * Not changed and not failed: with stop_on_failure, the users cPanel had not reached when it stopped (it walks its own
   * order, so they may also be already set — cPanel's answer cannot tell); after an "Invalid user(s)" refusal, everyone else.
   */
  notAttempted: string[];
};

export type UserSessionService = "cpaneld" | "whostmgrd" | "webmaild";

/** A one-time login (WHM API 1 `create_user_session`). The URL is a credential: never log it. */
export type UserSession = {
  url: string;
  service: string;
  expiresAt: Date | null;
};

/** What happened to one outgoing message in Exim's delivery log (WHM `emailtrack_search` `type`). */
export type DeliveryKind = "sent" | "failed" | "deferred" | "inProgress";

/** One delivery record of WHM `emailtrack_search`. */
export type DeliveryRecord = {
  kind: DeliveryKind;
  sender: string;
  cpanelUser: string;
  recipient: string;
  sentAt: Date | null;
};

/** A bounded delivery-log search: sender, window, kinds; at most `limit` records, newest first. */
export type DeliverySearch = {
  sender?: string;
  since: Date;
  kinds?: readonly DeliveryKind[];
  limit: number;
};

/** A page of records plus the total that matched (cPanel's `metadata.chunk.records`). */
export type DeliverySearchResult = { records: DeliveryRecord[]; total: number };

/** How a mail app connects to one mailbox (UAPI Email::get_client_settings); `secure` ports use TLS from the start. */
export type MailClientSettings = {
  email: string;
  username: string;
  incoming: { protocol: "imap" | "pop3"; host: string; securePort: number; insecurePort: number | null };
  smtp: { host: string; securePort: number; insecurePort: number | null };
  /** Whether the server accepts passwords over connections without TLS (the insecure ports). */
  plaintextAuthentication: boolean;
};
