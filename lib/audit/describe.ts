/**
 * Audit events in words, for the customer's Activity page and support's audit log. Pure: no I/O.
 *
 * Only allow-listed detail fields are read, each into a fixed sentence shape, so a field added to an event's
 * detail later (even a secret by mistake) never reaches the screen.
 */

/** Every action the code records, with its title (a sentence without the object, which the page shows below). */
const ACTION_TITLES: Record<string, string> = {
  "mailbox.create": "Created a mailbox",
  "mailbox.delete": "Deleted a mailbox",
  "mailbox.password.change": "Changed the mailbox password",
  "mailbox.settings.update": "Changed mailbox settings",
  "mailbox.forwarder.add": "Added a forwarder",
  "mailbox.forwarder.remove": "Removed a forwarder",
  "mailbox.held_mail.delete": "Deleted held outgoing mail",
  "mailbox.webmail.open": "Opened Webmail as the mailbox",
  "mailbox.client_settings.send": "E-mailed the mail app settings",
  "mailbox.secure": "Secured a mailbox after an incident",
  "mailbox.secure.suspend_login": "Suspended login (securing a mailbox)",
  "mailbox.secure.hold_outgoing": "Held outgoing mail (securing a mailbox)",
  "mailbox.secure.replace_password": "Replaced the password (securing a mailbox)",
  "mailbox.secure.end_sessions": "Ended every mail session (securing a mailbox)",
  "account.domain_forwarder.add": "Added a domain forwarder",
  "account.domain_forwarder.remove": "Removed a domain forwarder",
  "account.outgoing.suspend": "Suspended outgoing email",
  "account.outgoing.unsuspend": "Allowed outgoing email again",
  "account.outgoing.hold": "Held outgoing email in the queue",
  "account.outgoing.release": "Released held outgoing email",
  "account.sessions.terminate": "Ended every IMAP and POP session",
  "account.system_forward.set": "Changed where the account's system mail goes",
  "account.password.force_change": "Required a new cPanel password at next login",
  "account.session.open": "Signed in to cPanel or Webmail as the account",
  "account.owner.assign": "Assigned the account's owner",
  "api_token.create": "Created an API token",
  "api_token.revoke": "Revoked an API token",
  "two_factor.enable": "Turned on two-step sign-in",
  "two_factor.disable": "Turned off two-step sign-in",
  "user.create": "Created a panel user",
  "user.role.change": "Changed a panel user's role",
  "user.lock": "Locked a panel user",
  "user.unlock": "Unlocked a panel user",
  "user.sessions.revoke": "Signed a panel user out everywhere",
  "user.password.reset.request": "Asked for a password reset link",
  "user.password.reset": "Reset a panel password",
  "user.invite": "Invited a user",
  "user.invitation.resend": "Sent an invitation again",
  "user.invitation.revoke": "Withdrew an invitation",
  "user.invitation.accept": "Accepted an invitation",
  "user.locale.change": "Changed the panel's language",
  "access.account": "Tried to open an account that is not theirs",
  "access.staff": "Tried to open a support page",
  "access.admin": "Tried to open an administrator page",
  "access.scope": "Used an API token outside its scopes",
  "server.add": "Added a cPanel server",
  "server.edit": "Changed a cPanel server",
  "server.accounts.import": "Imported accounts from a cPanel server",
  "job.retry": "Retried a background job",
  "job.cancel": "Cancelled a background job",
};

