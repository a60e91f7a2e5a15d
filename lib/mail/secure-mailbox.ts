import "server-only";
import { randomUUID } from "node:crypto";
import type { AccountClient, Forwarder, Mailbox } from "@/lib/cpanel";
import { listAuditEvents } from "@/lib/audit";
import { auditWrite } from "@/lib/audit/write";
import { isStaff } from "@/lib/auth/roles";
import { UpstreamError } from "@/lib/core/errors";
import { requireReason, type WriteContext } from "@/lib/core/write-context";
import type { HostingAccount } from "@/lib/db/hosting-accounts";
import { visibleAccount } from "@/lib/mail/accounts";
import { auditedCpanelWrite } from "@/lib/mail/audited-write";
import { readAutoresponder } from "@/lib/mail/autoresponders";
import { accountApi } from "@/lib/mail/cpanel-access";
import { findMailbox } from "@/lib/mail/mailboxes";
import { fromCpanel } from "@/lib/mail/upstream";
import { notifyOwners } from "@/lib/notify/notify-owners";
import type { SecuredMeasure } from "@/lib/notify/security-events";
import { generatePassword } from "@/lib/password/generate";

/** The steps of "Secure this mailbox", in the order they run. */
export type SecureStepId = "suspend_login" | "hold_outgoing" | "replace_password" | "end_sessions" | "notify_owner";

/**
 * How one step ended: `done` (cPanel shows it), `already` (it was so before), `failed` (not in effect), `unknown` (cPanel
 * did not confirm: may or may not be in effect), `skipped` (not attempted, with why).
 */
export type SecureStepOutcome = "done" | "already" | "failed" | "unknown" | "skipped";

export type SecureStep = { id: SecureStepId; label: string; outcome: SecureStepOutcome; detail: string };

/** A forwarder or autoresponder of the mailbox, with when the panel's audit log saw it added (null: not seen). */
export type SecureForwarder = { destination: string; kind: Forwarder["kind"]; addedAt: number | null; recent: boolean };
export type SecureAutoresponder = { subject: string; changedAt: number | null; recent: boolean };

/** What "Secure this mailbox" did, step by step, and what is in effect afterwards as cPanel shows it. */
export type SecureReport = {
  incidentId: string;
  accountId: string;
  email: string;
  steps: SecureStep[];
  /** Read back from cPanel after the steps (null: could not be read). */
  inEffect: { loginSuspended: boolean | null; outgoingHeld: boolean | null };
  heldCount: number | null;
  forwarders: SecureForwarder[] | null;
  autoresponder: SecureAutoresponder | null;
  /** Null when the forwarders / autoresponder could not be listed. */
  reviewError: string | null;
};

/** Forwarders and autoresponders set within this many days count as recent. */
export const RECENT_DAYS = 7;
const DAY_MS = 86_400_000;

const LABELS: Record<SecureStepId, string> = {
  suspend_login: "Suspend login",
  hold_outgoing: "Hold outgoing mail",
  replace_password: "Replace the password with a long random one",
  end_sessions: "End open IMAP/POP sessions",
  notify_owner: "Tell the account owner",
};

function failureText(error: unknown): { outcome: SecureStepOutcome; detail: string } {
  if (error instanceof UpstreamError) return { outcome: error.failure === "unknown_outcome" ? "unknown" : "failed", detail: error.message };
  return { outcome: "failed", detail: "The step could not run (an unexpected error; it is in the server log)." };
}

async function readMailbox(api: AccountClient, email: string): Promise<Mailbox | undefined> {
  const domain = email.slice(email.lastIndexOf("@") + 1);
  return (await api.listMailboxes({ domain })).find((m) => m.email.toLowerCase() === email.toLowerCase());
}

/** One restriction step: skipped as `already` when cPanel shows it, else one audited write read back. */
async function restrictionStep(
  context: WriteContext,
  account: HostingAccount,
  api: AccountClient,
  mailbox: Mailbox,
  incidentId: string,
  id: "suspend_login" | "hold_outgoing",
): Promise<SecureStep> {
  const isSet = (m: Mailbox | undefined) => (id === "suspend_login" ? m?.suspendLogin : m?.holdOutgoing) === true;
  const label = LABELS[id];
  if (isSet(mailbox))
    return { id, label, outcome: "already", detail: id === "suspend_login" ? "Login was already suspended." : "Outgoing mail was already held." };
  try {
    await auditedCpanelWrite({
      context,
      audit: { accountId: account.id, action: `mailbox.secure.${id}`, target: mailbox.email, detail: { incidentId } },
      serverName: account.serverName,
      write: () => (id === "suspend_login" ? api.suspendLogin(mailbox.email) : api.holdOutgoing(mailbox.email)),
      readBack: { read: () => readMailbox(api, mailbox.email), landed: isSet, confirm: true },
      unknownOutcome: () => `cPanel did not confirm in time whether this was done for ${mailbox.email}.`,
    });
    return {
      id,
      label,
      outcome: "done",
      detail:
        id === "suspend_login"
          ? "New logins (IMAP, POP, SMTP, Webmail) are refused; mail still arrives."
          : "Mail sent from this mailbox to other servers waits in the queue instead of leaving.",
    };
  } catch (error) {
    return { id, label, ...failureText(error) };
  }
}

