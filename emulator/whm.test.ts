import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./test-helpers";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const ok = (command: string, reason = "OK") => ({ command, reason, result: 1, version: 1 });
const fail = (command: string, reason: string) => ({ command, reason, result: 0, version: 1 });

describe("WHM API 1", () => {
  it("answers an unknown function with cPanel's text", async () => {
    expect(await t.whm("no_such_function")).toEqual({
      metadata: fail("no_such_function", 'Unknown app ("no_such_function") requested for this version (1) of the API.'),
    });
  });

  it("listaccts lists every account, with search/searchtype", async () => {
    const all = await t.whm("listaccts");
    expect(all.metadata).toEqual(ok("listaccts"));
    expect(all.data.acct.map((a: { user: string }) => a.user)).toEqual(["examplecom", "othernet", "shopcp"]);
    expect(all.data.acct[0]).toMatchObject({
      user: "examplecom",
      domain: "example.com",
      email: "customer@example.com",
      suspended: 0,
      outgoing_mail_hold: 0,
      outgoing_mail_suspended: 0,
      max_emailacct_quota: "unlimited",
    });
    expect(all.data.acct[0].startdate).toMatch(/^\d\d [A-Z][a-z]{2} \d\d \d\d:\d\d$/);
    const byDomain = await t.whm("listaccts", { search: "example.org", searchtype: "domain" });
    expect(byDomain.data.acct.map((a: { user: string }) => a.user)).toEqual(["examplecom"]);
    const exact = await t.whm("listaccts", { search: "shop", searchtype: "user", searchmethod: "exact" });
    expect(exact).toEqual({ metadata: ok("listaccts") });
    expect((await t.whm("listaccts", { search: "x", searchtype: "colour" })).metadata).toEqual(fail("listaccts", "Unknown search type."));
    const regex = await t.whm("listaccts", { search: "^shop", searchtype: "user" });
    expect(regex.data.acct.map((a: { user: string }) => a.user)).toEqual(["shopcp"]);
  });

  it("accountsummary by user or domain", async () => {
    expect((await t.whm("accountsummary", { user: "shopcp" })).data.acct[0].domain).toBe("shop.example");
    expect((await t.whm("accountsummary", { domain: "example.org" })).data.acct[0].user).toBe("examplecom");
    // Whostmgr/API/1/Accounts.pm accountsummary: "Account does not exist.", acct null (by user) or [] (by domain).
    expect(await t.whm("accountsummary", { user: "ghost" })).toEqual({
      metadata: fail("accountsummary", "Account does not exist."),
      data: { acct: null },
    });
    expect((await t.whm("accountsummary", { domain: "nowhere.example" })).data).toEqual({ acct: [] });
    expect((await t.whm("accountsummary", {})).metadata.reason).toBe("You must specify a user or domain to get a summary of.");
  });

  it("forcepasswordchange as Whostmgr/API/1/Accounts.pm: already-set users dropped, per-user failures, Nothing to do", async () => {
    const r = await t.whm("forcepasswordchange", { users_json: JSON.stringify({ shopcp: 1, examplecom: 1 }) });
    expect(r).toEqual({ metadata: ok("forcepasswordchange"), data: { updated: ["examplecom", "shopcp"] } });
    expect((await t.state("examplecom")).forcePasswordChange).toBe(true);

    // Already flagged: dropped; when nobody is left, result 1 "Nothing to do." and no data.
    expect(await t.whm("forcepasswordchange", { users_json: JSON.stringify({ examplecom: 1 }) })).toEqual({
      metadata: ok("forcepasswordchange", "Nothing to do."),
    });
    // Unflagged and unknown users asked to be cleared: nothing to do either.
    expect((await t.whm("forcepasswordchange", { users_json: JSON.stringify({ othernet: 0, ghost: 0 }) })).metadata.reason).toBe("Nothing to do.");

    const ghost = "Unable to set forced password change for user 'ghost'; check the system log for details.";
    const partial = await t.whm("forcepasswordchange", { users_json: JSON.stringify({ ghost: 1, othernet: 1, examplecom: 1 }) });
    expect(partial).toEqual({ metadata: fail("forcepasswordchange", ghost), data: { updated: ["othernet"], failed: { ghost } } });

    const ghost2 = "Unable to set forced password change for user 'ghost2'; check the system log for details.";
    await t.reset();
    const two = await t.whm("forcepasswordchange", { users_json: JSON.stringify({ ghost2: 1, ghost: 1, othernet: 1 }) });
    expect(two.metadata.reason).toBe("Force password change flags for the following users could not be updated: ghost, ghost2");
    expect(two.data).toEqual({ updated: ["othernet"], failed: { ghost, ghost2 } });

    // stop_on_failure walks cPanel's order (sorted here), not the request's: othernet and zed are never tried.
    await t.reset();
    await t.control("POST", "/__emulator/accounts", { user: "zed", domain: "zed.example" });
    const stopped = await t.whm("forcepasswordchange", { users_json: JSON.stringify({ zed: 1, ghost: 1, othernet: 1 }), stop_on_failure: "1" });
    expect(stopped).toEqual({ metadata: fail("forcepasswordchange", ghost), data: { updated: [], failed: { ghost } } });
    expect((await t.state("othernet")).forcePasswordChange).toBe(false);

    // Invalid names fail the whole call; nothing changes.
    const invalid = await t.whm("forcepasswordchange", { users_json: JSON.stringify({ othernet: 1, "bad name": 1 }) });
    expect(invalid).toEqual({ metadata: fail("forcepasswordchange", "Invalid user(s): bad name") });
    expect((await t.state("othernet")).forcePasswordChange).toBe(false);

    const cleared = await t.whm("forcepasswordchange", { users_json: JSON.stringify({ examplecom: 1 }) });
    expect(cleared.data.updated).toEqual(["examplecom"]);
    expect((await t.whm("forcepasswordchange", { users_json: JSON.stringify({ examplecom: 0 }) })).data.updated).toEqual(["examplecom"]);
    expect((await t.whm("forcepasswordchange", { users_json: "[not json" })).metadata.result).toBe(0);
    expect((await t.whm("forcepasswordchange", {})).metadata).toEqual(fail("forcepasswordchange", "Provide the “users_json” parameter."));
  });

  it("set/get_user_email_forward_destination", async () => {
    expect(await t.whm("get_user_email_forward_destination", { user: "examplecom" })).toEqual({
      metadata: ok("get_user_email_forward_destination"),
      // Cpanel/Email/UserForward.pm: "" (not an empty list) when the user's mail is not forwarded.
      data: { forward_to: "" },
    });
    const set = await t.whm("set_user_email_forward_destination", { user: "examplecom", forward_to: "Admin@example.com,ops@example.net" });
    expect(set).toEqual({ metadata: ok("set_user_email_forward_destination"), data: {} });
    expect((await t.whm("get_user_email_forward_destination", { user: "examplecom" })).data.forward_to).toEqual([
      "admin@example.com",
      "ops@example.net",
    ]);
    expect((await t.state("examplecom")).systemForward).toEqual(["admin@example.com", "ops@example.net"]);
    await t.whm("set_user_email_forward_destination", { user: "examplecom", forward_to: "" });
    expect((await t.whm("get_user_email_forward_destination", { user: "examplecom" })).data.forward_to).toBe("");
    await t.whm("set_user_email_forward_destination", { user: "root", forward_to: "admin@example.com" });
    expect((await t.whm("get_user_email_forward_destination", { user: "root" })).data.forward_to).toEqual(["admin@example.com"]);
    expect((await t.whm("get_user_email_forward_destination", { user: "ghost" })).metadata.reason).toBe("You do not have a user named “ghost”.");
  });

  it.each([
    ["suspend_outgoing_email", "outgoingSuspended", true],
    ["hold_outgoing_email", "outgoingHeld", true],
  ])("%s sets %s and its opposite clears it", async (fn, field, value) => {
    expect(await t.whm(fn, { user: "shopcp" })).toEqual({ metadata: ok(fn) });
    expect((await t.state("shopcp"))[field]).toBe(value);
    expect((await t.state("othernet"))[field]).toBe(false);
    const undo = fn.startsWith("suspend") ? "unsuspend_outgoing_email" : "release_outgoing_email";
    expect(await t.whm(undo, { user: "shopcp" })).toEqual({ metadata: ok(undo) });
    expect((await t.state("shopcp"))[field]).toBe(false);
    expect((await t.whm(fn, { user: "ghost" })).metadata).toEqual(fail(fn, "You do not have a user named “ghost”."));
    expect((await t.whm(fn, {})).metadata).toEqual(fail(fn, "Provide the “user” parameter."));
  });

  it("terminate_cpuser_mailbox_sessions takes `username` and ends that account's sessions", async () => {
    expect((await t.whm("terminate_cpuser_mailbox_sessions", { user: "examplecom" })).metadata).toEqual(
      fail("terminate_cpuser_mailbox_sessions", "Provide the “username” parameter."),
    );
    expect(await t.whm("terminate_cpuser_mailbox_sessions", { username: "examplecom" })).toEqual({
      metadata: ok("terminate_cpuser_mailbox_sessions"),
    });
    expect((await t.state("examplecom")).mailboxes.every((m: { sessions: number }) => m.sessions === 0)).toBe(true);
    expect((await t.state("shopcp")).mailboxes.some((m: { sessions: number }) => m.sessions > 0)).toBe(true);
    expect((await t.whm("terminate_cpuser_mailbox_sessions", { username: "ghost" })).metadata.reason).toBe("You do not have a user named “ghost”.");
  });

  it("list_pops_for returns the account's addresses", async () => {
    const r = await t.whm("list_pops_for", { user: "othernet" });
    expect(r.metadata).toEqual(ok("list_pops_for"));
    expect([...r.data.pops].sort()).toEqual(["admin@example.net", "alice@example.net", "backup@example.net", "bob@example.net", "info@example.net"]);
    expect((await t.whm("list_pops_for", { user: "ghost" })).metadata.result).toBe(0);
  });

  it("get_password_strength uses cPanel's algorithm", async () => {
    expect(await t.whm("get_password_strength", { password: "12345luggage" })).toEqual({
      metadata: ok("get_password_strength"),
      data: { strength: 63 },
    });
    expect((await t.whm("get_password_strength", {})).metadata).toEqual(fail("get_password_strength", "password parameter was not passed"));
  });

  it("create_user_session returns a one-time URL that opens once", async () => {
    const r = await t.whm("create_user_session", { user: "examplecom", service: "cpaneld" });
    expect(r.metadata).toEqual(ok("create_user_session", "Created session"));
    const { url, session, cp_security_token, service, expires } = r.data;
    expect(service).toBe("cpaneld");
    expect(expires).toBeGreaterThan(Date.now() / 1000);
    expect(cp_security_token).toMatch(/^\/cpsess\d{10}$/);
    expect(session).toMatch(/^examplecom:/);
    expect(url).toBe(`${t.cpanelUrl}${cp_security_token}/login/?session=${session}`);
    const first = await t.raw(url);
    expect(first.status).toBe(200);
    expect(first.text).toContain("Signed in to cPanel as <strong>examplecom</strong>");
    const second = await t.raw(url);
    expect(second.status).toBe(401);

    // A cPanel session does not open on the WHM port (and stays usable on the right one).
    const other = await t.whm("create_user_session", { user: "shopcp", service: "cpaneld" });
    const wrongPort = other.data.url.replace(t.cpanelUrl, t.whmUrl);
    expect((await t.raw(wrongPort)).status).toBe(401);
    expect((await t.raw(other.data.url)).status).toBe(200);

    const webmail = await t.whm("create_user_session", { user: "info@example.com", service: "webmaild" });
    const page = await t.raw(webmail.data.url);
    expect(page.text).toContain("Signed in to Webmail as <strong>info@example.com</strong>");

    const whm = await t.whm("create_user_session", { user: "root", service: "whostmgrd" });
    expect(whm.data.url.startsWith(t.whmUrl)).toBe(true);
    expect((await t.raw(whm.data.url)).text).toContain("Signed in to WHM");

    expect((await t.whm("create_user_session", { user: "ghost", service: "cpaneld" })).metadata.reason).toBe("You do not have a user named “ghost”.");
    expect((await t.whm("create_user_session", { user: "examplecom" })).metadata.reason).toBe("Provide the “service” parameter.");
  });
});
