// Audit events in words: one row per action the code records, what the Activity page and the audit log show.
import { describe, expect, it } from "vitest";
import {
  describeAuditEvent as describeWith,
  knownAuditActions as knownWith,
  matchAuditActions as matchWith,
  type DescribableEvent,
} from "@/lib/audit/describe";
import { auditWords, englishAuditWords } from "@/lib/i18n/audit-words";
import de from "@/messages/de.json";
import sv from "@/messages/sv.json";

// The English words, as the page shows them to an English reader (and as they read before the panel had languages).
const describeAuditEvent = (event: DescribableEvent) => describeWith(event, englishAuditWords);
const knownAuditActions = knownWith(englishAuditWords);
const matchAuditActions = (text: string) => matchWith(text, englishAuditWords);

type Row = [name: string, event: DescribableEvent, title: string, detail: string | null];

const ev = (action: string, outcome: string, detail: Record<string, unknown> = {}, target: string | null = null): DescribableEvent => ({
  action,
  outcome,
  target,
  detail: { via: "web", ip: "203.0.113.9", ...detail },
});

const TABLE: Row[] = [
  [
    "quota change",
    ev("mailbox.settings.update", "success", { changes: { quotaMb: { before: 777, after: 1000 } }, password: false }),
    "Changed mailbox settings",
    "Quota 777 → 1,000 MB.",
  ],
  [
    "quota to unlimited, flags, autoresponder, forwards, password",
    ev("mailbox.settings.update", "success", {
      changes: {
        quotaMb: { before: 500, after: null },
        suspendLogin: { before: false, after: true },
        holdOutgoing: { before: true, after: false },
        autoresponder: { before: null, after: { subject: "Away", body: "secret plans" } },
        forwards: { before: ["a@example.com"], after: ["b@example.com"] },
      },
      password: true,
    }),
    "Changed mailbox settings",
    "Quota 500 MB → unlimited. Login suspended. Held outgoing mail released. Autoresponder turned on. Forwards: added b@example.com; removed a@example.com. Password changed.",
  ],
  [
    "settings refused before sending",
    ev("mailbox.settings.update", "failure", { error: "ValidationError", message: "Check the highlighted fields." }),
    "Changed mailbox settings",
    "Refused: check the highlighted fields.",
  ],
  [
    "settings failed at cPanel",
    ev("mailbox.settings.update", "failure", {
      changes: { quotaMb: { before: 777, after: 1000 } },
      error: "UpstreamError",
      message: "The cPanel server “web1” refused the change.",
    }),
    "Changed mailbox settings",
    "Quota 777 → 1,000 MB. Failed: The cPanel server “web1” refused the change.",
  ],
  [
    "settings not confirmed",
    ev("mailbox.settings.update", "unknown", {
      changes: { suspendIncoming: { before: false, after: true } },
      message: "cPanel did not answer in time.",
    }),
    "Changed mailbox settings",
    "Incoming mail suspended. Not confirmed: cPanel did not answer in time.",
  ],
  [
    "forwarder loop",
    ev(
      "mailbox.forwarder.add",
      "failure",
      {
        source: "sales@example.com",
        kind: "address",
        destinations: ["info@example.com"],
        error: "invalid",
        fields: { destinations: ["The forwarder would loop sales@example.com → info@example.com → sales@example.com"] },
      },
      "sales@example.com",
    ),
    "Added a forwarder",
    "sales@example.com → info@example.com. Refused: the forwarder would loop sales@example.com → info@example.com → sales@example.com.",
  ],
  [
    "pipe forwarder never shows the command",
    ev("mailbox.forwarder.add", "denied", { source: "s@example.com", kind: "pipe", destination: "/home/u/bin/x --token=abc", error: "staff_only" }),
    "Added a forwarder",
    "s@example.com → a program on the server. Refused: only support may do this.",
  ],
  [
    "forwarder removed",
    ev("mailbox.forwarder.remove", "success", { source: "s@example.com", destination: "d@example.org", kind: "address" }),
    "Removed a forwarder",
    "s@example.com → d@example.org.",
  ],
  [
    "bounce forwarder",
    ev("mailbox.forwarder.add", "success", { source: "s@example.com", kind: "fail" }),
    "Added a forwarder",
    "s@example.com → bounce mail to the sender.",
  ],
  ["mailbox created", ev("mailbox.create", "success", {}, "new@example.com"), "Created a mailbox", null],
  [
    "mailbox create refused by field",
    ev("mailbox.create", "failure", { error: "invalid", fields: { localPart: ["WHM already has this address"] } }),
    "Created a mailbox",
    "Refused: WHM already has this address.",
  ],
  ["mailbox deleted", ev("mailbox.delete", "success", { before: { quotaMb: 100, diskUsedBytes: 5 } }), "Deleted a mailbox", null],
  ["mailbox password", ev("mailbox.password.change", "success"), "Changed the mailbox password", null],
  [
    "mailbox password too weak",
    ev("mailbox.password.change", "failure", {
      error: "PasswordTooWeakError",
      message: "The password does not meet the policy.",
      fields: { newPassword: ["Use at least 12 characters"] },
    }),
    "Changed the mailbox password",
    "Refused: use at least 12 characters.",
  ],
  ["held mail deleted", ev("mailbox.held_mail.delete", "success"), "Deleted held outgoing mail", null],
  ["webmail", ev("mailbox.webmail.open", "success", { service: "webmaild" }), "Opened Webmail as the mailbox", "Service: Webmail."],
  [
    "settings e-mailed",
    ev("mailbox.client_settings.send", "success", { to: "jo@example.net" }),
    "E-mailed the mail app settings",
    "Sent to jo@example.net.",
  ],
  [
    "secure mailbox",
    ev("mailbox.secure", "success", { incidentId: "inc_1", steps: { suspend_login: "done", hold_outgoing: "already" }, inEffect: true }),
    "Secured a mailbox after an incident",
    "Steps: suspend login done, hold outgoing already.",
  ],
  ["secure: suspend login", ev("mailbox.secure.suspend_login", "success", { incidentId: "inc_1" }), "Suspended login (securing a mailbox)", null],
  ["secure: hold outgoing", ev("mailbox.secure.hold_outgoing", "success", { incidentId: "inc_1" }), "Held outgoing mail (securing a mailbox)", null],
  [
    "secure: new password",
    ev("mailbox.secure.replace_password", "success", { incidentId: "inc_1" }),
    "Replaced the password (securing a mailbox)",
    null,
  ],
  [
    "secure: sessions",
    ev("mailbox.secure.end_sessions", "success", { incidentId: "inc_1", scope: "account" }),
    "Ended every mail session (securing a mailbox)",
    null,
  ],
  [
    "domain forwarder",
    ev("account.domain_forwarder.add", "success", { source: "old.example", destination: "new.example" }),
    "Added a domain forwarder",
    "old.example → new.example.",
  ],
  [
    "domain forwarder removed",
    ev("account.domain_forwarder.remove", "success", { source: "old.example", destination: "new.example" }),
    "Removed a domain forwarder",
    "old.example → new.example.",
  ],
  ["outgoing suspended", ev("account.outgoing.suspend", "success"), "Suspended outgoing email", null],
  ["outgoing allowed", ev("account.outgoing.unsuspend", "success"), "Allowed outgoing email again", null],
  ["outgoing held", ev("account.outgoing.hold", "success"), "Held outgoing email in the queue", null],
  ["outgoing released", ev("account.outgoing.release", "success"), "Released held outgoing email", null],
  ["sessions ended", ev("account.sessions.terminate", "success"), "Ended every IMAP and POP session", null],
  [
    "system forward",
    ev("account.system_forward.set", "success", { before: ["root@example.com"], requested: ["ops@example.com"], after: ["ops@example.com"] }),
    "Changed where the account's system mail goes",
    "System mail to root@example.com → ops@example.com.",
  ],
  [
    "force password",
    ev("account.password.force_change", "success", { alreadyRequired: true }),
    "Required a new cPanel password at next login",
    "It was already required.",
  ],
  [
    "cPanel session",
    ev("account.session.open", "success", { service: "cpaneld" }),
    "Signed in to cPanel or Webmail as the account",
    "Service: cPanel.",
  ],
  [
    "owner assigned",
    ev("account.owner.assign", "success", { before: null, after: "owner@example.com", from: "whm-contact" }),
    "Assigned the account's owner",
    "Owner none → owner@example.com.",
  ],
  [
    "token created",
    ev("api_token.create", "success", { tokenId: "tok_1", scopes: ["mailboxes:read"], expiresAt: Date.UTC(2027, 0, 31) }),
    "Created an API token",
    "Scopes: mailboxes:read. Expires 2027-01-31.",
  ],
  [
    "token: wrong password",
    ev("api_token.create", "denied", { error: "wrong_password" }),
    "Created an API token",
    "Refused: the panel password was wrong.",
  ],
  ["token revoked", ev("api_token.revoke", "success"), "Revoked an API token", null],
  ["2FA on", ev("two_factor.enable", "success"), "Turned on two-step sign-in", null],
  [
    "2FA off refused",
    ev("two_factor.disable", "denied", { error: "rate_limited" }),
    "Turned off two-step sign-in",
    "Refused: too many wrong passwords.",
  ],
  ["user created", ev("user.create", "success", { role: "support" }), "Created a panel user", "Role support."],
  [
    "user via SSO",
    ev("user.create", "success", { role: "customer", source: "oidc", issuer: "https://id.example" }),
    "Created a panel user",
    "Role customer. Signed in with single sign-on.",
  ],
  [
    "role change",
    ev("user.role.change", "success", { before: "customer", after: "support" }),
    "Changed a panel user's role",
    "Role customer → support.",
  ],
  ["lock", ev("user.lock", "success"), "Locked a panel user", null],
  ["unlock", ev("user.unlock", "success"), "Unlocked a panel user", null],
  ["sessions revoked", ev("user.sessions.revoke", "success"), "Signed a panel user out everywhere", null],
  [
    "reset requested",
    ev("user.password.reset.request", "success", { expiresAt: Date.UTC(2026, 11, 2) }),
    "Asked for a password reset link",
    "Link valid until 2026-12-02.",
  ],
  [
    "reset done",
    ev("user.password.reset", "success", { sessionsEnded: true, twoFactorKept: true }),
    "Reset a panel password",
    "Signed out everywhere.",
  ],
  [
    "invite",
    ev("user.invite", "success", { invitationId: "inv_1", accountIds: ["a", "b"], expiresAt: Date.UTC(2026, 11, 8) }),
    "Invited a user",
    "For 2 accounts. Link valid until 2026-12-08.",
  ],
  [
    "invite resent",
    ev("user.invitation.resend", "success", { invitationId: "inv_1", expiresAt: Date.UTC(2026, 11, 8) }),
    "Sent an invitation again",
    "Link valid until 2026-12-08.",
  ],
  ["invite revoked", ev("user.invitation.revoke", "success", { invitationId: "inv_1" }), "Withdrew an invitation", null],
  ["invite accepted", ev("user.invitation.accept", "success", { invitationId: "inv_1" }), "Accepted an invitation", null],
  ["language", ev("user.locale.change", "success", { before: "browser", after: "sv" }), "Changed the panel's language", null],
  [
    "access: account",
    ev("access.account", "denied", { error: "not_owner" }),
    "Tried to open an account that is not theirs",
    "Refused: the account is not one of theirs.",
  ],
  ["access: staff", ev("access.staff", "denied", { error: "staff_only" }), "Tried to open a support page", "Refused: only support may do this."],
  [
    "access: admin, last one recorded",
    ev("access.admin", "denied", { error: "admin_only", note: "Further refusals of this user in the next 15 minutes are not recorded" }),
    "Tried to open an administrator page",
    "Refused: only an administrator may do this. Further refusals of this user in the next 15 minutes are not recorded.",
  ],
  [
    "access: scope",
    ev("access.scope", "denied", { tokenId: "tok_1", scope: "mailboxes:write", error: "missing_scope" }),
    "Used an API token outside its scopes",
    "Refused: the API token lacks the scope mailboxes:write.",
  ],
  [
    "server added",
    ev("server.add", "success", { serverId: "srv_1", baseUrl: "https://web1.example:2087", authMode: "token", username: "root" }),
    "Added a cPanel server",
    "Address https://web1.example:2087.",
  ],
  [
    "server edited",
    ev("server.edit", "success", {
      before: { name: "web1", baseUrl: "https://a:2087" },
      after: { name: "web2", baseUrl: "https://a:2087" },
      tokenReplaced: true,
    }),
    "Changed a cPanel server",
    "Name web1 → web2. API token replaced.",
  ],
  [
    "import",
    ev("server.accounts.import", "success", { serverId: "srv_1", created: 3, updated: 1, missing: 0 }),
    "Imported accounts from a cPanel server",
    "3 new, 1 updated, 0 no longer on the server.",
  ],
  ["job retried", ev("job.retry", "success"), "Retried a background job", null],
  ["job cancelled", ev("job.cancel", "success"), "Cancelled a background job", null],
  ["unknown action", ev("widget.frob_level.set", "failure", { error: "boom_failed" }), "Widget frob level set", "Failed: boom failed."],
];

