import "server-only";
import type { z } from "zod";
import { call, type CallOptions } from "./call";
import { api2, uapi, type Endpoint } from "./endpoints";
import { CpanelConfigError } from "./errors";
import {
  bytesToQuotaMb,
  notAnAddressDestination,
  quotaMb,
  splitAddress,
  toAutoresponder,
  toClientSettings,
  toForwarder,
  toMailbox,
  toMailboxBasic,
} from "./mappers";
import { operationName } from "./request";
import type {
  Autoresponder,
  AutoresponderSummary,
  CpanelServerConnection,
  DomainForwarder,
  Forwarder,
  MailClientSettings,
  Mailbox,
  MailboxBasic,
  NewAutoresponder,
  NewForwarder,
} from "./types";

type Caller = <P extends z.ZodType, D extends z.ZodType>(def: Endpoint<P, D>, params: z.input<P>) => Promise<z.output<D>>;
type ClientFunction = (...args: never[]) => Promise<unknown>;

/** The endpoints each client function declared (see `uses`). */
const declaredEndpoints = new WeakMap<ClientFunction, readonly Endpoint[]>();

/**
 * Whether a client function sends a cPanel write, read from the `write` flag of the endpoints it declared; a function
 * that declared none (not one of this client's) counts as a write.
 */
export function isWriteCall(fn: unknown): boolean {
  const endpoints = typeof fn === "function" ? declaredEndpoints.get(fn as ClientFunction) : undefined;
  return endpoints ? endpoints.some((def) => def.write) : true;
}

