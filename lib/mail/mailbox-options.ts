import "server-only";
import type { AccountClient, Mailbox } from "@/lib/cpanel";
import type { Actor } from "@/lib/core/actor";
import type { HostingAccount } from "@/lib/db/hosting-accounts";
import { checkDestinations } from "@/lib/forwarding/address";
import type { CheckWords } from "@/lib/forwarding/check-words";
import { forwardingCheckWords } from "@/lib/i18n/forwarding-checks";
import { replacementLoops } from "@/lib/mail/forwarders";
import { evaluatePassword } from "@/lib/password/policy";
import { visibleAccount } from "@/lib/mail/accounts";
import { auditWrite, failureDetail } from "@/lib/audit/write";
import {
  autoresponderProblems,
  autoresponderUnchanged,
  readAutoresponder,
  settingsFrom,
  writeAutoresponder,
  completeAutoresponder,
  type AutoresponderChange,
  type AutoresponderPatch,
  type AutoresponderSettings,
} from "@/lib/mail/autoresponders";
import { accountApi, clientForServer } from "@/lib/mail/cpanel-access";
import { cachedRead } from "@/lib/mail/read-cache";
import { PartialUpdateError, PasswordTooWeakError, UpstreamError, ValidationError } from "@/lib/core/errors";
import { mailboxPublicId } from "@/lib/mail/mailbox-id";
import { findMailbox } from "@/lib/mail/mailboxes";
import { changeMailboxPassword, passwordPolicyContext } from "@/lib/mail/passwords";
import { describeRollback, RollbackError, runAllOrNothing, type UndoableStep } from "@/lib/mail/undo-log";
import { fromCpanel, toUpstreamError } from "@/lib/mail/upstream";
import { requireReason, type WriteContext } from "@/lib/core/write-context";
import { notifyOwners } from "@/lib/notify/notify-owners";
import { passwordViolationMessages } from "@/lib/i18n/password-messages";
import { requestLocale, translator } from "@/lib/i18n/server";

const MIB = 1024 * 1024;
/** The largest quota the panel sends (4 TiB in MB); cPanel caps it at the account's maximum anyway. */
export const MAX_QUOTA_MB = 4 * 1024 * 1024;

export type RestrictionFlag = "suspendLogin" | "suspendIncoming" | "suspendOutgoing" | "holdOutgoing";
export const restrictionFlags: RestrictionFlag[] = ["suspendLogin", "suspendIncoming", "suspendOutgoing", "holdOutgoing"];

/** Everything a customer can set on a mailbox, with usage, read live from cPanel. */
export type MailboxSettings = {
  id: string;
  email: string;
  domain: string;
  /** Null = unlimited. */
  quotaMb: number | null;
  diskUsedBytes: number;
  /** The account's largest mailbox quota in MB; null = no maximum, or not known (cPanel token). */
  accountMaxQuotaMb: number | null;
  suspendLogin: boolean;
  suspendIncoming: boolean;
  suspendOutgoing: boolean;
  holdOutgoing: boolean;
  autoresponder: AutoresponderSettings | null;
  /** Addresses this mailbox's mail is also forwarded to (address forwarders only). */
  forwards: string[];
};

/** One save: only the keys present are changed. */
export type MailboxChange = {
  /** MB; null = unlimited. */
  quotaMb?: number | null;
  /** The person saw that the quota is below what is stored, and what that does to new mail. */
  confirmQuotaBelowUsage?: boolean;
  suspendLogin?: boolean;
  suspendIncoming?: boolean;
  suspendOutgoing?: boolean;
  holdOutgoing?: boolean;
  /** Fields left out of an "on" keep their current values. */
  autoresponder?: AutoresponderPatch;
  /** Replaces the mailbox's address forwarders. */
  forwards?: string[];
  newPassword?: string;
};

