import "server-only";
import type { DomainForwarder, Forwarder } from "@/lib/cpanel";
import type { Actor } from "@/lib/core/actor";
import { isStaff } from "@/lib/auth/roles";
import type { HostingAccount } from "@/lib/db/hosting-accounts";
import { checkDestinations, domainOf, MAX_FAIL_MESSAGE_LENGTH, normalizeAddress, normalizeDomain } from "@/lib/forwarding/address";
import { describeDelivery, type AddressForwarding, type ForwardDestination } from "@/lib/forwarding/describe";
import { isSingleLine } from "@/lib/validation/single-line";
import { findDomainLoop, findForwardingLoop, loopMessage } from "@/lib/forwarding/loops";
import { visibleAccount } from "@/lib/mail/accounts";
import { auditedCpanelWrite, auditRecorder, type AuditRow } from "@/lib/mail/audited-write";
import { accountApi, cachedAccountApi } from "@/lib/mail/cpanel-access";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { refersToMailbox } from "@/lib/mail/mailbox-id";
import { fromCpanel } from "@/lib/mail/upstream";
import { requireReason, type WriteContext } from "@/lib/core/write-context";
import { notifyOwners } from "@/lib/notify/notify-owners";
import { englishDeliveryWords } from "@/lib/i18n/delivery";
import { checkWordsFrom, type CheckWords } from "@/lib/forwarding/check-words";
import { translator } from "@/lib/i18n/server";

export type { AddressForwarding, ForwardDestination } from "@/lib/forwarding/describe";

/** All mail for `sourceDomain` goes to the same local part at `destinationDomain`. */
export type DomainForwarding = { sourceDomain: string; destinationDomain: string };

/** The account's forwarding page: every forwarded address (with or without a mailbox) and the domain forwarders. */
export type AccountForwarding = {
  accountId: string;
  domains: string[];
  addresses: AddressForwarding[];
  domainForwarders: DomainForwarding[];
};

/** What a new forwarder does. Pipe and system-account forwarders are for staff only. */
export type NewForwarding =
  | { kind: "address"; destinations: string[] }
  | { kind: "fail"; failMessage?: string }
  | { kind: "blackhole" }
  | { kind: "pipe"; command: string }
  | { kind: "system" };

type Api = Awaited<ReturnType<typeof accountApi>>;

const DEFAULT_FAIL_MESSAGE = "No such person at this address";
const MAX_PIPE_COMMAND_LENGTH = 500;

function toDestination(f: Forwarder): ForwardDestination {
  return { kind: f.kind, destination: f.destination, ...(f.failMessage !== undefined ? { failMessage: f.failMessage } : {}) };
}

/** Where mail to `address` goes, from the forwarder rows of its domain (the mailbox page's summary reads them too). */
export function forwardingOf(address: string, hasMailbox: boolean, forwarders: readonly Forwarder[]): AddressForwarding {
  const destinations = forwarders.filter((f) => f.source.toLowerCase() === address).map(toDestination);
  return { address, hasMailbox, destinations, delivery: describeDelivery(address, hasMailbox, destinations, englishDeliveryWords) };
}

async function mailDomains(account: HostingAccount, api: Api): Promise<string[]> {
  return (await fromCpanel(account.serverName, () => api.listMailDomains())).map((d) => d.toLowerCase());
}

/** An address of this account from a URL or form: a mailbox's public id, or any address on one of its mail domains. */
async function resolveSource(account: HostingAccount, api: Api, ref: string, field: string): Promise<string> {
  if (ref.trim().toLowerCase().startsWith("mbx_")) {
    const mailboxes = await fromCpanel(account.serverName, () => api.listMailboxes());
    const mailbox = mailboxes.find((m) => refersToMailbox(ref, account.id, m.email));
    if (!mailbox) throw new NotFoundError("No such mailbox");
    return mailbox.email.toLowerCase();
  }
  const t = await translator("Forwarding");
  const checked = normalizeAddress(ref, checkWordsFrom(t));
  if (!checked.ok) throw new ValidationError({ [field]: [checked.message] });
  const domains = await mailDomains(account, api);
  if (!domains.includes(domainOf(checked.address))) {
    throw new ValidationError({ [field]: [t("notOnDomains", { address: checked.address, domains: domains.join(", ") })] });
  }
  return checked.address;
}

