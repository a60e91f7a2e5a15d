import "server-only";
import { auditWrite } from "@/lib/audit/write";
import type { WriteContext } from "@/lib/core/write-context";
import { assignAccountOwner, findHostingAccountsByCpanelUser, type HostingAccount } from "@/lib/db/hosting-accounts";
import { findUserByEmail, normalizeEmail, type User } from "@/lib/db/users";
import { inviteWithAccounts } from "@/lib/mail/invitations";

/** One account as WHM listaccts reports it, with every contact address (CONTACTEMAIL and CONTACTEMAIL2). */
export type ListedOwnerAccount = { user: string; domain: string; contactEmails?: string[]; contactEmail?: string | null };

/** An account in the plan: its cPanel user and primary domain. */
export type PlannedAccount = { cpanelUser: string; domain: string };

/** What `accounts:import --invite-owners` does (or, in a dry run, would do); computed without changing anything. */
export type OwnerImportPlan = {
  /** Accounts WHM lists that the panel does not know yet, and those it knows. */
  newAccounts: number;
  knownAccounts: number;
  /** New customer logins, each invited, with the accounts they will own. */
  newUsers: { email: string; accounts: PlannedAccount[] }[];
  /** Customers who already have a login and get these accounts (no invitation). */
  existingUsers: { email: string; accounts: PlannedAccount[] }[];
  /** Accounts that already have an owner in the panel: kept. */
  alreadyOwned: (PlannedAccount & { owner: string })[];
  /** Accounts without a (usable) contact address. */
  missingContact: (PlannedAccount & { contact?: string })[];
  /** Accounts whose contact lists several addresses: whom to invite is a person's call (account:assign). */
  severalContacts: (PlannedAccount & { contacts: string[] })[];
  /** Contacts that are support or admin logins: staff never own accounts by import. */
  staffContacts: (PlannedAccount & { email: string })[];
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function contactsOf(listed: ListedOwnerAccount): string[] {
  const all = listed.contactEmails ?? (listed.contactEmail ? [listed.contactEmail] : []);
  return [...new Set(all.map(normalizeEmail).filter(Boolean))];
}

/** Plans turning WHM contact addresses into customer logins that own their accounts; reads only. */
export async function planOwnerImport(serverId: string, listed: ListedOwnerAccount[]): Promise<OwnerImportPlan> {
  const plan: OwnerImportPlan = {
    newAccounts: 0,
    knownAccounts: 0,
    newUsers: [],
    existingUsers: [],
    alreadyOwned: [],
    missingContact: [],
    severalContacts: [],
    staffContacts: [],
  };
  const newUsers = new Map<string, PlannedAccount[]>();
  const existing = new Map<string, PlannedAccount[]>();
  const users = new Map<string, User | null>();
  for (const entry of listed) {
    const account: PlannedAccount = { cpanelUser: entry.user.trim().toLowerCase(), domain: entry.domain.trim().toLowerCase() };
    const [known] = await findHostingAccountsByCpanelUser(account.cpanelUser, serverId);
    if (known) plan.knownAccounts++;
    else plan.newAccounts++;
    if (known?.ownerEmail) {
      plan.alreadyOwned.push({ ...account, owner: known.ownerEmail });
      continue;
    }
    const contacts = contactsOf(entry);
    if (contacts.length === 0) {
      plan.missingContact.push(account);
      continue;
    }
    if (contacts.length > 1) {
      plan.severalContacts.push({ ...account, contacts });
      continue;
    }
    const email = contacts[0]!;
    if (!EMAIL.test(email)) {
      plan.missingContact.push({ ...account, contact: email });
      continue;
    }
    if (!users.has(email)) users.set(email, await findUserByEmail(email));
    const user = users.get(email);
    if (!user) newUsers.set(email, [...(newUsers.get(email) ?? []), account]);
    else if (user.role !== "customer") plan.staffContacts.push({ ...account, email });
    else existing.set(email, [...(existing.get(email) ?? []), account]);
  }
  plan.newUsers = [...newUsers].map(([email, accounts]) => ({ email, accounts })).sort((a, b) => a.email.localeCompare(b.email));
  plan.existingUsers = [...existing].map(([email, accounts]) => ({ email, accounts })).sort((a, b) => a.email.localeCompare(b.email));
  return plan;
}

/** What an owner import did: the invitations sent and the accounts given to existing customers. */
export type OwnerImportOutcome = {
  invited: { email: string; accounts: string[] }[];
  assigned: { email: string; accounts: string[] }[];
  failed: { email: string; error: string }[];
};

async function unownedAccounts(serverId: string, planned: PlannedAccount[]): Promise<HostingAccount[]> {
  const found = await Promise.all(planned.map(async (p) => (await findHostingAccountsByCpanelUser(p.cpanelUser, serverId))[0]));
  return found.filter((a): a is HostingAccount => a !== undefined && a.ownerUserId === null);
}

/**
 * Carries out a plan after the accounts were imported: invites each new customer with their accounts, and gives
 * existing customers theirs. Each step is audited; a failing address does not stop the others.
 */
export async function applyOwnerImport(context: WriteContext, serverId: string, plan: OwnerImportPlan): Promise<OwnerImportOutcome> {
  const outcome: OwnerImportOutcome = { invited: [], assigned: [], failed: [] };
  for (const { email, accounts } of plan.newUsers) {
    try {
      if (await findUserByEmail(email)) throw new Error("a login with this address appeared meanwhile");
      outcome.invited.push(await inviteWithAccounts(context, { email }, await unownedAccounts(serverId, accounts)));
    } catch (error) {
      outcome.failed.push({ email, error: error instanceof Error ? error.message : String(error) });
    }
  }
  for (const { email, accounts } of plan.existingUsers) {
    const user = await findUserByEmail(email);
    if (!user || user.role !== "customer") {
      outcome.failed.push({ email, error: "the login is gone or is no longer a customer" });
      continue;
    }
    const given: string[] = [];
    for (const account of await unownedAccounts(serverId, accounts)) {
      await assignAccountOwner(account.id, user.id);
      await auditWrite(context, {
        accountId: account.id,
        action: "account.owner.assign",
        target: account.primaryDomain,
        outcome: "success",
        detail: { before: null, after: user.email, from: "whm-contact" },
      });
      given.push(account.primaryDomain);
    }
    outcome.assigned.push({ email, accounts: given });
  }
  return outcome;
}