/** The account's maximum mailbox quota (WHM API 1 accountsummary); null when there is none or it cannot be read. */
export async function accountMaxQuota(account: { serverId: string; cpanelUser: string }): Promise<number | null> {
  try {
    const client = await clientForServer(account.serverId);
    if (client.authMode !== "whm") return null;
    return await cachedRead(account, "maxEmailQuotaMb", async () => (await client.whm.accountSummary(account.cpanelUser)).maxEmailQuotaMb);
  } catch {
    // Unknown: cPanel still caps silently, and the answer reports the quota read back.
    return null;
  }
}

/** A mailbox's address forwards as cPanel lists them (address forwarders only), sorted; the one read of them here. */
async function readForwards(api: AccountClient, email: string): Promise<string[]> {
  const domain = email.slice(email.lastIndexOf("@") + 1);
  const rows = await api.listForwarders({ domain });
  return rows
    .filter((f) => f.kind === "address" && f.source.toLowerCase() === email.toLowerCase())
    .map((f) => f.destination)
    .sort();
}

async function readSettings(account: HostingAccount, mailbox: Mailbox): Promise<MailboxSettings> {
  const api = await accountApi(account);
  const [autoresponder, forwards, accountMaxQuotaMb] = await Promise.all([
    fromCpanel(account.serverName, () => readAutoresponder(api, mailbox.email, mailbox.domain)),
    fromCpanel(account.serverName, () => readForwards(api, mailbox.email)),
    accountMaxQuota(account),
  ]);
  return {
    id: mailboxPublicId(account.id, mailbox.email),
    email: mailbox.email,
    domain: mailbox.domain,
    quotaMb: mailbox.quotaMb,
    diskUsedBytes: mailbox.diskUsedBytes,
    accountMaxQuotaMb,
    suspendLogin: mailbox.suspendLogin,
    suspendIncoming: mailbox.suspendIncoming,
    suspendOutgoing: mailbox.suspendOutgoing,
    holdOutgoing: mailbox.holdOutgoing,
    autoresponder,
    forwards,
  };
}

/** A mailbox's settings and usage, live from cPanel. */
export async function getMailboxSettings(actor: Actor, accountId: string, mailboxRef: string): Promise<MailboxSettings> {
  const account = await visibleAccount(actor, accountId);
  return readSettings(account, await findMailbox(account, mailboxRef, { cached: true }));
}

/** The mailbox's autoresponder (or null), for the page's Autoresponder section. */
export async function getMailboxAutoresponder(actor: Actor, accountId: string, email: string): Promise<AutoresponderSettings | null> {
  const account = await visibleAccount(actor, accountId);
  const mailbox = await findMailbox(account, email, { cached: true });
  const api = await accountApi(account);
  return fromCpanel(account.serverName, () => readAutoresponder(api, mailbox.email, mailbox.domain));
}

/** The account's maximum mailbox quota for the Options section (null = none or unknown). */
export async function getAccountMaxQuota(actor: Actor, accountId: string): Promise<number | null> {
  return accountMaxQuota(await visibleAccount(actor, accountId));
}

function formatMb(mb: number | null): string {
  return mb === null ? "unlimited" : `${mb.toLocaleString("en-US")} MB`;
}

/** Quota field errors in the request's language: positive MB, within the account's maximum, below usage only when confirmed. */
export async function quotaProblems(
  quotaMb: number | null,
  limits: { accountMaxQuotaMb: number | null; diskUsedBytes: number; confirmBelowUsage: boolean },
): Promise<string[]> {
  const locale = await requestLocale();
  const t = await translator("Fields", locale);
  // Numbers as the reader writes them ("1,024" in English, as the panel always wrote them; "1 024" in Swedish).
  const number = (value: number) => value.toLocaleString(locale, { maximumFractionDigits: 1 });
  if (quotaMb === null) {
    return limits.accountMaxQuotaMb === null ? [] : [t("quotaUnlimitedNotAllowed", { max: number(limits.accountMaxQuotaMb) })];
  }
  if (!Number.isInteger(quotaMb) || quotaMb < 1 || quotaMb > MAX_QUOTA_MB) return [t("quotaRange", { max: number(MAX_QUOTA_MB) })];
  if (limits.accountMaxQuotaMb !== null && quotaMb > limits.accountMaxQuotaMb) {
    return [t("quotaAboveAccount", { max: number(limits.accountMaxQuotaMb) })];
  }
  if (quotaMb * MIB < limits.diskUsedBytes && !limits.confirmBelowUsage) {
    return [t("quotaBelowUsage", { used: number(limits.diskUsedBytes / MIB), quota: number(quotaMb) })];
  }
  return [];
}

