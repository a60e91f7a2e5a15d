// accounts:import --invite-owners: the dry run prints the plan and changes nothing; the real run invites new customers
// with their accounts, gives existing customers theirs, and leaves ambiguous contacts to a person. user:invite too.
import { Readable } from "node:stream";
import { sql } from "kysely";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createServer, type Server } from "../../lib/db/servers";
import { assignAccountOwner, listAccountsOnServer, upsertHostingAccount } from "../../lib/db/hosting-accounts";
import { createUser, findUserByEmail } from "../../lib/db/users";
import { setTestEnv, withTestDatabase } from "../../tests/db/engines";
import { importWithOwners } from "./onboarding";
import { runCli } from "./main";
import type { CliIo } from "./secrets";

const mails = vi.hoisted(() => ({ sent: [] as { to: string; template: string; data: Record<string, unknown> }[] }));
vi.mock("../../lib/notify/enqueue-mail", () => ({
  enqueueMail: async (input: { to: string; template: string; data: Record<string, unknown> }) => {
    mails.sent.push(input);
  },
}));

setTestEnv();

const LISTED = [
  { user: "alpha", domain: "alpha.example", contactEmails: ["Owner@Alpha.example"] },
  { user: "alpha2", domain: "alpha-two.example", contactEmails: ["owner@alpha.example"] },
  { user: "beta", domain: "beta.example", contactEmails: ["existing@beta.example"] },
  { user: "gamma", domain: "gamma.example", contactEmails: [] },
  { user: "delta", domain: "delta.example", contactEmails: ["one@delta.example", "two@delta.example"] },
  { user: "owned", domain: "owned.example", contactEmails: ["someone@owned.example"] },
  { user: "staffy", domain: "staffy.example", contactEmails: ["admin@hosting.example"] },
];

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: Readable.from([]),
    env: {},
  };
  return { code: await runCli(args, io), stdout, stderr };
}

describe("accounts:import --invite-owners", () => {
  const database = withTestDatabase("sqlite");
  let server: Server;

  beforeEach(() => {
    mails.sent.length = 0;
  });

  it("dry run: prints new users, accounts per user, missing and several contacts, and changes nothing", async () => {
    server = await createServer({ name: "whm1", baseUrl: "https://whm1:2087", authMode: "whm", username: "root", token: "T" });
    const owner = await createUser({ email: "kept@owned.example", role: "customer", password: "Kept-owner-2026" });
    await assignAccountOwner((await upsertHostingAccount({ serverId: server.id, cpanelUser: "owned", primaryDomain: "owned.example" })).id, owner.id);
    await createUser({ email: "existing@beta.example", role: "customer", password: "Existing-cust-2026" });
    await createUser({ email: "admin@hosting.example", role: "admin", password: "Admin-hosting-2026" });
    const count = async (table: "users" | "hosting_accounts" | "invitations" | "audit_events") =>
      Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(database.current().handle.db)).rows[0]!.n);
    const before = {
      users: await count("users"),
      accounts: await count("hosting_accounts"),
      invitations: await count("invitations"),
      audit: await count("audit_events"),
    };

    const { lines, plan } = await importWithOwners({ server: "whm1", dryRun: true, listAccounts: async () => LISTED });
    const text = lines.join("\n");
    expect(text).toContain("Dry run: nothing was changed.");
    expect(text).toContain("WHM lists 7 account(s), 6 new to the panel, 1 known.");
    expect(text).toContain(
      "New customer logins, each invited by e-mail (1):\n  owner@alpha.example: alpha.example (alpha), alpha-two.example (alpha2)",
    );
    expect(text).toContain("existing customer logins (no invitation) (1):\n  existing@beta.example: beta.example (beta)");
    expect(text).toContain("Accounts that keep their owner (1):\n  owned.example (owned): kept@owned.example");
    expect(text).toMatch(/no usable contact e-mail.*\(1\):\n {2}gamma\.example \(gamma\)/);
    expect(text).toMatch(/several addresses.*\(1\):\n {2}delta\.example \(delta\): one@delta\.example, two@delta\.example/);
    expect(text).toMatch(/support or admin login.*\(1\):\n {2}staffy\.example \(staffy\): admin@hosting\.example/);
    expect(plan.newUsers).toEqual([
      {
        email: "owner@alpha.example",
        accounts: [
          { cpanelUser: "alpha", domain: "alpha.example" },
          { cpanelUser: "alpha2", domain: "alpha-two.example" },
        ],
      },
    ]);

    const after = {
      users: await count("users"),
      accounts: await count("hosting_accounts"),
      invitations: await count("invitations"),
      audit: await count("audit_events"),
    };
    expect(after).toEqual(before);
    expect(mails.sent).toHaveLength(0);
  });

  it("real run: imports, invites the new owner with both accounts, assigns the existing customer's, and is idempotent", async () => {
    const { lines, outcome } = await importWithOwners({ server: "whm1", dryRun: false, listAccounts: async () => LISTED });
    expect(lines.join("\n")).toContain("Invited 1 new customer login(s); gave accounts to 1 existing one(s).");
    expect(outcome?.invited).toEqual([{ email: "owner@alpha.example", accounts: ["alpha-two.example", "alpha.example"] }]);
    const accounts = await listAccountsOnServer(server.id);
    const ownerOf = (domain: string) => accounts.find((a) => a.primaryDomain === domain)?.ownerEmail ?? null;
    expect(ownerOf("alpha.example")).toBe("owner@alpha.example");
    expect(ownerOf("beta.example")).toBe("existing@beta.example");
    expect(ownerOf("gamma.example")).toBeNull();
    expect(ownerOf("delta.example")).toBeNull();
    expect(ownerOf("staffy.example")).toBeNull();
    expect(ownerOf("owned.example")).toBe("kept@owned.example");
    expect((await findUserByEmail("owner@alpha.example"))?.role).toBe("customer");
    expect(mails.sent).toEqual([
      expect.objectContaining({ to: "owner@alpha.example", template: "invitation", data: expect.objectContaining({ invitedBy: null }) }),
    ]);
    // The output never carries the link.
    expect(lines.join("\n")).not.toContain("/invite/");

    const again = await importWithOwners({ server: "whm1", dryRun: false, listAccounts: async () => LISTED });
    expect(again.outcome).toEqual({ invited: [], assigned: [], failed: [] });
    expect(mails.sent).toHaveLength(1);
  });

  it("user:invite invites from the command line; --dry-run needs --invite-owners", async () => {
    await upsertHostingAccount({ serverId: server.id, cpanelUser: "cli1", primaryDomain: "cli-one.example" });
    const done = await cli(["user:invite", "--email", "cli@customer.example", "--account", "cli-one.example"]);
    expect(done).toMatchObject({ code: 0, stdout: expect.stringContaining("Invited cli@customer.example") });
    expect(done.stdout).not.toContain("/invite/");
    expect(mails.sent.at(-1)).toMatchObject({ to: "cli@customer.example", data: { accounts: ["cli-one.example"] } });
    const taken = await cli(["user:invite", "--email", "cli@customer.example"]);
    expect(taken).toMatchObject({ code: 1, stderr: expect.stringContaining("open invitation already") });
    expect((await cli(["accounts:import", "--server", "whm1", "--dry-run"])).code).toBe(2);
  });
});