async function passwordStep(
  context: WriteContext,
  account: HostingAccount,
  api: AccountClient,
  mailbox: Mailbox,
  incidentId: string,
): Promise<SecureStep> {
  const id = "replace_password";
  const label = LABELS[id];
  const [localPart = "", domain = ""] = mailbox.email.split("@");
  // Never shown, stored or logged: the owner sets a password of their own afterwards (the Restore checklist).
  const password = generatePassword([localPart, domain, account.cpanelUser]);
  try {
    await auditedCpanelWrite({
      context,
      audit: { accountId: account.id, action: "mailbox.secure.replace_password", target: mailbox.email, detail: { incidentId } },
      serverName: account.serverName,
      write: () => api.changeMailboxPassword(mailbox.email, password),
      readBack: { read: () => api.verifyMailboxPassword(mailbox.email, password), landed: (ok) => ok },
      unknownOutcome: () => `cPanel did not confirm in time whether the password of ${mailbox.email} was replaced.`,
    });
    return { id, label, outcome: "done", detail: "The old password no longer works. Nobody knows the new one: set your own with the password form." };
  } catch (error) {
    return { id, label, ...failureText(error) };
  }
}

async function sessionsStep(context: WriteContext, account: HostingAccount, api: AccountClient, incidentId: string): Promise<SecureStep> {
  const id = "end_sessions";
  const label = LABELS[id];
  // The support action that ends sessions is staff-only: it ends every mailbox's sessions on the cPanel account.
  if (!isStaff(context.actor.role)) {
    return {
      id,
      label,
      outcome: "skipped",
      detail:
        "cPanel can only end the sessions of every mailbox on the hosting account at once, so only support can do it. The suspended login and the new password keep anyone from connecting again; ask support if connections stay open.",
    };
  }
  try {
    await auditedCpanelWrite({
      context,
      audit: { accountId: account.id, action: "mailbox.secure.end_sessions", target: account.cpanelUser, detail: { incidentId, scope: "account" } },
      serverName: account.serverName,
      write: () => api.terminateMailboxSessions(),
      // Ending sessions leaves no state to read back: a lost answer stays unknown.
      unknownOutcome: () => `cPanel did not confirm in time whether the sessions of ${account.cpanelUser} were ended.`,
    });
    return {
      id,
      label,
      outcome: "done",
      detail: `cPanel ended the IMAP/POP sessions of every mailbox on ${account.cpanelUser} (it cannot end one mailbox's only).`,
    };
  } catch (error) {
    return { id, label, ...failureText(error) };
  }
}

/** When the audit log last saw each destination of `email` added (successful forwarder adds in the last 90 days). */
async function forwarderAddTimes(accountId: string, email: string): Promise<Map<string, number>> {
  const events = await listAuditEvents({
    accountId,
    action: "mailbox.forwarder.add",
    outcome: "success",
    since: Date.now() - 90 * DAY_MS,
    limit: 500,
  });
  const times = new Map<string, number>();
  for (const e of events) {
    if (e.target?.toLowerCase() !== email.toLowerCase()) continue;
    const d = e.detail ?? {};
    const destinations = [...(Array.isArray(d.destinations) ? d.destinations : []), ...(typeof d.destination === "string" ? [d.destination] : [])];
    for (const dest of destinations) {
      const key = String(dest).toLowerCase();
      if (!times.has(key)) times.set(key, e.at); // newest first
    }
  }
  return times;
}

async function autoresponderChangeTime(accountId: string, email: string): Promise<number | null> {
  const events = await listAuditEvents({
    accountId,
    action: "mailbox.settings.update",
    outcome: "success",
    since: Date.now() - 90 * DAY_MS,
    limit: 500,
  });
  const hit = events.find((e) => e.target?.toLowerCase() === email.toLowerCase() && JSON.stringify(e.detail ?? {}).includes("autoresponder"));
  return hit?.at ?? null;
}