/** A replacement forward list checked with the forwarding feature's own rules (lib/forwarding/address). */
function checkForwards(forwards: string[], email: string, words?: CheckWords) {
  return checkDestinations(forwards, { source: email.toLowerCase(), existing: [], replacing: true }, words);
}

const flagWords: Record<RestrictionFlag, [on: string, off: string]> = {
  suspendLogin: ["suspending login", "allowing login"],
  suspendIncoming: ["suspending incoming mail", "allowing incoming mail"],
  suspendOutgoing: ["suspending outgoing mail", "allowing outgoing mail"],
  holdOutgoing: ["holding outgoing mail", "releasing held outgoing mail"],
};

function flagCalls(api: AccountClient, flag: RestrictionFlag): [on: (email: string) => Promise<void>, off: (email: string) => Promise<void>] {
  switch (flag) {
    case "suspendLogin":
      return [api.suspendLogin, api.unsuspendLogin];
    case "suspendIncoming":
      return [api.suspendIncoming, api.unsuspendIncoming];
    case "suspendOutgoing":
      return [api.suspendOutgoing, api.unsuspendOutgoing];
    case "holdOutgoing":
      return [api.holdOutgoing, api.releaseOutgoing];
  }
}

/** A restriction as cPanel's mailbox list reports it. */
function mailboxFlag(mailbox: Mailbox | undefined, flag: RestrictionFlag): boolean | undefined {
  if (!mailbox) return undefined;
  return mailbox[flag];
}

/** A change with its autoresponder completed from what cPanel has now. */
type ResolvedChange = Omit<MailboxChange, "autoresponder"> & { autoresponder?: AutoresponderChange };

type Plan = { steps: UndoableStep[]; changes: Record<string, { before: unknown; after: unknown }> };