async function hasMailbox(account: HostingAccount, api: Api, address: string): Promise<boolean> {
  // The whole list, not one domain's: it is the read the mailbox page has already made (one cPanel call per page).
  const mailboxes = await fromCpanel(account.serverName, () => api.listMailboxes());
  return mailboxes.some((m) => m.email.toLowerCase() === address);
}

async function forwardersOfDomain(account: HostingAccount, api: Api, domain: string): Promise<Forwarder[]> {
  return fromCpanel(account.serverName, () => api.listForwarders({ domain }));
}

/** Every address forwarder and domain forwarder of the account, live from cPanel: the one read that loop checks and the forwarding page need. */
async function readAccountForwarders(
  account: HostingAccount,
  api: Api,
): Promise<{ domains: string[]; forwarders: Forwarder[]; domainForwarders: DomainForwarder[] }> {
  const domains = await mailDomains(account, api);
  const [forwarders, domainForwarders] = await Promise.all([
    Promise.all(domains.map((domain) => forwardersOfDomain(account, api, domain))).then((lists) => lists.flat()),
    fromCpanel(account.serverName, () => api.listDomainForwarders()),
  ]);
  return { domains, forwarders, domainForwarders };
}

/**
 * The loops that forwarding `source` to `destinations` would close through the account's address forwarders (the
 * source's own left out when the list replaces them) and domain forwarders, as messages for the field.
 */
function loopMessages(
  graph: { forwarders: readonly Forwarder[]; domainForwarders: readonly DomainForwarder[] },
  source: string,
  destinations: readonly string[],
  replacing: boolean,
  words: CheckWords,
): string[] {
  const from = source.toLowerCase();
  const edges = graph.forwarders
    .filter((f) => f.kind === "address" && !(replacing && f.source.toLowerCase() === from))
    .map((f) => ({ source: f.source.toLowerCase(), destination: f.destination.toLowerCase() }));
  const messages: string[] = [];
  for (const destination of destinations) {
    const loop = findForwardingLoop({ edges, domainForwarders: graph.domainForwarders }, from, destination);
    if (loop) messages.push(loopMessage(loop, words));
    edges.push({ source: from, destination: destination.toLowerCase() });
  }
  return messages;
}

/** Where mail to one address of the account goes (UAPI Email::list_forwarders), live from cPanel. */
export async function getAddressForwarding(actor: Actor, accountId: string, ref: string): Promise<AddressForwarding> {
  const account = await visibleAccount(actor, accountId);
  const api = await cachedAccountApi(account);
  let address: string;
  try {
    address = await resolveSource(account, api, ref, "address");
  } catch (error) {
    // Reading an address that is not the account's is "not found", as for a mailbox.
    if (error instanceof ValidationError) throw new NotFoundError("No such address");
    throw error;
  }
  const [mailbox, forwarders] = await Promise.all([hasMailbox(account, api, address), forwardersOfDomain(account, api, domainOf(address))]);
  return forwardingOf(address, mailbox, forwarders);
}

/** Every forwarder of the account, grouped by address (mailbox or not), and its domain forwarders. */
export async function getAccountForwarding(actor: Actor, accountId: string): Promise<AccountForwarding> {
  const account = await visibleAccount(actor, accountId);
  const api = await cachedAccountApi(account);
  const [mailboxes, { domains, forwarders, domainForwarders }] = await Promise.all([
    fromCpanel(account.serverName, () => api.listMailboxes()),
    readAccountForwarders(account, api),
  ]);
  const mailboxSet = new Set(mailboxes.map((m) => m.email.toLowerCase()));
  const sources = [...new Set(forwarders.map((f) => f.source.toLowerCase()))].sort((a, b) => a.localeCompare(b));
  return {
    accountId: account.id,
    domains,
    addresses: sources.map((source) => forwardingOf(source, mailboxSet.has(source), forwarders)),
    domainForwarders: domainForwarders
      .map((f) => ({ sourceDomain: f.sourceDomain.toLowerCase(), destinationDomain: f.destinationDomain.toLowerCase() }))
      .sort((a, b) => a.sourceDomain.localeCompare(b.sourceDomain)),
  };
}

/**
 * Runs one forwarding write through the audited write and answers cPanel's list afterwards: success only when
 * `landed` holds for what cPanel lists (it sometimes answers 1 and changes nothing).
 */