describe("describeAuditEvent", () => {
  it.each(TABLE)("%s", (_name, event, title, detail) => {
    expect(describeAuditEvent(event)).toEqual({ title, detail });
  });

  it("has a row for every known action", () => {
    const covered = new Set(TABLE.map(([, e]) => e.action));
    expect(knownAuditActions.map((a) => a.action).filter((a) => !covered.has(a))).toEqual([]);
  });

  it("never shows a field it does not know, whatever it holds", () => {
    const leaky = ev("mailbox.password.change", "success", { password: "hunter2", newPassword: "hunter2", token: "tok_secret", ip: "198.51.100.1" });
    expect(JSON.stringify(describeAuditEvent(leaky))).not.toMatch(/hunter2|tok_secret|198\.51/);
  });

  it("copes with no detail and odd values", () => {
    expect(describeAuditEvent({ action: "mailbox.settings.update", outcome: "failure", detail: null })).toEqual({
      title: "Changed mailbox settings",
      detail: "Failed.",
    });
    expect(describeAuditEvent({ action: "mailbox.settings.update", outcome: "success", detail: { changes: "nope" } }).detail).toBeNull();
  });
});

describe("matchAuditActions", () => {
  it("keeps a code as it is, known or not", () => {
    expect(matchAuditActions("mailbox.settings.update")).toEqual(["mailbox.settings.update"]);
    expect(matchAuditActions(" mailbox.secure.other ")).toEqual(["mailbox.secure.other"]);
  });
  it("finds actions by the words of their title or code", () => {
    expect(matchAuditActions("Changed mailbox settings")).toEqual(["mailbox.settings.update"]);
    expect(matchAuditActions("forwarder")).toEqual(
      expect.arrayContaining(["mailbox.forwarder.add", "mailbox.forwarder.remove", "account.domain_forwarder.add"]),
    );
    expect(matchAuditActions("nothing like this")).toEqual([]);
    expect(matchAuditActions("  ")).toEqual([]);
  });
});

