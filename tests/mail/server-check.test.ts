// The read-only server check (lib/mail/server-check.ts) and server admin (lib/mail/servers.ts) against the emulator.
import { describe, expect, it } from "vitest";
import { actorFor, withDemoPanel } from "../support/panel";
import { NotFoundError, ValidationError, AccountNotEligibleError } from "@/lib/core/errors";
import { writeContext } from "@/lib/core/write-context";
import { createServer, findServerByName } from "@/lib/db/servers";
import { listAccountsOnServer } from "@/lib/db/hosting-accounts";
import { runServerCheck } from "@/lib/mail/server-check";
import { addServer, checkServer, importAccountsAsAdmin, listServersForAdmin, serverForAdmin, setServerEnabled } from "@/lib/mail/servers";
import { clientForServer } from "@/lib/mail/cpanel-access";

const panel = withDemoPanel();
const REASON = "Ticket #4242: onboarding a server";

async function control(path: string, body: unknown) {
  const response = await fetch(`${panel().emulator.whmUrl}/__emulator${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator control ${path}: HTTP ${response.status}`);
}

const statuses = (steps: { key: string; status: string }[]) => Object.fromEntries(steps.map((s) => [s.key, s.status]));

describe("server check", () => {
  it("a root token: every step ok, every feature ok, stored as the last check", async () => {
    const demo = (await findServerByName("demo"))!;
    const check = await runServerCheck(demo);
    expect(check.status).toBe("ok");
    expect(statuses(check.steps)).toEqual({
      connection: "ok",
      version: "ok",
      privileges: "ok",
      accounts: "ok",
      mailboxes: "ok",
      "password-strength": "ok",
    });
    expect(check.version).toBe("11.120.0.16");
    expect(check.features.every((f) => f.ok)).toBe(true);
    expect(check.missingAcls).toEqual([]);
    expect(check.accountCount).toBeGreaterThanOrEqual(3);
    expect(check.mailboxRoundTripMs).toEqual(expect.any(Number));
    expect(check.requiredStrength).toEqual(expect.any(Number));
    expect((await findServerByName("demo"))!.lastCheck).toEqual({ at: check.checkedAt, status: "ok" });
  });

  it("a reseller token: the missing ACLs are named per feature and the cPanel calls fail", async () => {
    await control("/resellers", { user: "checkres", token: "CHECKRESELLERTOKEN00000000000000", acls: ["basic-whm-functions", "list-accts"] });
    await control("/accounts", { user: "checkres1", domain: "checkres1.example", owner: "checkres", mailboxes: [{ email: "a@checkres1.example" }] });
    const server = await createServer({
      name: "reseller-check",
      baseUrl: panel().emulator.whmUrl,
      authMode: "whm",
      username: "checkres",
      token: "CHECKRESELLERTOKEN00000000000000",
    });
    const check = await runServerCheck(server);
    expect(check.status).toBe("fail");
    expect(check.missingAcls).toEqual(["acct-summary", "cpanel-api"]);
    expect(check.features.filter((f) => !f.ok).map((f) => f.acl)).toEqual(["cpanel-api", "cpanel-api", "cpanel-api", "acct-summary"]);
    const steps = statuses(check.steps);
    expect(steps).toMatchObject({ connection: "ok", privileges: "fail", accounts: "ok", mailboxes: "fail" });
    expect(check.accountCount).toBe(1);
    expect(check.steps.find((s) => s.key === "privileges")!.message).toMatch(/cpanel-api \(Mailboxes, Forwarders, Autoresponders\)/);
    expect(check.steps.find((s) => s.key === "mailboxes")!.message).toMatch(/lacks cpanel-api/);

    // Its accounts import (list-accts is enough), through the one importer.
    const admin = await actorFor("admin@example.com");
    const imported = await importAccountsAsAdmin(writeContext(admin, "web", REASON), server.id);
    expect(imported).toMatchObject({ created: 1, updated: 0 });
    expect((await listAccountsOnServer(server.id)).map((a) => a.cpanelUser)).toEqual(["checkres1"]);
  });

  it("a refused token fails the first step with a clear sentence, and stops", async () => {
    const server = await createServer({
      name: "bad-token",
      baseUrl: panel().emulator.whmUrl,
      authMode: "whm",
      username: "root",
      token: "WRONGTOKEN000000000000000000000",
    });
    const check = await runServerCheck(server);
    expect(check.status).toBe("fail");
    expect(check.steps).toHaveLength(1);
    expect(check.steps[0]).toMatchObject({ key: "connection", status: "fail" });
    expect(check.steps[0]!.message).toMatch(/^WHM refused the token of root \(HTTP 403\): check the user name and the token/);
    expect(JSON.stringify(check)).not.toContain("WRONGTOKEN");
  });

  it("an unreachable URL fails with what to check", async () => {
    const server = await createServer({ name: "unreachable", baseUrl: "http://127.0.0.1:9", authMode: "whm", username: "root", token: "ANYTOKEN" });
    const check = await runServerCheck(server);
    expect(check.status).toBe("fail");
    expect(check.steps[0]).toMatchObject({ key: "connection", status: "fail" });
    expect(check.steps[0]!.message).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\): check the URL, the port and the firewall/);
  });
});