async function writeAndReadBack<T>(
  context: WriteContext,
  account: HostingAccount,
  row: AuditRow,
  what: string,
  write: () => Promise<void>,
  read: () => Promise<T>,
  landed: (after: T) => boolean,
): Promise<T> {
  const { state } = await auditedCpanelWrite({
    context,
    audit: row,
    serverName: account.serverName,
    write,
    readBack: { read, landed, confirm: true },
    unknownOutcome: (settled) =>
      settled === "not_landed"
        ? `cPanel did not answer in time and does not show the change (${what}) so far. Reload in a moment before trying again.`
        : `cPanel did not confirm the change (${what}) and could not be asked afterwards. Reload in a moment to see whether it was made.`,
    notApplied: `cPanel answered that it made the change (${what}), but does not show it afterwards. Nothing was changed; try again or ask support.`,
  });
  return state!;
}

/**
 * The loops that forwarding `source` to exactly `destinations` (replacing its current address forwarders) would
 * close through the account's other forwarders and domain forwarders, as messages for the field. Reads cPanel.
 */
export async function replacementLoops(account: HostingAccount, source: string, destinations: readonly string[]): Promise<string[]> {
  const words = checkWordsFrom(await translator("Forwarding"));
  return loopMessages(await readAccountForwarders(account, await accountApi(account)), source, destinations, true, words);
}

/**
 * Adds forwarders to `sourceRef` (an address on one of the account's mail domains, or a mailbox id) with UAPI
 * Email::add_forwarder, after the shared checks (valid, not itself, no duplicate, at most 20, no loop through the
 * account's forwarders and domain forwarders). Answers what cPanel lists afterwards.
 */
export async function addForwarders(context: WriteContext, accountId: string, sourceRef: string, request: NewForwarding): Promise<AddressForwarding> {
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  const api = await accountApi(account);
  const row = (source: string, detail: Record<string, unknown>): AuditRow => ({
    accountId: account.id,
    action: "mailbox.forwarder.add",
    target: source,
    detail: { source, kind: request.kind, ...detail },
  });
  const requested =
    request.kind === "address" ? { destinations: request.destinations } : request.kind === "pipe" ? { destination: request.command } : {};

  let source: string;
  try {
    source = await resolveSource(account, api, sourceRef, "source");
  } catch (error) {
    if (error instanceof ValidationError)
      await auditRecorder(context, row(sourceRef, requested))("failure", { error: "invalid", fields: error.fieldErrors });
    throw error;
  }
  const record = auditRecorder(context, row(source, requested));
  const t = await translator("Forwarding");
  const words = checkWordsFrom(t);

  if ((request.kind === "pipe" || request.kind === "system") && !isStaff(context.actor.role)) {
    await record("denied", { error: "staff_only" });
    throw new ForbiddenError(request.kind === "pipe" ? t("refusals.pipeStaffOnly") : t("refusals.systemStaffOnly"));
  }

  const graph = await readAccountForwarders(account, api);
  const existing = graph.forwarders.filter((f) => f.source.toLowerCase() === source);
  const refuse = async (fieldErrors: Record<string, string[]>): Promise<never> => {
    await record("failure", { error: "invalid", fields: fieldErrors });
    throw new ValidationError(fieldErrors);
  };
  const final = existing.find((f) => f.kind === "fail" || f.kind === "blackhole");

  let write: () => Promise<void>;
  let landed: (after: Forwarder[]) => boolean;
  const has = (after: Forwarder[], test: (f: Forwarder) => boolean) => after.some((f) => f.source.toLowerCase() === source && test(f));

  switch (request.kind) {
    case "address": {
      const field = "destinations";
      if (final) {
        await refuse({ [field]: [t(final.kind === "fail" ? "refusals.bouncedBeforeAdding" : "refusals.discardedBeforeAdding", { source })] });
      }
      const checked = checkDestinations(request.destinations, { source, existing: existing.map((f) => f.destination) }, words);
      if (!checked.ok) return refuse({ [field]: checked.messages });
      const loops = loopMessages(graph, source, checked.destinations, false, words);
      if (loops.length) await refuse({ [field]: loops });
      write = () => api.addForwarder({ source, kind: "address", destinations: checked.destinations });
      landed = (after) => checked.destinations.every((d) => has(after, (f) => f.kind === "address" && f.destination.toLowerCase() === d));
      break;
    }
    case "fail": {
      const message = (request.failMessage ?? "").trim() || DEFAULT_FAIL_MESSAGE;
      if (message.length > MAX_FAIL_MESSAGE_LENGTH || !isSingleLine(message)) {
        await refuse({ failMessage: [t("failMessageTooLong", { max: MAX_FAIL_MESSAGE_LENGTH })] });
      }
      if (existing.length) await refuse({ kind: [t("refusals.hasForwardersBounce", { source })] });
      write = () => api.addForwarder({ source, kind: "fail", failMessage: message });
      landed = (after) => has(after, (f) => f.kind === "fail");
      break;
    }
    case "blackhole":
      if (existing.length) await refuse({ kind: [t("refusals.hasForwardersDiscard", { source })] });
      write = () => api.addForwarder({ source, kind: "blackhole" });
      landed = (after) => has(after, (f) => f.kind === "blackhole");
      break;
    case "pipe": {
      const command = request.command.trim();
      if (!command || command.length > MAX_PIPE_COMMAND_LENGTH || !isSingleLine(command)) {
        await refuse({ command: [t("refusals.commandInvalid", { max: MAX_PIPE_COMMAND_LENGTH })] });
      }
      if (final) await refuse({ kind: [t(final.kind === "fail" ? "refusals.bouncedFirst" : "refusals.discardedFirst", { source })] });
      write = () => api.addForwarder({ source, kind: "pipe", command });
      landed = (after) => has(after, (f) => f.kind === "pipe" && f.destination.includes(command.replace(/^\|/, "")));
      break;
    }
    case "system": {
      if (final) await refuse({ kind: [t(final.kind === "fail" ? "refusals.bouncedFirst" : "refusals.discardedFirst", { source })] });
      if (existing.some((f) => f.kind === "system")) await refuse({ kind: [t("refusals.alreadySystem", { source })] });
      write = () => api.addForwarder({ source, kind: "system", systemUser: account.cpanelUser });
      landed = (after) => has(after, (f) => f.kind === "system");
      break;
    }
  }

  const read = () => forwardersOfDomain(account, api, domainOf(source));
  const after = await writeAndReadBack(context, account, row(source, requested), `forwarder for ${source}`, write, read, landed);
  if (request.kind === "address")
    await notifyOwners(context, account.id, {
      kind: "forwarder.added",
      source,
      destinations: request.destinations.map((d) => d.trim().toLowerCase()),
      accountDomains: graph.domains,
    });
  return forwardingOf(source, await hasMailbox(account, api, source), after);
}

