import { parseArgs, type ParseArgsConfig } from "node:util";
import * as commands from "./commands";
import * as onboarding from "./onboarding";
import { CliError, usageError } from "./errors";
import { readSecret, type CliIo } from "./secrets";
import type { HostingAccount } from "../../lib/db/hosting-accounts";
import type { User } from "../../lib/db/users";

export const USAGE = `Mailroom admin CLI

Usage: npm run mailroom -- <command> [options]

Database
  migrate                                   apply pending database migrations (also: npm run db:migrate)

Servers
  server:add --name N --url https://host:2087 --auth whm|cpanel --user root [--ca-file F]
             [--token T]                    token from MAILROOM_SERVER_TOKEN, else prompted (hidden), else
                                            the first line of stdin; --token works but lands in shell history
  server:list [--json]
  server:check --name N [--json]           read-only check: TLS and token, WHM version, the token's ACLs per
                                            feature, listaccts, one account's mailboxes, password strength;
                                            exit 1 naming what fails or is missing

Hosting accounts
  accounts:import --server NAME             import/refresh every account WHM lists (listaccts); owners are kept
  accounts:import --all                     the same for every enabled server with a WHM token, 4 servers at a
                                            time (one listaccts call each); queues their mailbox index refresh
  accounts:import --server NAME --invite-owners [--dry-run]
                                            also turn WHM's contact e-mails into customer logins that own
                                            their accounts, and invite them by e-mail (link valid 7 days);
                                            --dry-run prints the plan and changes nothing
  account:assign (--account acct_… | --cpanel-user U [--server NAME]) --owner EMAIL
  account:assign ... --no-owner             take an account away from its owner
  account:list [--query Q] [--limit N] [--offset N] [--json]

Panel users
  user:add --email E --role customer|support|admin [--name N]
                                            password from MAILROOM_USER_PASSWORD, else prompted twice
                                            (hidden), else the first line of stdin
  user:invite --email E [--name N] [--account A ...]
                                            invite a customer by e-mail (single-use link, 7 days); each
                                            --account (domain, cPanel user or acct_ id) must have no owner
  user:list [--json]
  user:role --email E --role customer|support|admin     (signs the user out everywhere)
  user:lock --email E                       lock and sign out everywhere
  user:unlock --email E
  user:signout-all --email E                end every session of the user

Background jobs (mail; BullMQ on Redis with REDIS_URL, else the database)
  jobs [--state queued|running|succeeded|failed|cancelled] [--limit N] [--json]
                                            list jobs, newest first, with attempts and last error
  jobs retry ID                             run a failed or cancelled job again (fresh attempts)
  jobs cancel ID                            cancel a queued job, or ask a running one to stop

Audit log
  audit:verify (or: audit verify)           re-compute the audit log's hash chain; exit 1 naming the first
                                            row that was changed, removed or inserted

Configuration comes from the environment (see .env.example): MAILROOM_ENCRYPTION_KEY and AUTH_SECRET
are required; DATABASE_URL selects PostgreSQL, else SQLite at MAILROOM_SQLITE_PATH.
Exit codes: 0 done, 1 the operation failed, 2 the command line is wrong.
`;

type Options = NonNullable<ParseArgsConfig["options"]>;
const str = { type: "string" } as const;
const flag = { type: "boolean" } as const;

const OPTIONS: Record<string, Options> = {
  migrate: {},
  "server:add": { name: str, url: str, auth: str, user: str, token: str, "ca-file": str },
  "server:list": { json: flag },
  "server:check": { name: str, json: flag },
  "accounts:import": { server: str, all: flag, "invite-owners": flag, "dry-run": flag },
  "account:assign": { account: str, "cpanel-user": str, server: str, owner: str, "no-owner": flag },
  "account:list": { query: str, limit: str, offset: str, json: flag },
  "user:add": { email: str, role: str, name: str },
  "user:invite": { email: str, name: str, account: { type: "string", multiple: true } },
  "user:list": { json: flag },
  "user:role": { email: str, role: str },
  "user:lock": { email: str },
  "user:unlock": { email: str },
  "user:signout-all": { email: str },
  "audit:verify": {},
  jobs: { state: str, limit: str, json: flag },
  "jobs:retry": { id: str },
  "jobs:cancel": { id: str },
};

type Values = Record<string, string | boolean | undefined>;