/** The cPanel writes of a save, only for what differs from what cPanel has now; each knows how to restore the value read before. */
function planSteps(api: AccountClient, before: MailboxSettings, change: ResolvedChange): Plan {
  const steps: UndoableStep[] = [];
  const changes: Plan["changes"] = {};
  const email = before.email;

  if (change.quotaMb !== undefined && change.quotaMb !== before.quotaMb) {
    const target = change.quotaMb;
    changes.quotaMb = { before: before.quotaMb, after: target };
    steps.push({
      label: `the quota (${formatMb(before.quotaMb)} → ${formatMb(target)})`,
      apply: () => api.setMailboxQuota(email, target),
      undo: () => api.setMailboxQuota(email, before.quotaMb),
      landed: async () => (await api.getMailboxQuota(email)) !== before.quotaMb,
    });
  }
  for (const flag of restrictionFlags) {
    const wanted = change[flag];
    if (wanted === undefined || wanted === before[flag]) continue;
    const [on, off] = flagCalls(api, flag);
    changes[flag] = { before: before[flag], after: wanted };
    steps.push({
      label: flagWords[flag][wanted ? 0 : 1],
      apply: () => (wanted ? on : off)(email),
      undo: () => (wanted ? off : on)(email),
      landed: async () =>
        mailboxFlag(
          (await api.listMailboxes()).find((m) => m.email.toLowerCase() === email.toLowerCase()),
          flag,
        ) === wanted,
      // cPanel's suspend_login ends the mailbox's open IMAP/POP sessions; unsuspending does not bring them back.
      lasting: flag === "suspendLogin" && wanted ? "the mailbox's open mail sessions were ended, so its apps sign in again" : undefined,
    });
  }
  if (change.autoresponder && !autoresponderUnchanged(before.autoresponder, change.autoresponder)) {
    const target = settingsFrom(change.autoresponder);
    const previous = before.autoresponder;
    changes.autoresponder = { before: previous, after: target };
    steps.push({
      label: target ? (previous ? "the autoresponder's new text and dates" : "turning the autoresponder on") : "turning the autoresponder off",
      apply: () => writeAutoresponder(api, email, target),
      undo: () => writeAutoresponder(api, email, previous),
    });
  }
  if (change.forwards) {
    const checked = checkForwards(change.forwards, email);
    const wanted = checked.ok ? checked.destinations : [];
    const current = new Set(before.forwards.map((f) => f.toLowerCase()));
    const add = wanted.filter((f) => !current.has(f));
    const remove = before.forwards.filter((f) => !wanted.includes(f.toLowerCase()));
    if (add.length || remove.length) changes.forwards = { before: before.forwards, after: wanted.sort() };
    for (const destination of remove) {
      steps.push({
        label: `removing the forward to ${destination}`,
        apply: () => api.deleteForwarder(email, destination),
        undo: () => api.addForwarder({ source: email, kind: "address", destinations: [destination] }),
        landed: async () => !(await readForwards(api, email)).some((f) => f.toLowerCase() === destination.toLowerCase()),
      });
    }
    for (const destination of add) {
      steps.push({
        label: `forwarding to ${destination}`,
        apply: () => api.addForwarder({ source: email, kind: "address", destinations: [destination] }),
        undo: () => api.deleteForwarder(email, destination),
        landed: async () => (await readForwards(api, email)).some((f) => f.toLowerCase() === destination.toLowerCase()),
      });
    }
  }
  return { steps, changes };
}