/**
 * Removes one destination of an address (UAPI Email::delete_forwarder with cPanel's exact destination). Every
 * kind may be removed, also by customers. Answers what cPanel lists afterwards.
 */
export async function removeForwarder(context: WriteContext, accountId: string, sourceRef: string, destination: string): Promise<AddressForwarding> {
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  const api = await accountApi(account);
  let source: string;
  try {
    source = await resolveSource(account, api, sourceRef, "source");
  } catch (error) {
    if (error instanceof ValidationError) throw new NotFoundError("No such forwarder");
    throw error;
  }
  const before = await forwardersOfDomain(account, api, domainOf(source));
  const wanted = destination.trim();
  const normalized = normalizeAddress(wanted);
  const match = before.find(
    (f) =>
      f.source.toLowerCase() === source &&
      (f.destination === wanted ||
        f.destination.toLowerCase() === wanted.toLowerCase() ||
        (normalized.ok && f.destination.toLowerCase() === normalized.address)),
  );
  if (!match) throw new NotFoundError("No such forwarder");
  const row: AuditRow = {
    accountId: account.id,
    action: "mailbox.forwarder.remove",
    target: source,
    detail: { source, destination: match.destination, kind: match.kind },
  };
  const gone = (after: Forwarder[]) => !after.some((f) => f.source === match.source && f.destination === match.destination);
  const read = () => forwardersOfDomain(account, api, domainOf(source));
  const after = await writeAndReadBack(
    context,
    account,
    row,
    `forwarder from ${source}`,
    () => api.deleteForwarder(match.source, match.destination),
    read,
    gone,
  );
  await notifyOwners(context, account.id, { kind: "forwarder.removed", source, destination: match.destination });
  return forwardingOf(source, await hasMailbox(account, api, source), after);
}