describe("server admin", () => {
  it("admins add, list, disable and enable servers; a disabled server's accounts are not called", async () => {
    const admin = await actorFor("admin@example.com");
    const context = () => writeContext(admin, "web", REASON);
    await expect(
      addServer(context(), { name: "x", baseUrl: "ftp://x", authMode: "whm", username: "root", token: "T", caPem: "not a pem" }),
    ).rejects.toMatchObject({
      fieldErrors: { baseUrl: [expect.any(String)], caPem: [expect.any(String)] },
    });
    await expect(
      addServer(context(), { name: "demo", baseUrl: "https://x.example:2087", authMode: "whm", username: "root", token: "T" }),
    ).rejects.toBeInstanceOf(ValidationError);
    const added = await addServer(context(), {
      name: "web2",
      baseUrl: panel().emulator.whmUrl,
      authMode: "whm",
      username: "root",
      token: panel().emulator.whmToken,
    });
    expect((await listServersForAdmin(admin)).map((s) => s.name)).toContain("web2");
    expect(JSON.stringify(await serverForAdmin(admin, added.id))).not.toContain(panel().emulator.whmToken);

    await checkServer(admin, added.id);
    expect((await serverForAdmin(admin, added.id)).lastCheck!.status).toBe("ok");

    await setServerEnabled(context(), added.id, false);
    await expect(clientForServer(added.id)).rejects.toBeInstanceOf(AccountNotEligibleError);
    await expect(importAccountsAsAdmin(context(), added.id)).rejects.toBeInstanceOf(ValidationError);
    await setServerEnabled(context(), added.id, true);
    await expect(clientForServer(added.id)).resolves.toBeTruthy();
  });

  it("a pasted CA reaches the cPanel client as PEM text (no temp file): text that is no certificate is refused there", async () => {
    // createServer skips the form's PEM check, so only the client's own check can refuse it.
    const server = await createServer({
      name: "pasted-ca",
      baseUrl: panel().emulator.whmUrl,
      authMode: "whm",
      username: "root",
      token: panel().emulator.whmToken,
      caPem: "not a certificate",
    });
    await expect(clientForServer(server.id)).rejects.toThrow(/not a PEM certificate/);
    const check = await runServerCheck(server);
    expect(check.steps[0]).toMatchObject({ key: "connection", status: "fail" });
  });

  it("support and customers get not found", async () => {
    const { support, customer } = panel();
    const demo = (await findServerByName("demo"))!;
    await expect(listServersForAdmin(support)).rejects.toBeInstanceOf(NotFoundError);
    await expect(checkServer(customer, demo.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