/** The UAPI / API 2 calls of one cPanel account on a connection. */
export function accountClient(connection: CpanelServerConnection, cpanelUser: string, options: Pick<CallOptions, "signal"> = {}) {
  if (connection.authMode === "cpanel" && cpanelUser.toLowerCase() !== connection.username.toLowerCase()) {
    throw new CpanelConfigError(`server ${connection.serverId} uses the cPanel token of ${connection.username}; it cannot act as ${cpanelUser}`);
  }
  const callOptions: CallOptions = { cpanelUser, signal: options.signal };

  /** A client function that calls only `endpoints` (checked on every call), so whether it writes comes from them. */
  const uses = <F extends ClientFunction>(endpoints: readonly Endpoint[], make: (c: Caller) => F): F => {
    const c: Caller = (def, params) => {
      if (!endpoints.includes(def as Endpoint)) throw new CpanelConfigError(`${operationName(def)} is not among the endpoints this call declared`);
      return call(connection, def, params, callOptions);
    };
    const fn = make(c);
    declaredEndpoints.set(fn, endpoints);
    return fn;
  };
  const byAddress = <P extends z.ZodType>(def: Endpoint<P>) =>
    uses([def], (c) => async (email: string): Promise<void> => {
      splitAddress(email);
      await c(def, { email } as z.input<P>);
    });

  const account = {
    /** UAPI `Email::list_mail_domains`: the domains that can have mail, main domain first. */
    listMailDomains: uses([uapi.listMailDomains], (c) => async (): Promise<string[]> => {
      return (await c(uapi.listMailDomains, {})).map((row) => row.domain);
    }),
    /** UAPI `Email::list_pops_with_disk` with `get_restrictions=1`: mailboxes with quota, usage and restrictions. */
    listMailboxes: uses([uapi.listPopsWithDisk], (c) => async (filter: { domain?: string } = {}): Promise<Mailbox[]> => {
      const rows = await c(uapi.listPopsWithDisk, { get_restrictions: 1, ...filter });
      return rows.map(toMailbox).filter((m): m is Mailbox => m !== null);
    }),
    /** UAPI `Email::list_pops`: addresses with login/incoming suspension only (cheaper than listMailboxes). */
    listMailboxesBasic: uses([uapi.listPops], (c) => async (): Promise<MailboxBasic[]> => {
      const rows = await c(uapi.listPops, { skip_main: 1 });
      return rows.map(toMailboxBasic).filter((m): m is MailboxBasic => m !== null);
    }),
    /** UAPI `Email::add_pop`: creates a mailbox; `quotaMb` null = unlimited, undefined = the server's default. */
    addMailbox: uses(
      [uapi.addPop],
      (c) =>
        async (input: { email: string; password: string; quotaMb?: number | null; sendWelcomeEmail?: boolean }): Promise<{ email: string }> => {
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
    ),
    /** UAPI `Email::delete_pop`. */
    deleteMailbox: uses([uapi.deletePop], (c) => async (email: string): Promise<void> => {
      const { localPart, domain } = splitAddress(email);
      await c(uapi.deletePop, { email: localPart, domain });
    }),
    /** UAPI `Email::passwd_pop` (password in the POST body). A timeout leaves the outcome unknown: settle it with verifyMailboxPassword. */
    changeMailboxPassword: uses([uapi.passwdPop], (c) => async (email: string, password: string): Promise<void> => {
      const { localPart, domain } = splitAddress(email);
      await c(uapi.passwdPop, { email: localPart, domain, password });
    }),
    /** API 2 `Email::passwdpop` through `/json-api/cpanel?cpanel_jsonapi_apiversion=2` (for servers where UAPI is unavailable). */
    changeMailboxPasswordApi2: uses([api2.passwdpop], (c) => async (email: string, password: string): Promise<void> => {
      const { localPart, domain } = splitAddress(email);
      await c(api2.passwdpop, { email: localPart, domain, password });
    }),
    /** UAPI `Email::verify_password`: whether `password` is the mailbox's current password. */
    verifyMailboxPassword: uses([uapi.verifyPassword], (c) => (email: string, password: string): Promise<boolean> => {
      splitAddress(email);
      return c(uapi.verifyPassword, { email, password });
    }),
    /** UAPI `Email::edit_pop_quota`: null = unlimited (cPanel caps it at the account's maximum). */
    setMailboxQuota: uses([uapi.editPopQuota], (c) => async (email: string, quotaMb: number | null): Promise<void> => {
      const { localPart, domain } = splitAddress(email);
      await c(uapi.editPopQuota, { email: localPart, domain, quota: quotaMb === null ? "unlimited" : String(quotaMb) });
    }),
    /** UAPI `Email::get_client_settings`: host names, ports and user name a mail app needs for the mailbox. */
    getClientSettings: uses([uapi.getClientSettings], (c) => async (email: string): Promise<MailClientSettings> => {
      splitAddress(email);
      return toClientSettings(email, await c(uapi.getClientSettings, { account: email }));
    }),
    /** UAPI `Email::dispatch_client_settings`: cPanel mails the mailbox's client settings to `to`. */
    sendClientSettings: uses([uapi.dispatchClientSettings], (c) => async (email: string, to: string): Promise<void> => {
      splitAddress(email);
      await c(uapi.dispatchClientSettings, { account: email, to });
    }),
    /** UAPI `Email::get_pop_quota` (as bytes): the quota in MB, null = unlimited. */
    getMailboxQuota: uses([uapi.getPopQuota], (c) => async (email: string): Promise<number | null> => {
      const { localPart, domain } = splitAddress(email);
      const bytes = quotaMb(await c(uapi.getPopQuota, { email: localPart, domain, as_bytes: 1 }));
      return bytes === null ? null : bytesToQuotaMb(bytes);
    }),
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
    /** UAPI `Email::get_held_message_count`: how many of the mailbox's outgoing messages wait in the hold queue. */
    heldMessageCount: uses([uapi.getHeldMessageCount], (c) => async (email: string): Promise<number> => {
      splitAddress(email);
      return c(uapi.getHeldMessageCount, { email });
    }),
    /**
     * UAPI `Email::delete_held_messages`: removes the held messages (cPanel does it in the background) and answers how many
     * were queued for removal; `releaseAfter` also lifts the hold afterwards.
     */
    deleteHeldMessages: uses([uapi.deleteHeldMessages], (c) => async (email: string, opts: { releaseAfter?: boolean } = {}): Promise<number> => {
      splitAddress(email);
      return (await c(uapi.deleteHeldMessages, { email, release_after_delete: opts.releaseAfter ? 1 : undefined })) ?? 0;
    }),
    /** UAPI `Email::list_forwarders` for one domain, or for every mail domain when none is given. */
    listForwarders: uses([uapi.listMailDomains, uapi.listForwarders], (c) => async (filter: { domain?: string } = {}): Promise<Forwarder[]> => {
      const domains = filter.domain ? [filter.domain] : await account.listMailDomains();
      const lists = await Promise.all(domains.map((domain) => c(uapi.listForwarders, { domain })));
      return lists.flat().map(toForwarder);
    }),
    /** UAPI `Email::add_forwarder`. */
    addForwarder: uses([uapi.addForwarder], (c) => async (input: NewForwarder): Promise<void> => {
      const { domain } = splitAddress(input.source);
      const base = { domain, email: input.source };
      switch (input.kind) {
        case "address": {
          // Defence in depth: the kind is what the caller asked for, so text that cPanel would read as another kind never leaves.
          for (const destination of input.destinations) {
            const problem = notAnAddressDestination(destination);
            if (problem)
              throw new Error(
                `Refusing to send ${JSON.stringify(destination)} to cPanel as an address forwarder: it is not an email address (${problem})`,
              );
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
    }),
    /** UAPI `Email::delete_forwarder`: `destination` is the Forwarder's raw destination. */
    deleteForwarder: uses([uapi.deleteForwarder], (c) => async (source: string, destination: string): Promise<void> => {
      await c(uapi.deleteForwarder, { address: source, forwarder: destination });
    }),
    /** UAPI `Email::list_domain_forwarders`. */
    listDomainForwarders: uses([uapi.listDomainForwarders], (c) => async (filter: { domain?: string } = {}): Promise<DomainForwarder[]> => {
      const rows = await c(uapi.listDomainForwarders, filter);
      return rows.map((row) => ({ sourceDomain: row.dest, destinationDomain: row.forward }));
    }),
    /** UAPI `Email::add_domain_forwarder`. */
    addDomainForwarder: uses([uapi.addDomainForwarder], (c) => async (sourceDomain: string, destinationDomain: string): Promise<void> => {
      await c(uapi.addDomainForwarder, { domain: sourceDomain, destdomain: destinationDomain });
    }),
    /** UAPI `Email::delete_domain_forwarder`. */
    deleteDomainForwarder: uses([uapi.deleteDomainForwarder], (c) => async (sourceDomain: string): Promise<void> => {
      await c(uapi.deleteDomainForwarder, { domain: sourceDomain });
    }),
    /** UAPI `Email::list_auto_responders` for one domain, or for every mail domain when none is given. */
    listAutoresponders: uses(
      [uapi.listMailDomains, uapi.listAutoResponders],
      (c) =>
        async (filter: { domain?: string } = {}): Promise<AutoresponderSummary[]> => {
          const domains = filter.domain ? [filter.domain] : await account.listMailDomains();
          const lists = await Promise.all(domains.map((domain) => c(uapi.listAutoResponders, { domain })));
          return lists.flat().map((row) => ({ email: row.email, subject: row.subject }));
        },
    ),
    /** UAPI `Email::get_auto_responder`. */
    getAutoresponder: uses([uapi.getAutoResponder], (c) => async (email: string): Promise<Autoresponder> => {
      splitAddress(email);
      return toAutoresponder(email, await c(uapi.getAutoResponder, { email }));
    }),
    /** UAPI `Email::add_auto_responder` (also replaces an existing one). */
    addAutoresponder: uses([uapi.addAutoResponder], (c) => async (input: NewAutoresponder): Promise<void> => {
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
    }),
    /** UAPI `Email::delete_auto_responder`. */
    deleteAutoresponder: uses([uapi.deleteAutoResponder], (c) => async (email: string): Promise<void> => {
      splitAddress(email);
      await c(uapi.deleteAutoResponder, { email });
    }),
    /** UAPI `PasswdStrength::get_required_strength`: the minimum strength (0–100) cPanel enforces for `app`. */
    requiredPasswordStrength: uses([uapi.getRequiredStrength], (c) => async (app: string = "pop"): Promise<number> => {
      return (await c(uapi.getRequiredStrength, { app })).strength;
    }),
    /** UAPI `Email::terminate_mailbox_sessions`: ends every IMAP/POP3 session of the account's mailboxes. */
    terminateMailboxSessions: uses([uapi.terminateMailboxSessions], (c) => async (): Promise<void> => {
      await c(uapi.terminateMailboxSessions, {});
    }),
  };
  return account;
}

/** The UAPI / API 2 calls of one cPanel account. */
export type AccountClient = ReturnType<typeof accountClient>;