/** The known actions, for the audit log's Action filter: code and title, ordered by title. */
export const knownAuditActions: { action: string; label: string }[] = Object.entries(ACTION_TITLES)
  .map(([action, label]) => ({ action, label }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** The title of an action; an unknown action is spelled out from its dotted code ("foo.bar_baz" → "Foo bar baz"). */
export function describeAction(action: string): string {
  const title = ACTION_TITLES[action];
  if (title) return title;
  const words = action.replace(/[._]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The action codes a filter text means: the code itself when it is one (known or not), else every known action
 * whose title or code holds all the words ("quota" finds nothing, "mailbox settings" finds mailbox.settings.update).
 */
export function matchAuditActions(text: string): string[] {
  const query = text.trim().toLowerCase();
  if (!query) return [];
  if (ACTION_TITLES[query] || /^[a-z_]+(\.[a-z_]+)+$/.test(query)) return [query];
  const words = query.split(/\s+/);
  return knownAuditActions
    .filter(({ action, label }) => {
      const haystack = `${label} ${action.replace(/[._]+/g, " ")}`.toLowerCase();
      return words.every((w) => haystack.includes(w));
    })
    .map((a) => a.action);
}

export type DescribableEvent = {
  action: string;
  outcome: string;
  target?: string | null;
  detail?: Record<string, unknown> | null;
};

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((s): s is string => s !== null) : []);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const list = (items: string[]): string => (items.length ? items.join(", ") : "none");
const day = (v: unknown): string | null => {
  const ms = num(v) ?? (str(v) ? Date.parse(str(v)!) : NaN);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null;
};

function quota(before: unknown, after: unknown): string {
  const b = num(before);
  const a = num(after);
  const mb = (n: number | null) => (n === null ? "unlimited" : n.toLocaleString("en-US"));
  if (b !== null && a !== null) return `Quota ${mb(b)} → ${mb(a)} MB`;
  return `Quota ${b === null ? "unlimited" : `${mb(b)} MB`} → ${a === null ? "unlimited" : `${mb(a)} MB`}`;
}

const FLAG_WORDS: Record<string, [on: string, off: string]> = {
  suspendLogin: ["Login suspended", "Login allowed"],
  suspendIncoming: ["Incoming mail suspended", "Incoming mail allowed"],
  suspendOutgoing: ["Outgoing mail suspended", "Outgoing mail allowed"],
  holdOutgoing: ["Outgoing mail held", "Held outgoing mail released"],
};

/** mailbox.settings.update: `changes` is { field: { before, after } } for the fields the save touched. */
function settingsChanges(detail: Record<string, unknown>): string[] {
  const changes = obj(detail.changes) ?? {};
  const parts: string[] = [];
  const quotaChange = obj(changes.quotaMb);
  if (quotaChange) parts.push(quota(quotaChange.before, quotaChange.after));
  for (const [flag, [on, off]] of Object.entries(FLAG_WORDS)) {
    const change = obj(changes[flag]);
    if (change && typeof change.after === "boolean") parts.push(change.after ? on : off);
  }
  const auto = obj(changes.autoresponder);
  if (auto) parts.push(!auto.after ? "Autoresponder turned off" : !auto.before ? "Autoresponder turned on" : "Autoresponder text or dates changed");
  const forwards = obj(changes.forwards);
  if (forwards) {
    const before = strs(forwards.before).map((f) => f.toLowerCase());
    const after = strs(forwards.after).map((f) => f.toLowerCase());
    const added = after.filter((f) => !before.includes(f));
    const removed = before.filter((f) => !after.includes(f));
    const bits = [added.length ? `added ${added.join(", ")}` : null, removed.length ? `removed ${removed.join(", ")}` : null].filter(Boolean);
    parts.push(`Forwards: ${bits.length ? bits.join("; ") : "unchanged"}`);
  }
  if (detail.password === true) parts.push("Password changed");
  return parts;
}

function forwarderTo(detail: Record<string, unknown>): string | null {
  switch (str(detail.kind)) {
    case "fail":
      return "bounce mail to the sender";
    case "blackhole":
      return "discard mail";
    case "pipe":
      return "a program on the server";
    case "system":
      return "the system account";
    default: {
      const to = strs(detail.destinations);
      return to.length ? to.join(", ") : str(detail.destination);
    }
  }
}

/** What changed, by action, from the allow-listed fields only. */
function changeParts(action: string, detail: Record<string, unknown>, target: string | null): string[] {
  const source = str(detail.source) ?? target;
  switch (action) {
    case "mailbox.settings.update":
      return settingsChanges(detail);
    case "mailbox.forwarder.add":
    case "mailbox.forwarder.remove": {
      const to = forwarderTo(detail);
      return to ? [`${source ?? "Mail"} → ${to}`] : [];
    }
    case "account.domain_forwarder.add":
    case "account.domain_forwarder.remove":
      return str(detail.source) && str(detail.destination) ? [`${str(detail.source)} → ${str(detail.destination)}`] : [];
    case "account.system_forward.set": {
      const after = "after" in detail ? detail.after : detail.requested;
      return "before" in detail || after !== undefined ? [`System mail to ${list(strs(detail.before))} → ${list(strs(after))}`] : [];
    }
    case "account.owner.assign":
      return [`Owner ${str(detail.before) ?? "none"} → ${str(detail.after) ?? "none"}`];
    case "user.role.change":
      return str(detail.after) ? [`Role ${str(detail.before) ?? "none"} → ${str(detail.after)}`] : [];
    case "user.create":
      return [str(detail.role) ? `Role ${str(detail.role)}` : null, str(detail.source) === "oidc" ? "Signed in with single sign-on" : null].filter(
        (s): s is string => s !== null,
      );
    case "mailbox.client_settings.send":
      return str(detail.to) ? [`Sent to ${str(detail.to)}`] : [];
    case "account.session.open":
    case "mailbox.webmail.open": {
      const service = str(detail.service);
      return service ? [`Service: ${service === "webmaild" ? "Webmail" : service === "cpaneld" ? "cPanel" : service}`] : [];
    }
    case "api_token.create": {
      const scopes = strs(detail.scopes);
      const expires = day(detail.expiresAt);
      return [
        scopes.length ? `Scopes: ${scopes.join(", ")}` : null,
        expires ? `Expires ${expires}` : detail.expiresAt === null ? "Never expires" : null,
      ].filter((s): s is string => s !== null);
    }
    case "user.invite": {
      const accounts = Array.isArray(detail.accountIds) ? detail.accountIds.length : null;
      const expires = day(detail.expiresAt);
      return [
        accounts !== null ? `For ${accounts} account${accounts === 1 ? "" : "s"}` : null,
        expires ? `Link valid until ${expires}` : null,
      ].filter((s): s is string => s !== null);
    }
    case "user.invitation.resend":
    case "user.password.reset.request": {
      const expires = day(detail.expiresAt);
      return expires ? [`Link valid until ${expires}`] : [];
    }
    case "user.password.reset":
      return detail.sessionsEnded === true ? ["Signed out everywhere"] : [];
    case "account.password.force_change":
      return detail.alreadyRequired === true ? ["It was already required"] : [];
    case "server.add": {
      const url = str(detail.baseUrl);
      return url ? [`Address ${url}`] : [];
    }
    case "server.edit": {
      const before = obj(detail.before);
      const after = obj(detail.after);
      const parts: string[] = [];
      if (before && after && str(before.name) !== str(after.name)) parts.push(`Name ${str(before.name)} → ${str(after.name)}`);
      if (before && after && str(before.baseUrl) !== str(after.baseUrl)) parts.push(`Address ${str(before.baseUrl)} → ${str(after.baseUrl)}`);
      if (detail.tokenReplaced === true) parts.push("API token replaced");
      return parts;
    }
    case "server.accounts.import": {
      const [created, updated, missing] = [num(detail.created), num(detail.updated), num(detail.missing)];
      return created === null ? [] : [`${created} new, ${updated ?? 0} updated, ${missing ?? 0} no longer on the server`];
    }
    case "mailbox.secure": {
      const steps = obj(detail.steps);
      return steps
        ? [
            `Steps: ${Object.entries(steps)
              .map(([id, outcome]) => `${id.replace(/_/g, " ")} ${str(outcome) ?? ""}`.trim())
              .join(", ")}`,
          ]
        : [];
    }
    default:
      return [];
  }
}

/** Error codes recorded in `detail.error`, in words (class names of thrown errors fall through to `message`). */
const ERROR_WORDS: Record<string, string> = {
  not_owner: "the account is not one of theirs",
  staff_only: "only support may do this",
  admin_only: "only an administrator may do this",
  wrong_password: "the panel password was wrong",
  rate_limited: "too many wrong passwords",
};

/** Why it did not work: field messages, else the error's safe message, else its code in words. */
function reasonOf(detail: Record<string, unknown>): string | null {
  const fields = obj(detail.fields);
  const fieldMessages = fields ? Object.values(fields).flatMap(strs) : [];
  if (fieldMessages.length) return fieldMessages.join("; ");
  const message = str(detail.message);
  if (message) return message;
  const error = str(detail.error);
  if (error === "missing_scope") return str(detail.scope) ? `the API token lacks the scope ${str(detail.scope)}` : "the API token lacks a scope";
  if (error && ERROR_WORDS[error]) return ERROR_WORDS[error];
  return error && /^[a-z_]+$/.test(error) ? error.replace(/_/g, " ") : null;
}

/** "Use at least …" → "use at least …", but "WHM …" and "cPanel …" stay as they are. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/**
 * One audit event as a title ("Changed mailbox settings") and a sentence of what changed and why it did not
 * work ("Quota 777 → 1,000 MB. Refused: the forwarder would loop …"), or null when there is nothing to add.
 */
export function describeAuditEvent(event: DescribableEvent): { title: string; detail: string | null } {
  const detail = event.detail ?? {};
  const parts = changeParts(event.action, detail, event.target ?? null).map(sentence);
  const reason = reasonOf(detail);
  const refusedBeforeSending = Boolean(obj(detail.fields)) || str(detail.error) === "invalid" || str(detail.error) === "ValidationError";
  if (event.outcome === "denied") parts.push(sentence(`Refused${reason ? `: ${lowerFirst(reason)}` : ""}`));
  else if (event.outcome === "failure")
    parts.push(sentence(`${refusedBeforeSending ? "Refused" : "Failed"}${reason ? `: ${refusedBeforeSending ? lowerFirst(reason) : reason}` : ""}`));
  else if (event.outcome === "unknown") parts.push(sentence(`Not confirmed${reason ? `: ${reason}` : ""}`));
  const note = str(detail.note);
  if (note) parts.push(sentence(note));
  return { title: describeAction(event.action), detail: parts.length ? parts.join(" ") : null };
}