describe("in the reader's language", () => {
  const german = auditWords("de", de);
  const swedish = auditWords("sv", sv);

  it("words titles, changes, numbers, days and refusals in German", () => {
    const quota = ev("mailbox.settings.update", "denied", { changes: { quotaMb: { before: 777, after: 1000 } }, error: "not_owner" });
    expect(describeWith(quota, german)).toEqual({
      title: "Einstellungen des Postfachs geändert",
      detail: "Kontingent 777 → 1.000 MB. Abgelehnt: das Konto gehört nicht zu ihren Konten.",
    });
    const invite = ev("user.invite", "success", { accountIds: ["a"], expiresAt: Date.UTC(2026, 11, 8) });
    expect(describeWith(invite, german).detail).toBe("Für 1 Konto. Link gültig bis 08.12.2026.");
  });

  it("words them in Swedish and finds actions by Swedish words (codes still work)", () => {
    expect(describeWith(ev("two_factor.enable", "success"), swedish)).toEqual({ title: "Slog på tvåstegsverifiering", detail: null });
    expect(matchWith("vidarebefordran", swedish)).toEqual(expect.arrayContaining(["mailbox.forwarder.add", "account.domain_forwarder.remove"]));
    expect(matchWith("mailbox.settings.update", swedish)).toEqual(["mailbox.settings.update"]);
    expect(knownWith(swedish)).toHaveLength(knownAuditActions.length);
  });
});
