import "server-only";
import { requireStaff } from "@/lib/mail/guards";
import type { Actor } from "@/lib/core/actor";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { requireReason, writeContext, type WriteContext } from "@/lib/core/write-context";
import { auditWrite } from "@/lib/audit/write";
import { DuplicateEmailError, findUserByEmail, normalizeEmail, type User } from "@/lib/db/users";
import {
  findHostingAccount,
  findHostingAccountsByCpanelUser,
  listAccountsOwnedBy,
  searchAccounts,
  type HostingAccount,
} from "@/lib/db/hosting-accounts";
import {
  acceptInvitation,
  createInvitedUser,
  findInvitation,
  findInvitationByToken,
  latestInvitationOf,
  listInvitations,
  renewInvitation,
  revokeInvitation,
  type Invitation,
  type InvitationState,
} from "@/lib/db/invitations";
import { isLinkTokenShape } from "@/lib/db/one-time-token";
import { enqueueMail } from "@/lib/notify/enqueue-mail";
import { MIN_INITIAL_PASSWORD_LENGTH } from "@/lib/mail/panel-users";
import { requestLocale, translator } from "@/lib/i18n/server";
import { invitationWords } from "@/lib/notify/templates/invitation";

/** An invitation link works for 7 days after it was (re)sent. */
export const INVITATION_VALID_MS = 7 * 24 * 3600_000;
/** The panel password policy (the same as for a user an admin creates): a length, not a character mix. */
export const PANEL_PASSWORD_MIN_LENGTH = MIN_INITIAL_PASSWORD_LENGTH;
const PANEL_PASSWORD_MAX_LENGTH = 1024;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field errors for a new panel password and its confirmation (accepting an invitation, a reset), or null when it is fine. */
export async function panelPasswordErrors(password: string, confirmPassword: string, email: string): Promise<Record<string, string[]> | null> {
  const t = await translator("Fields");
  const errors: Record<string, string[]> = {};
  const length = [...password].length;
  if (length < PANEL_PASSWORD_MIN_LENGTH) (errors.password ??= []).push(t("tooShort", { minimum: PANEL_PASSWORD_MIN_LENGTH }));
  if (length > PANEL_PASSWORD_MAX_LENGTH) (errors.password ??= []).push(t("tooLong", { maximum: PANEL_PASSWORD_MAX_LENGTH }));
  if (password && password.toLowerCase() === email.toLowerCase()) (errors.password ??= []).push(t("passwordIsEmail"));
  if (confirmPassword !== password) errors.confirmPassword = [t("passwordsDiffer")];
  return Object.keys(errors).length ? errors : null;
}

/** What the invitations list shows: no token, no hash. */
export type InvitationSummary = {
  id: string;
  email: string;
  state: InvitationState;
  sentAt: number;
  expiresAt: number;
  invitedByEmail: string | null;
  accounts: string[];
};

/** Invitations for the users page (staff): open ones first, then the most recently accepted. */
export async function listInvitationSummaries(actor: Actor): Promise<InvitationSummary[]> {
  requireStaff(actor);
  const invitations = (await listInvitations(200)).filter(
    (i, index, all) => i.state !== "accepted" || index - all.findIndex((x) => x.state === "accepted") < 20,
  );
  return Promise.all(
    invitations.map(async (i) => ({
      id: i.id,
      email: i.email,
      state: i.state,
      sentAt: i.sentAt,
      expiresAt: i.expiresAt,
      invitedByEmail: i.invitedByEmail,
      accounts: (await listAccountsOwnedBy(i.userId)).map((a) => a.primaryDomain),
    })),
  );
}

/**
 * Resolves what a person typed for "accounts they will own" (account ids, cPanel user names or primary domains) to
 * unowned hosting accounts; every problem is a message on the `accounts` field.
 */