/** The mailbox's forwarders and autoresponder, the ones set recently marked (the audit log knows when). */
async function reviewForwarding(account: HostingAccount, api: AccountClient, email: string) {
  const domain = email.slice(email.lastIndexOf("@") + 1);
  const recentSince = Date.now() - RECENT_DAYS * DAY_MS;
  const [rows, autoresponder, addTimes, arTime] = await Promise.all([
    fromCpanel(account.serverName, () => api.listForwarders({ domain })),
    fromCpanel(account.serverName, () => readAutoresponder(api, email, domain)),
    forwarderAddTimes(account.id, email),
    autoresponderChangeTime(account.id, email),
  ]);
  const forwarders: SecureForwarder[] = rows
    .filter((f) => f.source.toLowerCase() === email.toLowerCase())
    .map((f) => {
      const addedAt = addTimes.get(f.destination.toLowerCase()) ?? null;
      return { destination: f.destination, kind: f.kind, addedAt, recent: addedAt !== null && addedAt >= recentSince };
    });
  const ar: SecureAutoresponder | null = autoresponder
    ? { subject: autoresponder.subject, changedAt: arTime, recent: arTime !== null && arTime >= recentSince }
    : null;
  return { forwarders, autoresponder: ar };
}

/** How a caller that secures several mailboxes (a bulk run) shares one incident and ends the sessions once. */
export type SecureOptions = {
  /** The incident id every audit event carries (default: a new one). */
  incidentId?: string;
  /** Set: the sessions step is left to the caller (ended once for the account), and this says so on the step. */
  sessionsLater?: string;
};

/**
 * Ends the IMAP/POP sessions of every mailbox on the account once (staff only; cPanel cannot end one mailbox's), audited
 * under `incidentId`; the outcome as a step.
 */
export async function endAccountSessions(context: WriteContext, accountId: string, incidentId: string): Promise<SecureStep> {
  const account = await visibleAccount(context.actor, accountId);
  return sessionsStep(context, account, await accountApi(account), incidentId);
}

/**
 * "Secure this mailbox" in one step, for the owner on their own mailbox or staff on any (with a reason): suspend login,
 * hold outgoing mail, replace the password with a random one nobody sees, end the account's IMAP/POP sessions (staff:
 * cPanel can only do the whole account), then list the forwarders and autoresponder. Every step runs even when one
 * fails; every audit event carries one incident id; the report says what cPanel shows in effect afterwards.
 */
export async function secureMailbox(
  context: WriteContext,
  accountId: string,
  mailboxRef: string,
  options: SecureOptions = {},
): Promise<SecureReport> {
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  const mailbox = await findMailbox(account, mailboxRef);
  const api = await accountApi(account);
  const incidentId = options.incidentId ?? `inc_${randomUUID()}`;

  const steps: SecureStep[] = [];
  steps.push(await restrictionStep(context, account, api, mailbox, incidentId, "suspend_login"));
  steps.push(await restrictionStep(context, account, api, mailbox, incidentId, "hold_outgoing"));
  steps.push(await passwordStep(context, account, api, mailbox, incidentId));
  steps.push(
    options.sessionsLater
      ? { id: "end_sessions", label: LABELS.end_sessions, outcome: "skipped", detail: options.sessionsLater }
      : await sessionsStep(context, account, api, incidentId),
  );

  const [after, held, review] = await Promise.all([
    fromCpanel(account.serverName, () => readMailbox(api, mailbox.email)).catch(() => undefined),
    fromCpanel(account.serverName, () => api.heldMessageCount(mailbox.email)).catch(() => null),
    reviewForwarding(account, api, mailbox.email).then(
      (r) => ({ ...r, error: null }),
      (error: unknown) => ({ forwarders: null, autoresponder: null, error: failureText(error).detail }),
    ),
  ]);

  // The owner hears of it (a queued security e-mail that names what is in effect and how to restore; it never fails
  // the action), unless nothing took effect.
  const inEffect = steps.filter((s) => s.outcome === "done" || s.outcome === "already").map((s) => s.id as SecuredMeasure);
  if (inEffect.length) await notifyOwners(context, account.id, { kind: "mailbox.secured", mailbox: mailbox.email, incidentId, inEffect });
  steps.push({
    id: "notify_owner",
    label: LABELS.notify_owner,
    outcome: inEffect.length ? "done" : "skipped",
    detail: inEffect.length
      ? "A security e-mail saying what is in effect and how to restore the mailbox is queued for the account owner (when the account has one)."
      : "No e-mail: no step took effect.",
  });

  const report: SecureReport = {
    incidentId,
    accountId: account.id,
    email: mailbox.email,
    steps,
    inEffect: { loginSuspended: after ? after.suspendLogin : null, outgoingHeld: after ? after.holdOutgoing : null },
    heldCount: held,
    forwarders: review.forwarders,
    autoresponder: review.autoresponder,
    reviewError: review.error,
  };
  await auditWrite(context, {
    accountId: account.id,
    action: "mailbox.secure",
    target: mailbox.email,
    outcome: steps.every((s) => s.outcome === "done" || s.outcome === "already" || s.outcome === "skipped") ? "success" : "failure",
    detail: { incidentId, steps: Object.fromEntries(steps.map((s) => [s.id, s.outcome])), inEffect: report.inEffect },
  });
  return report;
}