/** Every field problem of a save, found before anything is sent; keys are the REST body's pointers. */
async function validateChange(account: HostingAccount, before: MailboxSettings, change: ResolvedChange): Promise<void> {
  const errors: Record<string, string[]> = {};
  if (change.quotaMb !== undefined && change.quotaMb !== before.quotaMb) {
    const problems = await quotaProblems(change.quotaMb, {
      accountMaxQuotaMb: before.accountMaxQuotaMb,
      diskUsedBytes: before.diskUsedBytes,
      confirmBelowUsage: change.confirmQuotaBelowUsage ?? false,
    });
    if (problems.length) errors.quota = problems;
  }
  if (change.autoresponder && !autoresponderUnchanged(before.autoresponder, change.autoresponder)) {
    Object.assign(errors, await autoresponderProblems(change.autoresponder));
  }
  if (change.forwards) {
    const checked = checkForwards(change.forwards, before.email, await forwardingCheckWords());
    // The same loop check as adding a forwarder (lib/mail/forwarders.ts), over the whole new list.
    const problems = checked.ok ? await replacementLoops(account, before.email, checked.destinations) : checked.messages;
    if (problems.length) errors.forwards = problems;
  }
  let weak: PasswordTooWeakError | null = null;
  if (change.newPassword !== undefined) {
    // The same policy the password change runs (it checks again before sending); only checked here first.
    const verdict = evaluatePassword(change.newPassword, await passwordPolicyContext(account, before.email));
    if (!verdict.ok) {
      weak = new PasswordTooWeakError(
        "newPassword",
        verdict.violations.map((v) => v.code),
        await passwordViolationMessages(verdict.violations),
      );
    }
  }
  if (weak && Object.keys(errors).length === 0) throw weak;
  if (weak) Object.assign(errors, weak.fieldErrors);
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** The error a failed multi-part save ends with: the cause in words, and exactly what was undone or is still in effect. */
function rollbackFailure(error: RollbackError, serverName: string): unknown {
  const { report } = error;
  const cause =
    error.cause instanceof UpstreamError || error.cause instanceof ValidationError ? error.cause : toUpstreamError(error.cause, serverName);
  const clean = report.stillApplied.length === 0;
  // The mailbox is as it was: the cause alone is the truth (a password refusal stays password_too_weak).
  if (clean && report.undone.length === 0 && cause instanceof Error) return cause;
  const message = `${cause instanceof Error ? cause.message : "cPanel failed."} ${describeRollback(report)}`;
  if (clean && cause instanceof ValidationError) return cause;
  const failure = cause instanceof UpstreamError ? cause.failure : "rejected";
  return new PartialUpdateError(clean ? failure : "unknown_outcome", message, report, { cause: error.cause });
}

/** Sentences for what the quota read back says, when cPanel set something else than asked (it caps silently). */
function quotaNote(asked: number | null | undefined, after: MailboxSettings): string | null {
  if (asked === undefined || asked === after.quotaMb) return null;
  return `cPanel set the quota to ${formatMb(after.quotaMb)} (asked: ${formatMb(asked)}), the most this account allows.`;
}

/**
 * Applies a save to one mailbox all-or-nothing: validates every field first, sends only what differs from
 * what cPanel has now (UAPI Email::edit_pop_quota, suspend_/unsuspend_*, hold_/release_outgoing,
 * add_/delete_auto_responder, add_/delete_forwarder), the password last (it cannot be undone), and on a
 * failure restores the values read before. Answers the settings read back afterwards.
 */
export async function updateMailbox(
  context: WriteContext,
  accountId: string,
  mailboxRef: string,
  requested: MailboxChange,
): Promise<{ settings: MailboxSettings; changed: string[]; notes: string[] }> {
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  const mailbox = await findMailbox(account, mailboxRef);
  const before = await readSettings(account, mailbox);
  const change: ResolvedChange = {
    ...requested,
    autoresponder: requested.autoresponder && completeAutoresponder(requested.autoresponder, before.autoresponder, before.email),
  };
  const audit = (outcome: "success" | "failure" | "unknown", detail: Record<string, unknown>) =>
    auditWrite(context, { accountId: account.id, action: "mailbox.settings.update", target: mailbox.email, outcome, detail });

  try {
    await validateChange(account, before, change);
  } catch (error) {
    await audit("failure", failureDetail(error));
    throw error;
  }

  const api = await accountApi(account);
  const { steps, changes } = planSteps(api, before, change);
  if (change.newPassword !== undefined) {
    steps.push({
      label: "the new password",
      apply: async () => {
        await changeMailboxPassword(context, account.id, mailbox.email, change.newPassword!);
      },
      undo: async () => {
        // cPanel never reveals the old password: a landed password change cannot be undone.
        throw new Error("a password change cannot be undone");
      },
    });
  }
  const changed = Object.keys(changes).concat(change.newPassword !== undefined ? ["password"] : []);
  if (steps.length === 0) return { settings: before, changed: [], notes: [] };

  try {
    await runAllOrNothing(steps);
  } catch (error) {
    if (!(error instanceof RollbackError)) throw error;
    const failure = rollbackFailure(error, account.serverName);
    const outcome = error.report.stillApplied.length ? "unknown" : "failure";
    await audit(outcome, { changes, password: change.newPassword !== undefined, rollback: error.report, ...failureDetail(failure) });
    throw failure;
  }

  const after = await readSettings(account, await findMailbox(account, mailbox.email));
  const readBack = Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, { ...value, after: after[key as keyof MailboxSettings] }]));
  await audit("success", { changes: readBack, password: change.newPassword !== undefined });
  if (changes.autoresponder && !changes.autoresponder.before && changes.autoresponder.after)
    await notifyOwners(context, account.id, { kind: "autoresponder.enabled", mailbox: mailbox.email });
  const notes = [quotaNote(change.quotaMb, after)].filter((n): n is string => n !== null);
  return { settings: after, changed, notes };
}