async function resolveAccounts(refs: string[]): Promise<HostingAccount[]> {
  const errors: string[] = [];
  const found = new Map<string, HostingAccount>();
  const t = await translator("Fields");
  for (const raw of [...new Set(refs.map((r) => r.trim()).filter(Boolean))]) {
    const ref = raw.toLowerCase();
    let matches: HostingAccount[];
    if (/^acct_[0-9a-z]{26}$/.test(ref)) {
      const account = await findHostingAccount(`acct_${raw.slice(5).toUpperCase()}`);
      matches = account ? [account] : [];
    } else if (ref.includes(".")) {
      matches = (await searchAccounts({ query: ref, limit: 50 })).accounts.filter((a) => a.primaryDomain === ref);
    } else {
      matches = await findHostingAccountsByCpanelUser(ref);
    }
    if (matches.length === 0) errors.push(t("accountNotFound", { ref: raw }));
    else if (matches.length > 1) errors.push(t("accountAmbiguous", { ref, servers: matches.map((a) => a.serverName).join(", ") }));
    else if (matches[0]!.ownerEmail) errors.push(t("accountOwned", { domain: matches[0]!.primaryDomain, owner: matches[0]!.ownerEmail }));
    else found.set(matches[0]!.id, matches[0]!);
  }
  if (errors.length) throw new ValidationError({ accounts: errors });
  return [...found.values()];
}

/**
 * Mails the invitation link. In the language of the request that invites (the staff member's, else their browser's):
 * the invitee has chosen none yet, and a host's support usually writes to its customers in their shared language.
 */
async function sendInvitationMail(invitation: Invitation, token: string, invitedBy: string | null, accounts: string[]): Promise<void> {
  const data = { linkPath: `/invite/${token}`, expiresAt: invitation.expiresAt, invitedBy, accounts };
  const locale = await requestLocale();
  await enqueueMail({
    // One mail per link: a retried write never sends the same link twice; a resend has a new sentAt and goes out.
    key: `invitation:${invitation.id}:${invitation.sentAt}`,
    to: invitation.email,
    template: "invitation",
    data: { ...data, locale, words: invitationWords(await translator("InvitationMail", locale), data, locale) },
  });
}

/**
 * Invites a customer by e-mail (support and admin, with a reason): creates their login without a password, gives it
 * the chosen unowned hosting accounts, and mails a single-use link valid for 7 days.
 */
export async function inviteCustomer(
  context: WriteContext,
  input: { email: string; name?: string; accounts: string[] },
): Promise<{ email: string; accounts: string[] }> {
  requireStaff(context.actor);
  requireReason(context);
  const email = normalizeEmail(input.email);
  if (!EMAIL.test(email)) throw new ValidationError({ email: [(await translator("Fields"))("enterEmail")] });
  const existing = await findUserByEmail(email);
  if (existing) {
    const invitation = await latestInvitationOf(existing.id);
    const message =
      invitation && invitation.state !== "accepted"
        ? "This address has an open invitation already: resend or revoke it in the invitations list"
        : "A panel user with this email already exists";
    throw new ValidationError({ email: [message] });
  }
  const accounts = await resolveAccounts(input.accounts);
  return inviteWithAccounts(context, { email, name: input.name }, accounts);
}

/** Whether the actor is a panel user (not the command line), whose id and name may go into an invitation. */
const isPanelUser = (actor: Actor) => actor.id.startsWith("usr_");

/**
 * Creates the login of a new customer (no password yet) owning `accounts` (those still unowned when it runs), audits it
 * and mails the link. The caller has checked the actor, the reason, the address and that nobody uses it.
 */
export async function inviteWithAccounts(
  context: WriteContext,
  input: { email: string; name?: string },
  accounts: HostingAccount[],
): Promise<{ email: string; accounts: string[] }> {
  const email = normalizeEmail(input.email);
  let created: Awaited<ReturnType<typeof createInvitedUser>>;
  try {
    created = await createInvitedUser({
      email,
      name: input.name,
      invitedByUserId: isPanelUser(context.actor) ? context.actor.id : null,
      accountIds: accounts.map((a) => a.id),
      validForMs: INVITATION_VALID_MS,
    });
  } catch (error) {
    if (error instanceof DuplicateEmailError || (await findUserByEmail(email)))
      throw new ValidationError({ email: [(await translator("Fields"))("userExists")] });
    throw error;
  }
  const owned = (await listAccountsOwnedBy(created.user.id)).map((a) => a.primaryDomain);
  await auditWrite(context, {
    accountId: null,
    action: "user.invite",
    target: email,
    outcome: "success",
    detail: { invitationId: created.invitation.id, accountIds: accounts.map((a) => a.id), expiresAt: created.invitation.expiresAt },
  });
  await sendInvitationMail(created.invitation, created.token, isPanelUser(context.actor) ? context.actor.name : null, owned);
  return { email, accounts: owned };
}

