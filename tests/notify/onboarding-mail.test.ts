// The invitation and password-reset mails in the recipient's language; English as it always was.
import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { mailTemplates } from "@/lib/notify/templates";
import { invitationWords } from "@/lib/notify/templates/invitation";
import { passwordResetWords } from "@/lib/notify/templates/password-reset";
import en from "@/messages/en.json";
import sv from "@/messages/sv.json";
import de from "@/messages/de.json";

const env = { panelUrl: "https://panel.example.net" };
const messages = { en, sv, de };
const invitationData = { linkPath: "/invite/abc_DEF-1", expiresAt: Date.UTC(2026, 11, 8, 5, 30), invitedBy: "Sam", accounts: ["example.com"] };
const resetData = { linkPath: "/reset-password/tok_1", expiresAt: Date.UTC(2026, 11, 1, 6, 0), validMinutes: 30 };

function invitationIn(locale: keyof typeof messages) {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "InvitationMail" });
  const template = mailTemplates.invitation;
  return template.render(template.schema.parse({ ...invitationData, locale, words: invitationWords(t, invitationData, locale) }), env);
}

function resetIn(locale: keyof typeof messages) {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "PasswordResetMail" });
  const template = mailTemplates["password-reset"];
  return template.render(template.schema.parse({ ...resetData, locale, words: passwordResetWords(t, resetData, locale) }), env);
}

describe("the invitation mail", () => {
  it("English: the same mail whether the words were queued with it or not (mails queued before translations)", () => {
    const template = mailTemplates.invitation;
    expect(invitationIn("en")).toEqual(template.render(template.schema.parse(invitationData), env));
    expect(invitationIn("en").text).toContain("Sam invited you to Mailroom");
    expect(invitationIn("en").text).toContain("until Tue, 08 Dec 2026 05:30:00 UTC");
  });

  it("Swedish and German: subject, sentences, date and the page's language", () => {
    const swedish = invitationIn("sv");
    expect(swedish.subject).toBe("Mailroom: din inbjudan");
    expect(swedish.text).toContain("Sam har bjudit in dig till Mailroom");
    expect(swedish.text).toContain("Konto: example.com");
    expect(swedish.text).toContain("Välj ditt lösenord: https://panel.example.net/invite/abc_DEF-1");
    expect(swedish.text).toMatch(/till och med tisdag 8 december 2026 .*UTC/);
    expect(swedish.html).toContain('<html lang="sv">');
    const german = invitationIn("de");
    expect(german.subject).toBe("Mailroom: Ihre Einladung");
    expect(german.text).toContain("Sam hat Sie zu Mailroom eingeladen");
    expect(german.text).toMatch(/bis Dienstag, 8\. Dezember 2026/);
  });
});

describe("the password-reset mail", () => {
  it("English: unchanged, warning marked Note:", () => {
    const template = mailTemplates["password-reset"];
    expect(resetIn("en")).toEqual(template.render(template.schema.parse(resetData), env));
    expect(resetIn("en").html).toContain("<strong>Note:</strong>");
  });

  it("Swedish and German, the warning's mark included", () => {
    const swedish = resetIn("sv");
    expect(swedish.subject).toBe("Mailroom: återställ ditt lösenord");
    expect(swedish.text).toContain("Länken fungerar en gång, i 30 minuter");
    expect(swedish.html).toContain("<strong>Obs!</strong>");
    const german = resetIn("de");
    expect(german.subject).toBe("Mailroom: Passwort zurücksetzen");
    expect(german.html).toContain("<strong>Hinweis:</strong>");
    expect(german.text).toContain("30 Minuten lang");
  });
});
