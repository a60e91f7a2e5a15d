/** What happened, as the notice words it. Names and addresses only: never a password or a token. */
export type AccountSecurityEvent =
  | { kind: "mailbox.password_changed"; mailbox: string }
  | { kind: "mailbox.created"; mailbox: string }
  | { kind: "mailbox.deleted"; mailbox: string }
  | { kind: "forwarder.added"; source: string; destinations: string[]; accountDomains?: string[] }
  | { kind: "forwarder.removed"; source: string; destination: string }
  | { kind: "autoresponder.enabled"; mailbox: string }
  | { kind: "support.cpanel_session"; service: string };

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

/** The notice's words for one event on `account` (undefined for a user event). */
export function wordEvent(event: SecurityEvent, account: { id: string; label: string; domains: string[] } | undefined): Wording {
  const accountFact = account ? [{ label: "Hosting account", value: account.label }] : [];
  // A mailbox's page, or one of its tasks (each has its own URL: /password, /forwarding, /out-of-office …).
  const mailboxPage = (mailbox: string, task = "") => (account ? `/accounts/${account.id}/email/${encodeURIComponent(mailbox)}${task}` : "/");
  switch (event.kind) {
    case "mailbox.password_changed":
      return {
        title: "Mailbox password changed",
        summary: `The password of the mailbox ${event.mailbox} was changed.`,
        facts: [{ label: "Mailbox", value: event.mailbox }, ...accountFact],
        warning: null,
        reviewPath: mailboxPage(event.mailbox),
        target: event.mailbox,
      };
    case "mailbox.created":
      return {
        title: "Mailbox created",
        summary: `The mailbox ${event.mailbox} was created.`,
        facts: [{ label: "Mailbox", value: event.mailbox }, ...accountFact],
        warning: null,
        reviewPath: mailboxPage(event.mailbox),
        target: event.mailbox,
      };
    case "mailbox.deleted":
      return {
        title: "Mailbox deleted",
        summary: `The mailbox ${event.mailbox} was deleted, with the mail in it.`,
        facts: [{ label: "Mailbox", value: event.mailbox }, ...accountFact],
        warning: null,
        reviewPath: account ? `/accounts/${account.id}` : "/",
        target: event.mailbox,
      };
    case "forwarder.added": {
      const outside = externalDestinations(event.destinations, event.accountDomains ?? account?.domains ?? []);
      return {
        title: "Forwarder added",
        summary: `Mail to ${event.source} is now also forwarded to ${event.destinations.join(", ")}.`,
        facts: [{ label: "Address", value: event.source }, { label: "Forwarded to", value: event.destinations.join(", ") }, ...accountFact],
        warning: outside.length
          ? `${outside.join(", ")} ${outside.length === 1 ? "is" : "are"} outside this account's domains: copies of this mail leave your hosting.`
          : null,
        reviewPath: mailboxPage(event.source),
        target: `${event.source}>${event.destinations.join(",")}`,
      };
    }
    case "forwarder.removed":
      return {
        title: "Forwarder removed",
        summary: `Mail to ${event.source} is no longer forwarded to ${event.destination}.`,
        facts: [{ label: "Address", value: event.source }, { label: "Was forwarded to", value: event.destination }, ...accountFact],
        warning: null,
        reviewPath: mailboxPage(event.source),
        target: `${event.source}>${event.destination}`,
      };
    case "autoresponder.enabled":
      return {
        title: "Autoresponder turned on",
        summary: `An autoresponder now answers mail to ${event.mailbox}.`,
        facts: [{ label: "Mailbox", value: event.mailbox }, ...accountFact],
        warning: null,
        reviewPath: mailboxPage(event.mailbox, "/out-of-office"),
        target: event.mailbox,
      };
    case "support.cpanel_session":
      return {
        title: `Support opened ${event.service}`,
        summary: `Support signed in to ${event.service} as your hosting account, to help with a request.`,
        facts: [{ label: "Opened", value: event.service }, ...accountFact],
        warning: null,
        reviewPath: account ? `/accounts/${account.id}/activity` : "/",
        target: event.service,
      };
    case "two_factor.disabled":
      return {
        title: "Two-factor sign-in turned off",
        summary: "Two-factor sign-in was turned off for your Mailroom login: a password alone now signs in.",
        facts: [],
        warning: null,
        reviewPath: "/security/two-factor",
        target: "two-factor",
      };
    case "api_token.created":
      return {
        title: "API token created",
        summary: `A new API token, “${event.tokenName}”, can now act for your Mailroom login.`,
        facts: [
          { label: "Token name", value: event.tokenName },
          { label: "Scopes", value: event.scopes.join(", ") || "none" },
        ],
        warning: null,
        reviewPath: "/settings/api-tokens",
        target: event.tokenName,
      };
  }
}