async function staffInvitation(context: WriteContext, invitationId: string): Promise<Invitation> {
  requireStaff(context.actor);
  const invitation = /^inv_[0-9A-Z]{26}$/.test(invitationId) ? await findInvitation(invitationId) : null;
  if (!invitation) throw new NotFoundError("No such invitation");
  requireReason(context);
  if (invitation.state === "accepted")
    throw new ValidationError(
      { invitationId: [`${invitation.email} has accepted already`] },
      `${invitation.email} has accepted the invitation already.`,
    );
  return invitation;
}

/** Sends a new link (staff): the old link stops working and the 7 days start again; a revoked invitation is live again. */
export async function resendInvitation(context: WriteContext, invitationId: string): Promise<{ email: string }> {
  const invitation = await staffInvitation(context, invitationId);
  const renewed = await renewInvitation(invitation.id, INVITATION_VALID_MS);
  if (!renewed) {
    const t = await translator("Fields");
    throw new ValidationError({ invitationId: [t("acceptedMeanwhile")] }, t("invitationAccepted", { email: invitation.email }));
  }
  await auditWrite(context, {
    accountId: null,
    action: "user.invitation.resend",
    target: invitation.email,
    outcome: "success",
    detail: { invitationId: invitation.id, expiresAt: renewed.invitation.expiresAt },
  });
  const accounts = (await listAccountsOwnedBy(invitation.userId)).map((a) => a.primaryDomain);
  await sendInvitationMail(renewed.invitation, renewed.token, isPanelUser(context.actor) ? context.actor.name : null, accounts);
  return { email: invitation.email };
}

/** Revokes an invitation (staff): its link stops working; the login stays without a password until a resend. */
export async function cancelInvitation(context: WriteContext, invitationId: string): Promise<{ email: string }> {
  const invitation = await staffInvitation(context, invitationId);
  if (invitation.state === "revoked") return { email: invitation.email };
  await revokeInvitation(invitation.id);
  await auditWrite(context, {
    accountId: null,
    action: "user.invitation.revoke",
    target: invitation.email,
    outcome: "success",
    detail: { invitationId: invitation.id },
  });
  return { email: invitation.email };
}

/** What the invitation page may show about a link: its state, and for a live link whose it is. Unknown tokens say "unknown". */
export type InvitationLinkView =
  | { state: "pending"; email: string; expiresAt: number }
  | { state: "accepted" | "expired" | "revoked"; invitedByEmail: string | null }
  | { state: "unknown" };

/** The state of an invitation link, for its page (no session needed; the token is the proof). */
export async function invitationLinkView(token: string): Promise<InvitationLinkView> {
  const invitation = isLinkTokenShape(token) ? await findInvitationByToken(token) : null;
  if (!invitation) return { state: "unknown" };
  if (invitation.state === "pending") return { state: "pending", email: invitation.email, expiresAt: invitation.expiresAt };
  return { state: invitation.state, invitedByEmail: invitation.invitedByEmail };
}

function actorOf(user: User): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/**
 * Accepts an invitation: checks the panel password policy, spends the link and sets the password in one step.
 * A link that is no longer pending is a ValidationError saying so.
 */
export async function acceptInvitationLink(token: string, password: string, confirmPassword: string): Promise<{ email: string }> {
  const invitation = isLinkTokenShape(token) ? await findInvitationByToken(token) : null;
  const spent = async () => {
    const message = (await translator("Invite"))("spentLink");
    return new ValidationError({ form: [message] }, message);
  };
  if (!invitation || invitation.state !== "pending") throw await spent();
  const errors = await panelPasswordErrors(password, confirmPassword, invitation.email);
  if (errors) throw new ValidationError(errors);
  const user = await acceptInvitation(token, password);
  if (!user) throw await spent();
  await auditWrite(writeContext(actorOf(user), "web"), {
    accountId: null,
    action: "user.invitation.accept",
    target: user.email,
    outcome: "success",
    detail: { invitationId: invitation.id },
  });
  return { email: user.email };
}
