import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";

/** The SecurityMail messages in the recipient's language (English by default). */
export type SecurityWords = ReturnType<typeof createTranslator<typeof en, "SecurityMail">>;

/** English words: the default of a notice whose recipient chose no language. */
export const englishSecurityWords: SecurityWords = createTranslator({ locale: "en", messages: en, namespace: "SecurityMail" });

/** What happened, as the notice words it. Names and addresses only: never a password or a token. */
export type AccountSecurityEvent =
  | { kind: "mailbox.password_changed"; mailbox: string }
  | { kind: "mailbox.created"; mailbox: string }
  | { kind: "mailbox.deleted"; mailbox: string }
  | { kind: "forwarder.added"; source: string; destinations: string[]; accountDomains?: string[] }
  | { kind: "forwarder.removed"; source: string; destination: string }
  | { kind: "autoresponder.enabled"; mailbox: string }
  | { kind: "support.cpanel_session"; service: string }
  /** "Secure this mailbox" ran: what is now in effect (the steps that took), never the new password (nobody sees it). */
  | { kind: "mailbox.secured"; mailbox: string; incidentId: string; inEffect: SecuredMeasure[] };

/** The measures of "Secure this mailbox" a notice can name (lib/mail/secure-mailbox.ts's steps that change the mailbox). */
export type SecuredMeasure = "suspend_login" | "hold_outgoing" | "replace_password" | "end_sessions";

/** Events about the user's own login rather than an account. */
export type UserSecurityEvent = { kind: "two_factor.disabled" } | { kind: "api_token.created"; tokenName: string; scopes: string[] };

export type SecurityEvent = AccountSecurityEvent | UserSecurityEvent;

export type Wording = {
  title: string;
  summary: string;
  facts: { label: string; value: string }[];
  warning: string | null;
  reviewPath: string;
  target: string;
};

const domainOf = (address: string) => address.slice(address.lastIndexOf("@") + 1).toLowerCase();

/** Destinations that leave the account's own domains (a classic sign of a taken-over account). */
export function externalDestinations(destinations: string[], accountDomains: string[]): string[] {
  const own = new Set(accountDomains.map((d) => d.toLowerCase()));
  return destinations.filter((d) => d.includes("@") && !own.has(domainOf(d)));
}

/** The notice's words for one event on `account` (undefined for a user event), in the language of `t`. */
export function wordEvent(
  event: SecurityEvent,
  account: { id: string; label: string; domains: string[] } | undefined,
  t: SecurityWords = englishSecurityWords,
): Wording {
  const accountFact = account ? [{ label: t("facts.account"), value: account.label }] : [];
  // A mailbox's page, or one of its tasks (each has its own URL: /password, /forwarding, /out-of-office …).
  const mailboxPage = (mailbox: string, task = "") => (account ? `/accounts/${account.id}/email/${encodeURIComponent(mailbox)}${task}` : "/");
  const mailboxFact = (mailbox: string) => [{ label: t("facts.mailbox"), value: mailbox }, ...accountFact];
  switch (event.kind) {
    case "mailbox.password_changed":
      return {
        title: t("events.passwordChanged.title"),
        summary: t("events.passwordChanged.summary", { mailbox: event.mailbox }),
        facts: mailboxFact(event.mailbox),
        warning: null,
        reviewPath: mailboxPage(event.mailbox),
        target: event.mailbox,
      };
    case "mailbox.created":
      return {
        title: t("events.created.title"),
        summary: t("events.created.summary", { mailbox: event.mailbox }),
        facts: mailboxFact(event.mailbox),
        warning: null,
        reviewPath: mailboxPage(event.mailbox),
        target: event.mailbox,
      };
    case "mailbox.deleted":
      return {
        title: t("events.deleted.title"),
        summary: t("events.deleted.summary", { mailbox: event.mailbox }),
        facts: mailboxFact(event.mailbox),
        warning: null,
        reviewPath: account ? `/accounts/${account.id}` : "/",
        target: event.mailbox,
      };
    case "forwarder.added": {
      const outside = externalDestinations(event.destinations, event.accountDomains ?? account?.domains ?? []);
      const destinations = event.destinations.join(", ");
      return {
        title: t("events.forwarderAdded.title"),
        summary: t("events.forwarderAdded.summary", { source: event.source, destinations }),
        facts: [{ label: t("facts.address"), value: event.source }, { label: t("facts.forwardedTo"), value: destinations }, ...accountFact],
        warning: outside.length ? t("events.forwarderAdded.outside", { addresses: outside.join(", "), count: outside.length }) : null,
        reviewPath: mailboxPage(event.source),
        target: `${event.source}>${event.destinations.join(",")}`,
      };
    }
    case "forwarder.removed":
      return {
        title: t("events.forwarderRemoved.title"),
        summary: t("events.forwarderRemoved.summary", { source: event.source, destination: event.destination }),
        facts: [{ label: t("facts.address"), value: event.source }, { label: t("facts.wasForwardedTo"), value: event.destination }, ...accountFact],
        warning: null,
        reviewPath: mailboxPage(event.source),
        target: `${event.source}>${event.destination}`,
      };
    case "autoresponder.enabled":
      return {
        title: t("events.autoresponder.title"),
        summary: t("events.autoresponder.summary", { mailbox: event.mailbox }),
        facts: mailboxFact(event.mailbox),
        warning: null,
        reviewPath: mailboxPage(event.mailbox, "/out-of-office"),
        target: event.mailbox,
      };
    case "mailbox.secured":
      return {
        title: t("events.secured.title"),
        summary: t("events.secured.summary", { mailbox: event.mailbox }),
        facts: [
          ...mailboxFact(event.mailbox),
          {
            label: t("facts.inEffect"),
            value: event.inEffect.map((measure) => t(`events.secured.measures.${measure}`)).join("; ") || t("facts.nothing"),
          },
          { label: t("facts.incident"), value: event.incidentId },
        ],
        warning: t("events.secured.restore"),
        reviewPath: mailboxPage(event.mailbox, "/secure"),
        target: `${event.mailbox}#${event.incidentId}`,
      };
    case "support.cpanel_session":
      return {
        title: t("events.supportSession.title", { service: event.service }),
        summary: t("events.supportSession.summary", { service: event.service }),
        facts: [{ label: t("facts.opened"), value: event.service }, ...accountFact],
        warning: null,
        reviewPath: account ? `/accounts/${account.id}/activity` : "/",
        target: event.service,
      };
    case "two_factor.disabled":
      return {
        title: t("events.twoFactorOff.title"),
        summary: t("events.twoFactorOff.summary"),
        facts: [],
        warning: null,
        reviewPath: "/security/two-factor",
        target: "two-factor",
      };
    case "api_token.created":
      return {
        title: t("events.tokenCreated.title"),
        summary: t("events.tokenCreated.summary", { name: event.tokenName }),
        facts: [
          { label: t("facts.tokenName"), value: event.tokenName },
          { label: t("facts.scopes"), value: event.scopes.join(", ") || t("facts.noScopes") },
        ],
        warning: null,
        reviewPath: "/settings/api-tokens",
        target: event.tokenName,
      };
  }
}
