/**
 * The onboarding commands: `user:invite` and `accounts:import --invite-owners [--dry-run]`. They act as the command line
 * (an admin at the server's shell): audited with `via: "cli"` and the shell user in the reason, never printing a link or a token.
 */
import { userInfo } from "node:os";
import { randomUUID } from "node:crypto";
import { findServerByName, type Server } from "../../lib/db/servers";
import type { WriteContext } from "../../lib/core/write-context";
import type { OwnerImportOutcome, OwnerImportPlan, ListedOwnerAccount, PlannedAccount } from "../../lib/mail/owner-import";
import { CliError, usageError } from "./errors";
import { importAccounts } from "./commands";

/** The command line as an actor: an admin at the server's shell. Its id is not a user id, so invitations name nobody. */
function cliContext(command: string): WriteContext {
  let who = "unknown";
  try {
    who = userInfo().username;
  } catch {
    // no passwd entry (a container): keep "unknown"
  }
  return {
    actor: { id: "cli", email: `cli:${who}`, name: null, role: "admin" },
    via: "cli",
    reason: `Command line: ${command} (by ${who})`,
    requestId: randomUUID(),
  };
}

/** Invites a customer by e-mail with the hosting accounts they will own (`--account`, repeatable). */
export async function inviteUser(input: { email?: string; name?: string; accounts?: string[] }): Promise<{ email: string; accounts: string[] }> {
  if (!input.email) throw usageError("--email is required");
  const { inviteCustomer } = await import("../../lib/mail/invitations");
  const { ValidationError } = await import("../../lib/core/errors");
  try {
    return await inviteCustomer(cliContext("user:invite"), { email: input.email, name: input.name, accounts: input.accounts ?? [] });
  } catch (error) {
    if (error instanceof ValidationError) throw new CliError(Object.values(error.fieldErrors).flat().join("; ") || error.message);
    throw error;
  }
}

async function fetchWhmAccounts(server: Server): Promise<ListedOwnerAccount[]> {
  if (server.authMode !== "whm") throw new CliError(`Server "${server.name}" uses a cPanel token; importing accounts needs a WHM token`);
  const { clientForServer } = await import("../../lib/mail/cpanel-access");
  return (await clientForServer(server.id)).whm.listAccounts();
}

const named = (a: PlannedAccount) => `${a.domain} (${a.cpanelUser})`;

/** The plan as a person reads it, one section per kind of outcome. */
export function describePlan(server: Server, plan: OwnerImportPlan): string[] {
  const lines = [
    `Server ${server.name}: WHM lists ${plan.newAccounts + plan.knownAccounts} account(s), ${plan.newAccounts} new to the panel, ${plan.knownAccounts} known.`,
  ];
  const section = (title: string, rows: string[]) => {
    lines.push(`${title} (${rows.length})${rows.length ? ":" : ""}`);
    for (const row of rows) lines.push(`  ${row}`);
  };
  section(
    "New customer logins, each invited by e-mail",
    plan.newUsers.map((u) => `${u.email}: ${u.accounts.map(named).join(", ")}`),
  );
  section(
    "Accounts given to existing customer logins (no invitation)",
    plan.existingUsers.map((u) => `${u.email}: ${u.accounts.map(named).join(", ")}`),
  );
  section(
    "Accounts that keep their owner",
    plan.alreadyOwned.map((a) => `${named(a)}: ${a.owner}`),
  );
  section(
    "Accounts with no usable contact e-mail (assign them with account:assign)",
    plan.missingContact.map((a) => `${named(a)}${a.contact ? `: "${a.contact}" is not an address` : ""}`),
  );
  section(
    "Accounts whose contact lists several addresses (assign them with account:assign)",
    plan.severalContacts.map((a) => `${named(a)}: ${a.contacts.join(", ")}`),
  );
  section(
    "Accounts whose contact is a support or admin login (not given)",
    plan.staffContacts.map((a) => `${named(a)}: ${a.email}`),
  );
  return lines;
}

function describeOutcome(outcome: OwnerImportOutcome): string[] {
  const lines = [`Invited ${outcome.invited.length} new customer login(s); gave accounts to ${outcome.assigned.length} existing one(s).`];
  for (const i of outcome.invited) lines.push(`  invited ${i.email}: ${i.accounts.join(", ") || "no account (taken meanwhile)"}`);
  for (const a of outcome.assigned) lines.push(`  assigned to ${a.email}: ${a.accounts.join(", ") || "nothing (taken meanwhile)"}`);
  if (outcome.failed.length) {
    lines.push(`${outcome.failed.length} address(es) failed:`);
    for (const f of outcome.failed) lines.push(`  ! ${f.email}: ${f.error}`);
  }
  return lines;
}

/**
 * `accounts:import --server N --invite-owners [--dry-run]`: imports the server's accounts, then turns WHM's contact
 * addresses into customer logins that own their accounts and invites them. A dry run reads WHM and the panel, prints
 * the plan, and changes nothing (not even the account import).
 */
export async function importWithOwners(input: {
  server?: string;
  dryRun: boolean;
  /** Replaces the WHM call (tests). */
  listAccounts?: (server: Server) => Promise<ListedOwnerAccount[]>;
}): Promise<{ lines: string[]; plan: OwnerImportPlan; outcome: OwnerImportOutcome | null }> {
  if (!input.server) throw usageError("--server is required");
  const server = await findServerByName(input.server);
  if (!server) throw new CliError(`No server is named "${input.server}" (see server:list)`);
  const { planOwnerImport, applyOwnerImport } = await import("../../lib/mail/owner-import");
  const listed = await (input.listAccounts ?? fetchWhmAccounts)(server);
  const plan = await planOwnerImport(server.id, listed);
  if (input.dryRun) return { lines: ["Dry run: nothing was changed.", ...describePlan(server, plan)], plan, outcome: null };

  const imported = await importAccounts({
    server: server.name,
    listAccounts: async () => listed.map((a) => ({ user: a.user, domain: a.domain, contactEmail: a.contactEmails?.[0] ?? a.contactEmail ?? null })),
  });
  const outcome = await applyOwnerImport(cliContext("accounts:import --invite-owners"), server.id, plan);
  return {
    lines: [
      `Server ${server.name}: ${imported.created.length} new, ${imported.updated.length} refreshed`,
      ...describePlan(server, plan).slice(1),
      ...describeOutcome(outcome),
    ],
    plan,
    outcome,
  };
}
