// Mail templates: both parts carry the facts, HTML is escaped, and no secret can get in.
import { describe, expect, it } from "vitest";
import { mailTemplates } from "@/lib/notify/templates";
import { wordEvent, type SecurityEvent } from "@/lib/notify/security-events";
import { setTestEnv, withTestDatabase } from "../db/engines";

setTestEnv();
const env = { panelUrl: "https://panel.example.net" };
const account = { id: "acct_1", label: "example.com (examplecom)", domains: ["example.com", "example.org"] };

function render(event: SecurityEvent, who = "you", fromAddress: string | null = "203.0.113.5") {
  const words = wordEvent(event, account);
  const template = mailTemplates["security-alert"];
  const data = template.schema.parse({ recipientName: "Cat <script>", ...words, who, at: "2026-12-01T05:30:00.000Z", fromAddress });
  return template.render(data, env);
}

const events: SecurityEvent[] = [
  { kind: "mailbox.password_changed", mailbox: "info@example.com" },
  { kind: "mailbox.created", mailbox: "new@example.com" },
  { kind: "mailbox.deleted", mailbox: "old@example.com" },
  { kind: "forwarder.added", source: "info@example.com", destinations: ["boss@example.org"] },
  { kind: "forwarder.removed", source: "info@example.com", destination: "boss@example.org" },
  { kind: "autoresponder.enabled", mailbox: "info@example.com" },
  { kind: "support.cpanel_session", service: "cPanel" },
  { kind: "two_factor.disabled" },
  { kind: "api_token.created", tokenName: "deploy", scopes: ["read:hostingconsole:services"] },
  { kind: "mailbox.secured", mailbox: "info@example.com", incidentId: "inc_1", inEffect: ["suspend_login", "replace_password"] },
];

describe("the security-alert template", () => {
  it.each(events)("says what, who, when and what to do, in text and HTML: $kind", (event) => {
    const mail = render(event);
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("2026");
      expect(body).toContain("05:30:00 UTC");
      expect(body).toContain("203.0.113.5");
      expect(body).toContain("If this was not you");
      expect(body).toContain("https://panel.example.net/");
    }
    expect(mail.text).toMatch(/Done by:\s+you/);
    expect(mail.html).toMatch(/^<!doctype html>/);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Cat &lt;script&gt;");
    expect(mail.subject).toMatch(/^Mailroom: /);
  });

  it("points out a forward that leaves the account's domains", () => {
    const outside = render({ kind: "forwarder.added", source: "info@example.com", destinations: ["me@example.org", "thief@evil.example"] });
    expect(outside.text).toContain("thief@evil.example is outside this account's domains");
    expect(outside.html).toContain("thief@evil.example is outside this account&#39;s domains");
    expect(render({ kind: "forwarder.added", source: "info@example.com", destinations: ["me@example.org"] }).text).not.toContain("outside");
  });

  it("a secured mailbox: what is in effect, the incident, and how to restore it, on the mailbox's Secure page", () => {
    const mail = render({ kind: "mailbox.secured", mailbox: "info@example.com", incidentId: "inc_7", inEffect: ["suspend_login", "hold_outgoing"] });
    expect(mail.subject).toBe("Mailroom: Mailbox secured");
    expect(mail.text).toMatch(/Now in effect:\s+sign-in suspended; outgoing mail held/);
    expect(mail.text).toMatch(/Incident:\s+inc_7/);
    expect(mail.text).toContain("set a new password");
    expect(mail.text).toContain("https://panel.example.net/accounts/acct_1/email/info%40example.com/secure");
    expect(render({ kind: "mailbox.secured", mailbox: "info@example.com", incidentId: "inc_8", inEffect: [] }).text).toContain("every step failed");
  });

  it("names support without an address", () => {
    const mail = render({ kind: "support.cpanel_session", service: "Webmail" }, "Support", null);
    expect(mail.text).toMatch(/Done by:\s+Support/);
    expect(mail.text).not.toContain("From address");
  });
});

describe("enqueueMail", () => {
  withTestDatabase("sqlite");

  it("refuses data that carries a secret, so none is queued or sent", async () => {
    const { enqueueMail } = await import("@/lib/notify/enqueue-mail");
    const words = wordEvent({ kind: "mailbox.password_changed", mailbox: "info@example.com" }, account);
    const base = { recipientName: null, ...words, who: "you", at: new Date().toISOString(), fromAddress: null };
    await expect(
      enqueueMail({ key: "k1", to: "a@example.com", template: "security-alert", data: { ...base, password: "Hunter-22-secret" } }),
    ).rejects.toThrow(/secret/);
    await expect(
      enqueueMail({
        key: "k2",
        to: "a@example.com",
        template: "security-alert",
        data: { ...base, facts: [{ label: "x", value: "y", newPassword: "z" }] },
      }),
    ).rejects.toThrow(/secret \(facts\.0\.newPassword\)/);
    await expect(enqueueMail({ key: "k3", to: "a@example.com", template: "security-alert", data: base })).resolves.toBeUndefined();
    await expect(enqueueMail({ key: "k3", to: "not an address", template: "security-alert", data: base })).rejects.toThrow();
  });
});

describe("the security-alert template in the recipient's language", () => {
  it("words a notice in Swedish and German, dates included, with the account's facts unchanged", async () => {
    const { translator } = await import("@/lib/i18n/server");
    const { mailLabels } = await import("@/lib/notify/templates/security-alert");
    const template = mailTemplates["security-alert"];
    const event: SecurityEvent = { kind: "forwarder.added", source: "info@example.com", destinations: ["thief@evil.example"] };
    for (const [locale, expected] of [
      [
        "sv",
        {
          subject: "Mailroom: Vidarebefordran tillagd",
          doneBy: /Gjort av:\s+du/,
          outside: "Adressen thief@evil.example ligger utanför",
          date: "december 2026",
        },
      ],
      [
        "de",
        {
          subject: "Mailroom: Weiterleitung hinzugefügt",
          doneBy: /Ausgeführt von:\s+Sie/,
          outside: "thief@evil.example liegt außerhalb",
          date: "Dezember 2026",
        },
      ],
    ] as const) {
      const t = await translator("SecurityMail", locale);
      const words = wordEvent(event, account, t);
      const data = template.schema.parse({
        recipientName: "Cat",
        ...words,
        who: t("who.you"),
        at: "2026-12-01T05:30:00.000Z",
        fromAddress: null,
        locale,
        labels: mailLabels(t),
      });
      const mail = template.render(data, env);
      expect(mail.subject).toBe(expected.subject);
      expect(mail.text).toMatch(expected.doneBy);
      expect(mail.text).toContain(expected.outside);
      expect(mail.text).toContain(expected.date);
      expect(mail.text).toContain("05:30:00 UTC");
      expect(mail.html).toContain(`<html lang="${locale}">`);
    }
  });
});
