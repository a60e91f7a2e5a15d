import { Readable } from "node:stream";
import { sql } from "kysely";
import { recordAuditEvent } from "../../lib/audit";
import { describe, expect, it } from "vitest";
import { findServerByName, getServerConnection } from "../../lib/db/servers";
import { findUserByEmail } from "../../lib/db/users";
import { verifyUserPassword } from "../../lib/auth/verify-password";
import { ENGINES, setTestEnv, withTestDatabase } from "../../tests/db/engines";
import { importAccounts } from "./commands";
import { runCli } from "./main";
import type { CliIo } from "./secrets";

setTestEnv();

/** Runs the CLI in-process with captured output; `stdin` is piped text (not a terminal). */
async function cli(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    env: options.env ?? {},
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const TOKEN = "MAILROOMDEVWHMROOTTOKEN000000000";

describe.each(ENGINES)("mailroom CLI on %s", (engine) => {
  const database = withTestDatabase(engine);

  it("prints usage for help, and exit code 2 for no or an unknown command", async () => {
    expect(await cli(["help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("server:add") });
    expect((await cli([])).code).toBe(2);
    const unknown = await cli(["frobnicate"]);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown command "frobnicate"') });
    expect((await cli(["user:lock", "--nope"])).code).toBe(2);
  });

  it("adds a server with the token from the environment or stdin, never printing it", async () => {
    const added = await cli(["server:add", "--name", "web1", "--url", "https://web1.example:2087", "--auth", "whm", "--user", "root"], {
      env: { MAILROOM_SERVER_TOKEN: TOKEN },
    });
    expect(added.code).toBe(0);
    expect(added.stdout + added.stderr).not.toContain(TOKEN);
    const server = await findServerByName("web1");
    expect((await getServerConnection(server!.id)).token).toBe(TOKEN);

    const piped = await cli(["server:add", "--name", "web2", "--url", "https://web2.example:2087", "--auth", "cpanel", "--user", "examplecom"], {
      stdin: "PIPEDTOKEN\n",
    });
    expect(piped.code).toBe(0);
    expect((await getServerConnection((await findServerByName("web2"))!.id)).token).toBe("PIPEDTOKEN");

    const listed = await cli(["server:list"]);
    expect(listed.stdout).toMatch(/web1.*whm.*root.*https:\/\/web1\.example:2087/);
    expect(listed.stdout).not.toContain(TOKEN);
    expect(JSON.parse((await cli(["server:list", "--json"])).stdout)).toHaveLength(2);
  });

  it("explains bad server input before asking for a token", async () => {
    const noAuth = await cli(["server:add", "--name", "x", "--url", "https://x", "--user", "root"], { stdin: "T\n" });
    expect(noAuth).toMatchObject({ code: 2, stderr: expect.stringContaining("--auth must be whm or cpanel") });
    const badUrl = await cli(["server:add", "--name", "x", "--url", "x.example", "--auth", "whm", "--user", "root"]);
    expect(badUrl).toMatchObject({ code: 2, stderr: expect.stringContaining("URL") });
    const taken = await cli(["server:add", "--name", "web1", "--url", "https://x", "--auth", "whm", "--user", "root"]);
    expect(taken).toMatchObject({ code: 1, stderr: expect.stringContaining("already exists") });
    const noToken = await cli(["server:add", "--name", "x", "--url", "https://x", "--auth", "whm", "--user", "root"], { stdin: "" });
    expect(noToken).toMatchObject({ code: 2, stderr: expect.stringContaining("MAILROOM_SERVER_TOKEN") });
  });

  it("imports accounts idempotently, keeping owners, and reports ones WHM no longer lists", async () => {
    const listed = [
      { user: "examplecom", domain: "example.com", contactEmail: "customer@example.com" },
      { user: "shopcp", domain: "shop.example", contactEmail: "customer@example.com" },
      { user: "othernet", domain: "example.net", contactEmail: null },
    ];
    const first = await importAccounts({ server: "web1", listAccounts: async () => listed });
    expect([first.created.length, first.updated.length, first.missing.length]).toEqual([3, 0, 0]);
    const second = await importAccounts({ server: "web1", listAccounts: async () => listed.slice(0, 2) });
    expect([second.created.length, second.updated.length, second.missing.map((a) => a.cpanelUser)]).toEqual([0, 2, ["othernet"]]);
    await expect(importAccounts({ server: "nope", listAccounts: async () => [] })).rejects.toThrow(/No server is named "nope"/);
    expect((await cli(["accounts:import"])).code).toBe(2);
  });

  it("adds users with the password from the environment or stdin, never printing it", async () => {
    const added = await cli(["user:add", "--email", "Customer@Example.com", "--role", "customer", "--name", "Cus"], {
      env: { MAILROOM_USER_PASSWORD: "Demo-customer-2026" },
    });
    expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining("customer@example.com") });
    expect(added.stdout + added.stderr).not.toContain("Demo-customer-2026");
    expect(await verifyUserPassword("customer@example.com", "Demo-customer-2026")).not.toBeNull();

    expect((await cli(["user:add", "--email", "support@example.com", "--role", "support"], { stdin: "Demo-support-2026\n" })).code).toBe(0);
    expect(await verifyUserPassword("support@example.com", "Demo-support-2026")).not.toBeNull();

    expect(await cli(["user:add", "--email", "x@example.com", "--role", "root"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--role"),
    });
    expect(await cli(["user:add", "--email", "x@example.com", "--role", "admin"], { stdin: "short\n" })).toMatchObject({ code: 2 });
    expect(await cli(["user:add", "--email", "customer@example.com", "--role", "admin"])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("already exists"),
    });
  });

  it("changes roles, locks, unlocks and signs out, bumping the session version", async () => {
    const before = (await findUserByEmail("support@example.com"))!.sessionVersion;
    expect((await cli(["user:role", "--email", "support@example.com", "--role", "admin"])).code).toBe(0);
    expect((await cli(["user:lock", "--email", "SUPPORT@example.com"])).stdout).toContain("locked");
    expect((await findUserByEmail("support@example.com"))!.lockedAt).not.toBeNull();
    expect((await cli(["user:unlock", "--email", "support@example.com"])).code).toBe(0);
    expect((await cli(["user:signout-all", "--email", "support@example.com"])).code).toBe(0);
    const after = await findUserByEmail("support@example.com");
    expect(after).toMatchObject({ role: "admin", lockedAt: null, sessionVersion: before + 3 });
    expect(await cli(["user:lock", "--email", "ghost@example.com"])).toMatchObject({ code: 1, stderr: expect.stringContaining("ghost@example.com") });
    expect((await cli(["user:list"])).stdout).toMatch(/support@example\.com\s+admin/);
  });

  it("assigns accounts by cPanel user or id, clears an owner, and lists accounts", async () => {
    const byUser = await cli(["account:assign", "--cpanel-user", "examplecom", "--owner", "customer@example.com"]);
    expect(byUser).toMatchObject({ code: 0, stdout: expect.stringContaining("owner: customer@example.com") });
    const id = /acct_\w+/.exec(byUser.stdout)![0];
    expect((await cli(["account:assign", "--account", id, "--no-owner"])).stdout).toContain("owner: none");
    expect((await cli(["account:assign", "--account", id, "--server", "web1", "--owner", "customer@example.com"])).code).toBe(0);
    expect((await cli(["account:assign", "--cpanel-user", "shopcp", "--server", "web1", "--owner", "customer@example.com"])).code).toBe(0);

    expect(await cli(["account:assign", "--cpanel-user", "nobody", "--owner", "customer@example.com"])).toMatchObject({ code: 1 });
    expect(await cli(["account:assign", "--cpanel-user", "shopcp", "--owner", "ghost@example.com"])).toMatchObject({ code: 1 });
    expect(await cli(["account:assign", "--cpanel-user", "shopcp"])).toMatchObject({ code: 2 });

    const list = await cli(["account:list", "--query", "CUSTOMER@"]);
    expect(list.stdout).toMatch(/examplecom\s+example\.com\s+customer@example\.com/);
    expect(list.stdout).toContain("2 of 2");
    const json = JSON.parse((await cli(["account:list", "--limit", "1", "--json"])).stdout) as { accounts: unknown[]; total: number };
    expect([json.accounts.length, json.total]).toEqual([1, 3]);
    expect((await cli(["account:list", "--limit", "many"])).code).toBe(2);
  });

  it("verifies the audit log's hash chain (audit verify), and fails naming a changed row", async () => {
    for (let i = 0; i < 3; i++) await recordAuditEvent({ action: "mailbox.password.change", target: `m${i}@example.com`, outcome: "success" });
    expect(await cli(["audit", "verify"])).toMatchObject({ code: 0, stdout: expect.stringContaining("intact: 3 rows") });
    const { db } = database.current().handle;
    if (engine === "postgres") await sql`alter table audit_events disable trigger audit_events_no_update`.execute(db);
    else await sql`drop trigger audit_events_no_update`.execute(db);
    await sql`update audit_events set target = 'someone-else@example.com' where seq = 2`.execute(db);
    expect(await cli(["audit:verify"])).toMatchObject({ code: 1, stderr: expect.stringContaining("row 2 was changed") });
  });
});