/** The account's domain forwarders (UAPI Email::list_domain_forwarders). */
export async function listDomainForwarding(actor: Actor, accountId: string): Promise<{ domains: string[]; domainForwarders: DomainForwarding[] }> {
  const account = await visibleAccount(actor, accountId);
  const api = await cachedAccountApi(account);
  const [domains, domainForwarders] = await Promise.all([mailDomains(account, api), readDomainForwarders(account, api)]);
  return { domains, domainForwarders };
}

async function readDomainForwarders(account: HostingAccount, api: Api): Promise<DomainForwarding[]> {
  const rows = await fromCpanel(account.serverName, () => api.listDomainForwarders());
  return rows
    .map((f) => ({ sourceDomain: f.sourceDomain.toLowerCase(), destinationDomain: f.destinationDomain.toLowerCase() }))
    .sort((a, b) => a.sourceDomain.localeCompare(b.sourceDomain));
}

/**
 * Forwards all mail of one of the account's domains to another domain (UAPI Email::add_domain_forwarder). cPanel
 * silently replaces an existing one, so the panel refuses instead: remove the old one first.
 */
export async function addDomainForwarder(
  context: WriteContext,
  accountId: string,
  sourceDomain: string,
  destinationDomain: string,
): Promise<DomainForwarding[]> {
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  const api = await accountApi(account);
  const t = await translator("Forwarding");
  const words = checkWordsFrom(t);
  const source = normalizeDomain(sourceDomain, words);
  const destination = normalizeDomain(destinationDomain, words);
  const row: AuditRow = {
    accountId: account.id,
    action: "account.domain_forwarder.add",
    target: source.ok ? source.domain : sourceDomain,
    detail: { source: source.ok ? source.domain : sourceDomain, destination: destination.ok ? destination.domain : destinationDomain },
  };
  const fieldErrors: Record<string, string[]> = {};
  const domains = await mailDomains(account, api);
  if (!source.ok) fieldErrors.sourceDomain = [source.message];
  else if (!domains.includes(source.domain))
    fieldErrors.sourceDomain = [t("refusals.domainNotOnAccount", { domain: source.domain, domains: domains.join(", ") })];
  if (!destination.ok) fieldErrors.destinationDomain = [destination.message];
  const current = await readDomainForwarders(account, api);
  if (source.ok && destination.ok && !fieldErrors.sourceDomain) {
    const existing = current.find((f) => f.sourceDomain === source.domain);
    if (source.domain === destination.domain) fieldErrors.destinationDomain = [t("domainToItself", { domain: source.domain })];
    else if (existing) {
      fieldErrors.sourceDomain = [t("refusals.domainAlreadyForwards", { domain: source.domain, destination: existing.destinationDomain })];
    } else {
      const loop = findDomainLoop(current, source.domain, destination.domain);
      if (loop) fieldErrors.destinationDomain = [words("loop", { next: destination.domain, path: loop.join(" → ") })];
    }
  }
  if (Object.keys(fieldErrors).length || !source.ok || !destination.ok) {
    await auditRecorder(context, row)("failure", { error: "invalid", fields: fieldErrors });
    throw new ValidationError(fieldErrors);
  }
  return writeAndReadBack(
    context,
    account,
    row,
    `domain forwarder for ${source.domain}`,
    () => api.addDomainForwarder(source.domain, destination.domain),
    () => readDomainForwarders(account, api),
    (after) => after.some((f) => f.sourceDomain === source.domain && f.destinationDomain === destination.domain),
  );
}

/** Stops forwarding one domain's mail (UAPI Email::delete_domain_forwarder). */
export async function removeDomainForwarder(context: WriteContext, accountId: string, sourceDomain: string): Promise<DomainForwarding[]> {
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  const api = await accountApi(account);
  const source = normalizeDomain(sourceDomain);
  const current = await readDomainForwarders(account, api);
  const match = source.ok ? current.find((f) => f.sourceDomain === source.domain) : undefined;
  if (!match) throw new NotFoundError("No such domain forwarder");
  const row: AuditRow = {
    accountId: account.id,
    action: "account.domain_forwarder.remove",
    target: match.sourceDomain,
    detail: { source: match.sourceDomain, destination: match.destinationDomain },
  };
  return writeAndReadBack(
    context,
    account,
    row,
    `domain forwarder for ${match.sourceDomain}`,
    () => api.deleteDomainForwarder(match.sourceDomain),
    () => readDomainForwarders(account, api),
    (after) => !after.some((f) => f.sourceDomain === match.sourceDomain),
  );
}
