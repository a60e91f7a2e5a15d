import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_MAILBOX_PASSWORD, STRONG, mailboxOf, startTestEmulator, type TestEmulator } from "./test-helpers";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

/** Asserts a UAPI failure with exactly these errors and the bare envelope. */
function expectFailure(r: Record<string, unknown>, error: string) {
  expect(r).toEqual({ status: 0, data: null, errors: [error], messages: null, warnings: null, metadata: {} });
}

describe("UAPI envelope", () => {
  it("is the bare result object with nulls for empty lists", async () => {
    const r = await t.uapi("Email", "get_pop_quota", { email: "info", domain: "example.com" });
    expect(r).toEqual({ status: 1, data: 1024, errors: null, messages: null, warnings: null, metadata: {} });
  });

  it("accepts GET query strings; POST body params win over the query", async () => {
    expect((await t.uapiGet("Email", "get_pop_quota", { email: "info@example.com" })).data).toBe(1024);
    const r = await t.raw(`${t.cpanelUrl}/execute/Email/get_pop_quota?email=nobody@example.com`, {
      method: "POST",
      headers: { Authorization: "cpanel examplecom:EXAMPLECOMDEMOTOKEN0000000000000", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=sales@example.com",
    });
    expect(r.json?.data).toBe(2048);
  });

  it("answers an unknown function or module with status 0", async () => {
    expectFailure(await t.uapi("Email", "no_such_fn"), "Could not find function “no_such_fn” in module “Email”.");
    expectFailure(await t.uapi("NoSuchModule", "x"), "Failed to load module “NoSuchModule”: the module does not exist.");
  });

  it("reports missing arguments as cPanel does", async () => {
    expectFailure(await t.uapi("Email", "passwd_pop", { password: STRONG }), "Provide the “email” argument.");
    expectFailure(await t.uapi("Email", "passwd_pop", { email: "info@example.com" }), "Provide the “password” argument.");
    expectFailure(await t.uapi("Email", "list_forwarders"), "Provide the “domain” argument.");
  });
});

describe("list_pops / list_pops_with_disk", () => {
  it("list_pops returns addresses, login and the main account unless skip_main=1", async () => {
    const r = await t.uapi("Email", "list_pops");
    expect(r.metadata).toEqual({ transformed: 1 });
    const rows = r.data as Array<Record<string, unknown>>;
    expect(rows).toContainEqual({ email: "jane@example.com", login: "jane@example.com", suspended_incoming: 0, suspended_login: 1 });
    expect(rows).toContainEqual({ email: "examplecom", login: "Main Account", suspended_incoming: 0, suspended_login: 0 });
    const skipped = (await t.uapi("Email", "list_pops", { skip_main: "1" })).data as Array<Record<string, unknown>>;
    expect(skipped.find((p) => p.login === "Main Account")).toBeUndefined();
    expect(skipped).toHaveLength(7);
  });

  it("list_pops_with_disk gives bytes and MB and flags only with get_restrictions=1", async () => {
    const plain = (await t.uapi("Email", "list_pops_with_disk")).data as Array<Record<string, unknown>>;
    const info = plain.find((p) => p.email === "info@example.com")!;
    expect(info).toMatchObject({
      login: "info@example.com",
      user: "info",
      domain: "example.com",
      _diskquota: 1024 * 1024 * 1024,
      _diskused: 350 * 1024 * 1024,
      diskquota: 1024,
      txtdiskquota: 1024,
      humandiskquota: "1024\u00a0MB",
      diskused: 350,
      humandiskused: "350.00\u00a0MB",
      diskusedpercent: 34,
    });
    expect(info).not.toHaveProperty("suspended_login");
    expect(info).not.toHaveProperty("has_suspended");
    const support = plain.find((p) => p.email === "support@example.com")!;
    expect(support).toMatchObject({ _diskquota: 0, diskquota: "unlimited", txtdiskquota: "unlimited", humandiskquota: "None", diskusedpercent: 0 });

    const flagged = (await t.uapi("Email", "list_pops_with_disk", { get_restrictions: "1" })).data as Array<Record<string, unknown>>;
    expect(flagged.find((p) => p.email === "support@example.com")).toMatchObject({
      suspended_login: 0,
      suspended_incoming: 0,
      suspended_outgoing: 0,
      hold_outgoing: 1,
      has_suspended: 1,
    });
    expect(flagged.find((p) => p.email === "info@example.com")).toMatchObject({ has_suspended: 0 });
  });

  it("treats only 1 as true (cPanel does not accept literal true/false)", async () => {
    const rows = (await t.uapi("Email", "list_pops_with_disk", { get_restrictions: "true" })).data as Array<Record<string, unknown>>;
    expect(rows[0]).not.toHaveProperty("has_suspended");
  });

  it("list_pops_with_disk filters by domain, email and regex", async () => {
    const org = (await t.uapi("Email", "list_pops_with_disk", { domain: "example.org" })).data as Array<{ email: string }>;
    expect(org.map((p) => p.email).sort()).toEqual(["contact@example.org", "newsletter@example.org"]);
    const one = (await t.uapi("Email", "list_pops_with_disk", { email: "info", domain: "example.com" })).data as unknown[];
    expect(one).toHaveLength(1);
    const re = (await t.uapi("Email", "list_pops_with_disk", { regex: "^s" })).data as Array<{ email: string }>;
    expect(re.map((p) => p.email).sort()).toEqual(["sales@example.com", "support@example.com"]);
  });
});

describe("add_pop / delete_pop", () => {
  it("creates a mailbox (case-insensitive) and answers local+domain", async () => {
    const r = await t.uapi("Email", "add_pop", { email: "New.Person", domain: "Example.ORG", password: STRONG, quota: "300" });
    expect(r.status).toBe(1);
    expect(r.data).toBe("new.person+example.org");
    const m = mailboxOf(await t.state("examplecom"), "new.person@example.org");
    expect(m).toMatchObject({ quotaMb: 300, diskUsedBytes: 0 });
    expect((await t.uapi("Email", "verify_password", { email: "NEW.PERSON@example.org", password: STRONG })).data).toBe(1);
  });

  it("defaults to the main domain and accepts unlimited", async () => {
    await t.uapi("Email", "add_pop", { email: "plain", password: STRONG, quota: "unlimited" });
    expect(mailboxOf(await t.state("examplecom"), "plain@example.com")?.quotaMb).toBeNull();
    await t.uapi("Email", "add_pop", { email: "zero@example.com", password: STRONG, quota: "0" });
    expect(mailboxOf(await t.state("examplecom"), "zero@example.com")?.quotaMb).toBeNull();
  });

  it("refuses bad input with cPanel's texts and leaves the state alone", async () => {
    const before = await t.state("examplecom");
    expectFailure(await t.uapi("Email", "add_pop", { email: "info", password: STRONG }), "The email address “info@example.com” already exists.");
    expectFailure(
      await t.uapi("Email", "add_pop", { email: "x@example.co.uk", password: STRONG }),
      "The domain “example.co.uk” does not exist on this account.",
    );
    expectFailure(
      await t.uapi("Email", "add_pop", { email: "bad address", password: STRONG }),
      "“bad address@example.com” is not a valid email address.",
    );
    expectFailure(
      await t.uapi("Email", "add_pop", { email: "a..b@example.com", password: STRONG }),
      "“a..b@example.com” is not a valid email address.",
    );
    expectFailure(
      await t.uapi("Email", "add_pop", { email: "weak", password: "password" }),
      "The given password is too weak. Please enter a password with a strength rating of 65 or higher.",
    );
    expectFailure(await t.uapi("Email", "add_pop", { email: "nopw" }), "Provide the “password” argument.");
    expect(await t.state("examplecom")).toEqual(before);
  });

  it("enforces the account's max email quota", async () => {
    expect(
      (await t.control("POST", "/__emulator/accounts", { user: "capped", domain: "capped.example", token: "CAPPEDTOKEN", maxEmailQuotaMb: 500 }))
        .status,
    ).toBe(201);
    const auth = "cpanel capped:CAPPEDTOKEN";
    expectFailure(
      await t.uapi("Email", "add_pop", { email: "big", password: STRONG, quota: "600" }, auth),
      "The quota of 600 MB exceeds the maximum email quota of 500 MB for this account.",
    );
    expectFailure(
      await t.uapi("Email", "add_pop", { email: "big", password: STRONG, quota: "unlimited" }, auth),
      "You cannot set an unlimited quota: this account's maximum email quota is 500 MB.",
    );
    expect((await t.state("capped")).mailboxes).toEqual([]);
    await t.uapi("Email", "add_pop", { email: "ok", password: STRONG }, auth);
    expect(mailboxOf(await t.state("capped"), "ok@capped.example")?.quotaMb).toBe(500);
    // edit_pop_quota silently caps at the max.
    await t.uapi("Email", "edit_pop_quota", { email: "ok", domain: "capped.example", quota: "9999" }, auth);
    expect(mailboxOf(await t.state("capped"), "ok@capped.example")?.quotaMb).toBe(500);
    await t.uapi("Email", "edit_pop_quota", { email: "ok", domain: "capped.example", quota: "100" }, auth);
    expect(mailboxOf(await t.state("capped"), "ok@capped.example")?.quotaMb).toBe(100);
  });

  it("delete_pop removes the mailbox, its sessions and autoresponder, keeps forwarders", async () => {
    await t.uapi("Email", "add_forwarder", { domain: "example.com", email: "support", fwdopt: "fwd", fwdemail: "info@example.com" });
    expect((await t.uapi("Email", "delete_pop", { email: "SUPPORT@example.com" })).data).toBeNull();
    const s = await t.state("examplecom");
    expect(mailboxOf(s, "support@example.com")).toBeUndefined();
    expect(s.autoresponders.find((a: { email: string }) => a.email === "support@example.com")).toBeUndefined();
    expect(s.forwarders).toContainEqual({ address: "support@example.com", kind: "fwd", forward: "info@example.com" });
  });

  it("delete_pop of a missing mailbox fails", async () => {
    const before = await t.state("examplecom");
    expectFailure(
      await t.uapi("Email", "delete_pop", { email: "ghost", domain: "example.com" }),
      "You do not have an email account named “ghost@example.com”.",
    );
    expect(await t.state("examplecom")).toEqual(before);
  });
});

describe("passwords", () => {
  it("passwd_pop changes the password (full address or local part + domain)", async () => {
    const r = await t.uapi("Email", "passwd_pop", { email: "info", domain: "example.com", password: STRONG });
    expect(r).toEqual({ status: 1, data: null, errors: null, messages: null, warnings: null, metadata: {} });
    expect((await t.uapi("Email", "verify_password", { email: "info@example.com", password: STRONG })).data).toBe(1);
    expect((await t.uapi("Email", "verify_password", { email: "info@example.com", password: DEMO_MAILBOX_PASSWORD })).data).toBe(0);
    // Sessions are kept (cPanel only flushes the auth cache).
    expect(mailboxOf(await t.state("examplecom"), "info@example.com")?.sessions).toBe(2);
  });

  it("passwd_pop refuses weak passwords and missing mailboxes; the old password still works", async () => {
    expectFailure(
      await t.uapi("Email", "passwd_pop", { email: "info@example.com", password: "12345luggage" }),
      "The given password is too weak. Please enter a password with a strength rating of 65 or higher.",
    );
    expectFailure(
      await t.uapi("Email", "passwd_pop", { email: "ghost@example.com", password: STRONG }),
      "You do not have an email account named “ghost@example.com”.",
    );
    expectFailure(
      await t.uapi("Email", "passwd_pop", { email: "info@nothere.example", password: STRONG }),
      "The domain “nothere.example” does not exist on this account.",
    );
    expect((await t.uapi("Email", "verify_password", { email: "info@example.com", password: DEMO_MAILBOX_PASSWORD })).data).toBe(1);
  });

  it("PasswdStrength::get_required_strength returns the configured minimum", async () => {
    expect((await t.uapi("PasswdStrength", "get_required_strength", { app: "pop" })).data).toEqual({ strength: 65 });
    expect((await t.uapi("PasswdStrength", "get_required_strength", { app: "virtual" })).data).toEqual({ strength: 65 });
    expect((await t.uapi("PasswdStrength", "get_required_strength", {})).errors).toEqual(["Provide the “app” argument."]);
    expect((await t.uapi("PasswdStrength", "get_required_strength", { app: "nope" })).status).toBe(0);
  });

  it("uses EMULATOR_MIN_PW_STRENGTH", async () => {
    const strict = await startTestEmulator({ minPwStrength: 100 });
    try {
      const r = await strict.uapi("Email", "passwd_pop", { email: "info@example.com", password: "xK9#mq2L" });
      expect(r.errors).toEqual(["The given password is too weak. Please enter a password with a strength rating of 100."]);
      expect((await strict.uapi("Email", "passwd_pop", { email: "info@example.com", password: STRONG })).status).toBe(1);
    } finally {
      await strict.close();
    }
  });
});

describe("quotas", () => {
  it("edit_pop_quota / get_pop_quota in MB and bytes, 0 = unlimited", async () => {
    await t.uapi("Email", "edit_pop_quota", { email: "info", domain: "example.com", quota: "250" });
    expect((await t.uapi("Email", "get_pop_quota", { email: "info" })).data).toBe(250);
    expect((await t.uapi("Email", "get_pop_quota", { email: "info", as_bytes: "1" })).data).toBe(262144000);
    await t.uapi("Email", "edit_pop_quota", { email: "info", domain: "example.com", quota: "unlimited" });
    expect((await t.uapi("Email", "get_pop_quota", { email: "info" })).data).toBe(0);
  });

  it("edit_pop_quota needs the domain with a local part and refuses junk", async () => {
    expectFailure(await t.uapi("Email", "edit_pop_quota", { email: "info", quota: "10" }), "Provide the “domain” argument.");
    expectFailure(
      await t.uapi("Email", "edit_pop_quota", { email: "info", domain: "example.com", quota: "lots" }),
      "“lots” is not a valid quota. Use a positive number of megabytes or “unlimited”.",
    );
    expectFailure(
      await t.uapi("Email", "edit_pop_quota", { email: "ghost", domain: "example.com", quota: "10" }),
      "You do not have an email account named “ghost@example.com”.",
    );
    expect(mailboxOf(await t.state("examplecom"), "info@example.com")?.quotaMb).toBe(1024);
  });
});

describe("suspensions and sessions", () => {
  it.each([
    ["suspend_login", "suspendedLogin", true, null],
    ["suspend_incoming", "suspendedIncoming", true, null],
    ["suspend_outgoing", "suspendedOutgoing", true, 1],
    ["hold_outgoing", "holdOutgoing", true, null],
  ])("%s sets %s", async (fn, field, value, data) => {
    const r = await t.uapi("Email", fn, { email: "info@example.com" });
    expect(r.status).toBe(1);
    expect(r.data).toBe(data);
    expect(mailboxOf(await t.state("examplecom"), "info@example.com")?.[field]).toBe(value);
  });

  it.each([
    ["unsuspend_login", "jane@example.com", "suspendedLogin", null],
    ["unsuspend_incoming", "old@example.com", "suspendedIncoming", 1],
    ["unsuspend_outgoing", "newsletter@example.org", "suspendedOutgoing", null],
    ["release_outgoing", "support@example.com", "holdOutgoing", null],
  ])("%s clears the flag of %s", async (fn, email, field, data) => {
    expect(mailboxOf(await t.state("examplecom"), email)?.[field]).toBe(true);
    const r = await t.uapi("Email", fn, { email });
    expect(r.data).toBe(data);
    expect(mailboxOf(await t.state("examplecom"), email)?.[field]).toBe(false);
  });

  it("suspend_login ends that mailbox's sessions only", async () => {
    await t.uapi("Email", "suspend_login", { email: "info@example.com" });
    const s = await t.state("examplecom");
    expect(mailboxOf(s, "info@example.com")?.sessions).toBe(0);
    expect(mailboxOf(s, "contact@example.org")?.sessions).toBe(1);
  });

  it("suspension functions refuse unknown mailboxes", async () => {
    expectFailure(
      await t.uapi("Email", "suspend_login", { email: "ghost@example.com" }),
      "You do not have an email account named “ghost@example.com”.",
    );
    expectFailure(await t.uapi("Email", "suspend_outgoing", {}), "Provide the “email” argument.");
  });

  it("terminate_mailbox_sessions ends every session of the account", async () => {
    await t.control("POST", "/__emulator/sessions", { email: "info@shop.example" });
    const r = await t.uapi("Email", "terminate_mailbox_sessions");
    expect(r.status).toBe(1);
    const s = await t.state("examplecom");
    expect(s.mailboxes.every((m: { sessions: number }) => m.sessions === 0)).toBe(true);
    expect(mailboxOf(await t.state("shopcp"), "info@shop.example")?.sessions).toBe(2);
  });
});

describe("forwarders", () => {
  it("add_forwarder handles every fwdopt and lists them", async () => {
    const fwd = await t.uapi("Email", "add_forwarder", {
      domain: "example.com",
      email: "Team",
      fwdopt: "fwd",
      fwdemail: "a@example.net, B@example.net",
    });
    expect(fwd.data).toEqual([
      { domain: "example.com", email: "team@example.com", forward: "a@example.net" },
      { domain: "example.com", email: "team@example.com", forward: "b@example.net" },
    ]);
    expect(
      (await t.uapi("Email", "add_forwarder", { domain: "example.com", email: "gone@example.com", fwdopt: "fail", failmsgs: "Left the company" }))
        .data,
    ).toEqual([{ domain: "example.com", email: "gone@example.com", forward: ":fail: Left the company" }]);
    expect((await t.uapi("Email", "add_forwarder", { domain: "example.com", email: "void", fwdopt: "blackhole" })).data).toEqual([
      { domain: "example.com", email: "void@example.com", forward: ":blackhole:" },
    ]);
    expect((await t.uapi("Email", "add_forwarder", { domain: "example.com", email: "prog", fwdopt: "pipe", pipefwd: "bin/handle.pl" })).data).toEqual(
      [{ domain: "example.com", email: "prog@example.com", forward: "|/home/examplecom/bin/handle.pl" }],
    );
    expect((await t.uapi("Email", "add_forwarder", { domain: "example.com", email: "sys", fwdopt: "system", fwdsystem: "examplecom" })).data).toEqual(
      [{ domain: "example.com", email: "sys@example.com", forward: "examplecom" }],
    );
    const list = await t.uapi("Email", "list_forwarders", { domain: "example.com" });
    expect(list.metadata).toEqual({ transformed: 1 });
    expect(list.data).toContainEqual({
      dest: "team@example.com",
      forward: "a@example.net",
      html_dest: "team@example.com",
      html_forward: "a@example.net",
      uri_dest: "team%40example.com",
      uri_forward: "a%40example.net",
    });
    const forwards = (list.data as Array<{ dest: string; forward: string }>).map((f) => `${f.dest}>${f.forward}`);
    expect(forwards).toEqual(
      expect.arrayContaining(["gone@example.com>:fail: Left the company", "void@example.com>:blackhole:", "sys@example.com>examplecom"]),
    );
    const filtered = (await t.uapi("Email", "list_forwarders", { domain: "example.com", regex: "^team" })).data as unknown[];
    expect(filtered).toHaveLength(2);
  });

  it("keeps one copy of a duplicate forwarder without an error", async () => {
    const params = { domain: "example.com", email: "hello", fwdopt: "fwd", fwdemail: "info@example.com" };
    expect((await t.uapi("Email", "add_forwarder", params)).status).toBe(1);
    const s = await t.state("examplecom");
    expect(
      s.forwarders.filter((f: { address: string; forward: string }) => f.address === "hello@example.com" && f.forward === "info@example.com"),
    ).toHaveLength(1);
  });

  it("refuses bad forwarders and leaves the state alone", async () => {
    const before = await t.state("examplecom");
    expectFailure(
      await t.uapi("Email", "add_forwarder", { domain: "example.com", email: "x", fwdopt: "fwd", fwdemail: "not an address" }),
      "“not an address” is not a valid email address.",
    );
    expectFailure(await t.uapi("Email", "add_forwarder", { domain: "example.com", email: "x", fwdopt: "fwd" }), "Provide the “fwdemail” argument.");
    expectFailure(
      await t.uapi("Email", "add_forwarder", { domain: "nothere.example", email: "x", fwdopt: "blackhole" }),
      "The domain “nothere.example” does not exist on this account.",
    );
    expectFailure(
      await t.uapi("Email", "add_forwarder", { domain: "example.com", email: "x", fwdopt: "teleport" }),
      "The “fwdopt” argument must be one of “fwd”, “fail”, “blackhole”, “pipe”, “system”, not “teleport”.",
    );
    expectFailure(
      await t.uapi("Email", "add_forwarder", { domain: "example.com", email: "x", fwdopt: "system", fwdsystem: "root" }),
      "“root” is not a system user on this account.",
    );
    expectFailure(
      await t.uapi("Email", "delete_forwarder", { address: "hello@example.com", forwarder: "nobody@example.com" }),
      "You do not have a forwarder from “hello@example.com” to “nobody@example.com”.",
    );
    expect(await t.state("examplecom")).toEqual(before);
  });

  it("delete_forwarder removes one destination", async () => {
    expect((await t.uapi("Email", "delete_forwarder", { address: "hello@example.com", forwarder: "info@example.com" })).data).toBeNull();
    const s = await t.state("examplecom");
    const hello = s.forwarders.filter((f: { address: string }) => f.address === "hello@example.com");
    expect(hello).toEqual([{ address: "hello@example.com", kind: "fwd", forward: "sales@example.com" }]);
  });

  it("domain forwarders: add, list, delete", async () => {
    expect((await t.uapi("Email", "list_domain_forwarders")).data).toEqual([{ dest: "example.org", forward: "example.com" }]);
    expect((await t.uapi("Email", "add_domain_forwarder", { domain: "example.com", destdomain: "Example.NET" })).data).toBe(
      'File updated "/etc/vdomainaliases/example.com"',
    );
    expect((await t.uapi("Email", "list_domain_forwarders", { domain: "example.com" })).data).toEqual([
      { dest: "example.com", forward: "example.net" },
    ]);
    expect((await t.uapi("Email", "delete_domain_forwarder", { domain: "example.org" })).status).toBe(1);
    expect((await t.state("examplecom")).domainForwarders).toEqual([{ domain: "example.com", destdomain: "example.net" }]);
    expectFailure(
      await t.uapi("Email", "delete_domain_forwarder", { domain: "example.org" }),
      "You do not have a domain forwarder for “example.org”.",
    );
    expectFailure(
      await t.uapi("Email", "add_domain_forwarder", { domain: "shop.example", destdomain: "example.com" }),
      "The domain “shop.example” does not exist on this account.",
    );
    expectFailure(
      await t.uapi("Email", "add_domain_forwarder", { domain: "example.com", destdomain: "not a domain" }),
      "“not a domain” is not a valid domain name.",
    );
  });
});

describe("autoresponders", () => {
  const ar = {
    email: "info",
    domain: "example.com",
    from: "Info Desk",
    subject: "Away",
    body: "Back soon",
    interval: "8",
    is_html: "0",
    start: "1767225600",
    stop: "1798761600",
  };

  it("add, get, list, delete", async () => {
    expect((await t.uapi("Email", "add_auto_responder", ar)).data).toBeNull();
    expect((await t.uapi("Email", "get_auto_responder", { email: "info@example.com" })).data).toEqual({
      body: "Back soon",
      charset: "utf-8",
      from: "Info Desk",
      interval: 8,
      is_html: 0,
      start: 1767225600,
      stop: 1798761600,
      subject: "Away",
    });
    const list = await t.uapi("Email", "list_auto_responders", { domain: "example.com" });
    expect(list.data).toEqual([
      { email: "info@example.com", subject: "Away" },
      { email: "support@example.com", subject: "We received your message" },
    ]);
    expect((await t.uapi("Email", "delete_auto_responder", { email: "info@example.com" })).status).toBe(1);
    expectFailure(
      await t.uapi("Email", "get_auto_responder", { email: "info@example.com" }),
      "You do not have an autoresponder for “info@example.com”.",
    );
    expectFailure(
      await t.uapi("Email", "delete_auto_responder", { email: "info@example.com" }),
      "You do not have an autoresponder for “info@example.com”.",
    );
  });

  it("takes empty start/stop as cPanel's own form sends them (Immediately / Never) and reads them back empty", async () => {
    expect((await t.uapi("Email", "add_auto_responder", { ...ar, start: "", stop: "" })).status).toBe(1);
    const got = (await t.uapi("Email", "get_auto_responder", { email: "info@example.com" })).data;
    expect(got).toMatchObject({ start: "", stop: "" });
    const { stop: _stop, ...withoutStop } = ar;
    expectFailure(await t.uapi("Email", "add_auto_responder", withoutStop), "Provide the “stop” argument.");
  });

  it("validates its arguments", async () => {
    expectFailure(await t.uapi("Email", "add_auto_responder", { ...ar, subject: "" }), "Provide the “subject” argument.");
    expectFailure(await t.uapi("Email", "add_auto_responder", { ...ar, start: "soon" }), "The “start” argument must be a whole number, not “soon”.");
    expectFailure(
      await t.uapi("Email", "add_auto_responder", { ...ar, domain: "nothere.example" }),
      "The domain “nothere.example” does not exist on this account.",
    );
    expect((await t.state("examplecom")).autoresponders).toHaveLength(1);
  });
});

describe("list_mail_domains", () => {
  it("lists the main domain first", async () => {
    expect((await t.uapi("Email", "list_mail_domains", { select: "example.org" })).data).toEqual([
      { domain: "example.com", select: 0 },
      { domain: "example.org", select: 1 },
    ]);
  });
});