function parse(command: string, args: string[]): Values {
  try {
    return parseArgs({ args, options: { ...OPTIONS[command], help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false })
      .values as Values;
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
}

const s = (value: string | boolean | undefined) => (typeof value === "string" ? value : undefined);

function int(value: string | boolean | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw usageError(`--${name} must be a whole number`);
  return n;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return (
    rows
      .map((r) =>
        r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join("  ")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}

const describeUser = (u: User) => `${u.email} (${u.role}${u.lockedAt ? ", locked" : ""}, ${u.id})`;
const describeAccount = (a: HostingAccount) => `${a.id} ${a.cpanelUser}@${a.serverName} (${a.primaryDomain}) owner: ${a.ownerEmail ?? "none"}`;

async function run(command: string, v: Values, io: CliIo): Promise<void> {
  const out = (text: string) => io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  switch (command) {
    case "migrate": {
      const { applied } = await commands.migrate();
      out(applied.length ? `Applied ${applied.join(", ")}` : "The database is up to date");
      return;
    }
    case "server:add": {
      if (s(v.token)) io.stderr.write("Note: --token is kept in your shell history; prefer MAILROOM_SERVER_TOKEN or the prompt.\n");
      const server = await commands.addServer({
        name: s(v.name),
        url: s(v.url),
        auth: s(v.auth),
        user: s(v.user),
        token: s(v.token) ?? (() => readSecret(io, { envName: "MAILROOM_SERVER_TOKEN", label: "API token" })),
        caFile: s(v["ca-file"]),
      });
      out(`Added server ${server.name} (${server.id}): ${server.authMode} ${server.username} at ${server.baseUrl}`);
      return;
    }
    case "server:list": {
      const servers = await commands.listServers();
      if (v.json) return void out(JSON.stringify(servers, null, 2));
      if (!servers.length) return void out("No servers yet (add one with server:add)");
      out(
        table([
          ["NAME", "ID", "AUTH", "USER", "URL", "CA FILE"],
          ...servers.map((x) => [x.name, x.id, x.authMode, x.username, x.baseUrl, x.caFile ?? "-"]),
        ]),
      );
      return;
    }
    case "server:check": {
      const check = await commands.checkServer({ name: s(v.name) });
      if (v.json) out(JSON.stringify(check, null, 2));
      else {
        const mark = { ok: "ok  ", warn: "WARN", fail: "FAIL" } as const;
        out(`Server ${check.serverName}: ${check.status.toUpperCase()}`);
        for (const st of check.steps) out(`  ${mark[st.status]}  ${st.title}: ${st.message}`);
        if (check.features.length) {
          out("Features:");
          out(
            table([["FEATURE", "ACL", "TOKEN"], ...check.features.map((f) => [f.feature, f.acl, f.ok ? "ok" : "MISSING"])])
              .replace(/^/gm, "  ")
              .trimEnd(),
          );
        }
      }
      const failed = check.steps.filter((st) => st.status === "fail").map((st) => st.title);
      if (failed.length || check.missingAcls.length) {
        const parts = [
          ...(failed.length ? [`failed: ${failed.join(", ")}`] : []),
          ...(check.missingAcls.length ? [`missing: ${check.missingAcls.join(", ")}`] : []),
        ];
        throw new CliError(`server ${check.serverName} is not ready (${parts.join("; ")})`, 1);
      }
      return;
    }
    case "accounts:import": {
      if (v["dry-run"] && !v["invite-owners"]) throw usageError("--dry-run goes with --invite-owners");
      if (v.all) {
        if (s(v.server) || v["invite-owners"]) throw usageError("--all imports every server; give it without --server or --invite-owners");
        const rows = await commands.importEveryServer();
        if (!rows.length) return void out("No enabled server with a WHM token");
        out(
          table([
            ["SERVER", "NEW", "REFRESHED", "NOT LISTED", "TIME", "ERROR"],
            ...rows.map((r) => [r.server, String(r.created), String(r.updated), String(r.missing), `${Math.round(r.ms)} ms`, r.error ?? "-"]),
          ]),
        );
        const failed = rows.filter((r) => r.error).map((r) => r.server);
        if (failed.length) throw new CliError(`the import failed on ${failed.join(", ")}`, 1);
        return;
      }
      if (v["invite-owners"]) {
        const { lines } = await onboarding.importWithOwners({ server: s(v.server), dryRun: Boolean(v["dry-run"]) });
        out(lines.join("\n"));
        return;
      }
      const result = await commands.importAccounts({ server: s(v.server) });
      out(`Server ${result.server.name}: ${result.created.length} new, ${result.updated.length} refreshed`);
      for (const a of result.created) out(`  + ${describeAccount(a)}`);
      if (result.missing.length) {
        out(`${result.missing.length} known account(s) are no longer listed by WHM (kept):`);
        for (const a of result.missing) out(`  ? ${describeAccount(a)}`);
      }
      return;
    }
    case "account:assign": {
      if (v["no-owner"] && s(v.owner)) throw usageError("Give --owner EMAIL or --no-owner, not both");
      const account = await commands.assignAccount({
        account: s(v.account),
        cpanelUser: s(v["cpanel-user"]),
        server: s(v.server),
        owner: v["no-owner"] ? null : s(v.owner),
      });
      out(`Assigned: ${describeAccount(account)}`);
      return;
    }
    case "account:list": {
      const { accounts, total } = await commands.listAccounts({ query: s(v.query), limit: int(v.limit, "limit"), offset: int(v.offset, "offset") });
      if (v.json) return void out(JSON.stringify({ accounts, total }, null, 2));
      if (!accounts.length) return void out(total ? `No accounts on this page (${total} in all)` : "No hosting accounts match");
      out(
        table([
          ["ID", "SERVER", "CPANEL USER", "DOMAIN", "OWNER"],
          ...accounts.map((a) => [a.id, a.serverName, a.cpanelUser, a.primaryDomain, a.ownerEmail ?? "-"]),
        ]),
      );
      out(`${accounts.length} of ${total}`);
      return;
    }
    case "user:add": {
      const user = await commands.addUser({
        email: s(v.email),
        role: s(v.role),
        name: s(v.name),
        password: () => readSecret(io, { envName: "MAILROOM_USER_PASSWORD", label: "Password", confirm: true }),
      });
      out(`Added user ${describeUser(user)}`);
      return;
    }
    case "user:invite": {
      const accounts = (v.account as unknown as string[] | undefined) ?? [];
      const invited = await onboarding.inviteUser({ email: s(v.email), name: s(v.name), accounts });
      out(
        `Invited ${invited.email}: the e-mail with a single-use link (valid 7 days) is queued.${invited.accounts.length ? ` Owns: ${invited.accounts.join(", ")}` : ""}`,
      );
      return;
    }
    case "user:list": {
      const users = await commands.listUsers();
      if (v.json) return void out(JSON.stringify(users, null, 2));
      if (!users.length) return void out("No panel users yet (add one with user:add)");
      out(table([["EMAIL", "ROLE", "NAME", "LOCKED", "ID"], ...users.map((u) => [u.email, u.role, u.name ?? "-", u.lockedAt ? "yes" : "no", u.id])]));
      return;
    }
    case "user:role":
      return void out(`Role changed; signed out everywhere: ${describeUser(await commands.changeUserRole({ email: s(v.email), role: s(v.role) }))}`);
    case "user:lock":
      return void out(`Locked and signed out everywhere: ${describeUser(await commands.lockUser({ email: s(v.email) }))}`);
    case "user:unlock":
      return void out(`Unlocked: ${describeUser(await commands.unlockUser({ email: s(v.email) }))}`);
    case "user:signout-all":
      return void out(`Signed out everywhere: ${describeUser(await commands.signOutEverywhere({ email: s(v.email) }))}`);
    case "jobs": {
      const jobs = await commands.listJobs({ state: s(v.state), limit: int(v.limit, "limit") });
      if (v.json) return void out(JSON.stringify(jobs, null, 2));
      if (!jobs.length) return void out("No jobs");
      const when = (ms: number | null) => (ms ? new Date(ms).toISOString().replace("T", " ").slice(0, 19) : "-");
      out(
        table([
          ["ID", "STATE", "ATTEMPTS", "CREATED", "NEXT TRY", "JOB", "LAST ERROR"],
          ...jobs.map((j) => [
            j.id,
            j.state,
            `${j.attempts}/${j.maxAttempts}`,
            when(j.createdAt),
            when(j.state === "queued" ? j.runAt : null),
            j.title,
            j.lastError ?? "-",
          ]),
        ]),
      );
      return;
    }
    case "jobs:retry":
      await commands.retryJob({ id: s(v.id) });
      return void out(`Job ${s(v.id)} is queued again; a running panel picks it up.`);
    case "jobs:cancel":
      await commands.cancelJob({ id: s(v.id) });
      return void out(`Job ${s(v.id)} is cancelled (a running one stops at its next check).`);
    case "audit:verify": {
      const verdict = await commands.verifyAudit();
      if (!verdict.ok) throw new CliError(`the audit log was tampered with: ${verdict.problem} (checked ${verdict.rows} rows)`, 1);
      return void out(`The audit log is intact: ${verdict.rows} rows, every hash matches.`);
    }
  }
}

/** Runs one CLI invocation and returns its exit code; errors are printed as one line, never with a stack or a secret. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // "audit verify" reads better than "audit:verify"; both work.
  const [first, ...others] = argv;
  // "jobs retry ID" / "jobs cancel ID" likewise stand for "jobs:retry --id ID".
  const jobVerb = first === "jobs" && (others[0] === "retry" || others[0] === "cancel") ? others[0] : undefined;
  const [command, ...rest] =
    first === "audit" && others[0] === "verify"
      ? ["audit:verify", ...others.slice(1)]
      : jobVerb
        ? [`jobs:${jobVerb}`, ...(others[1] && !others[1].startsWith("-") ? ["--id", others[1], ...others.slice(2)] : others.slice(1))]
        : argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    (command ? io.stdout : io.stderr).write(USAGE);
    return command ? 0 : 2;
  }
  try {
    if (!(command in OPTIONS)) throw usageError(`Unknown command "${command}"`);
    const values = parse(command, rest);
    if (values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    await run(command, values, io);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`mailroom ${command}: ${error.message}\n`);
      if (error.exitCode === 2) io.stderr.write("Run `npm run mailroom -- help` for usage.\n");
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`mailroom ${command} failed: ${message}\n`);
    return 1;
  }
}
