/**
 * Audit events in words, for the customer's Activity page and support's audit log. Pure: no I/O.
 *
 * Only allow-listed detail fields are read, each into a fixed sentence shape, so a field added to an event's
 * detail later (even a secret by mistake) never reaches the screen.
 */

/** Every action the code records; its title (a sentence without the object, which the page shows below) is the message
 * AuditDescriptions.actions.<code with "_" for ".">. */
const KNOWN_ACTIONS = [
  "mailbox.create",
  "mailbox.delete",
  "mailbox.password.change",
  "mailbox.settings.update",
  "mailbox.forwarder.add",
  "mailbox.forwarder.remove",
  "mailbox.held_mail.delete",
  "mailbox.webmail.open",
  "mailbox.client_settings.send",
  "mailbox.secure",
  "mailbox.secure.suspend_login",
  "mailbox.secure.hold_outgoing",
  "mailbox.secure.replace_password",
  "mailbox.secure.end_sessions",
  "account.domain_forwarder.add",
  "account.domain_forwarder.remove",
  "account.outgoing.suspend",
  "account.outgoing.unsuspend",
  "account.outgoing.hold",
  "account.outgoing.release",
  "account.sessions.terminate",
  "account.system_forward.set",
  "account.password.force_change",
  "account.session.open",
  "account.owner.assign",
  "api_token.create",
  "api_token.revoke",
  "two_factor.enable",
  "two_factor.disable",
  "user.create",
  "user.role.change",
  "user.lock",
  "user.unlock",
  "user.sessions.revoke",
  "user.password.reset.request",
  "user.password.reset",
  "user.invite",
  "user.invitation.resend",
  "user.invitation.revoke",
  "user.invitation.accept",
  "user.locale.change",
  "access.account",
  "access.staff",
  "access.admin",
  "access.scope",
  "server.add",
  "server.edit",
  "server.accounts.import",
  "job.retry",
  "job.cancel",
] as const;

/** The message keys of AuditDescriptions (lib/i18n/audit-words.ts fills them in the reader's language). */
export type AuditKey = `actions.${string}` | `flags.${string}` | `roles.${string}` | `changes.${string}` | `errors.${string}` | `outcomes.${string}`;

/** How events are worded: the AuditDescriptions messages, numbers and days as the language writes them. */
export type AuditWords = {
  t: (key: AuditKey, values?: Record<string, string | number>) => string;
  number: (n: number) => string;
  /** A day (UTC) from epoch milliseconds. */
  day: (ms: number) => string;
  /** Compares titles for sorting the Action filter. */
  compare: (a: string, b: string) => number;
};

const titleKey = (action: string): AuditKey => `actions.${action.replace(/\./g, "_")}`;
const isKnown = (action: string) => (KNOWN_ACTIONS as readonly string[]).includes(action);

/** The known actions, for the audit log's Action filter: code and title, ordered by title. */
export function knownAuditActions(words: AuditWords): { action: string; label: string }[] {
  return KNOWN_ACTIONS.map((action) => ({ action, label: words.t(titleKey(action)) })).sort((a, b) => words.compare(a.label, b.label));
}

/** The title of an action; an unknown action is spelled out from its dotted code ("foo.bar_baz" → "Foo bar baz"). */
export function describeAction(action: string, words: AuditWords): string {
  if (isKnown(action)) return words.t(titleKey(action));
  const spelled = action.replace(/[._]+/g, " ").trim();
  return spelled.charAt(0).toUpperCase() + spelled.slice(1);
}

/**
 * The action codes a filter text means: the code itself when it is one (known or not), else every known action
 * whose title (in the words' language) or code holds all the words ("quota" finds nothing, "mailbox settings" finds
 * mailbox.settings.update).
 */
export function matchAuditActions(text: string, words: AuditWords): string[] {
  const query = text.trim().toLowerCase();
  if (!query) return [];
  if (isKnown(query) || /^[a-z_]+(\.[a-z_]+)+$/.test(query)) return [query];
  const parts = query.split(/\s+/);
  return knownAuditActions(words)
    .filter(({ action, label }) => {
      const haystack = `${label} ${action.replace(/[._]+/g, " ")}`.toLowerCase();
      return parts.every((w) => haystack.includes(w));
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
const present = (items: (string | null)[]): string[] => items.filter((s): s is string => s !== null);

/** Wording helpers bound to one language. */
function wordsFor(words: AuditWords) {
  const { t } = words;
  return {
    t,
    list: (items: string[]): string => (items.length ? items.join(", ") : t("changes.none")),
    day: (v: unknown): string | null => {
      const ms = num(v) ?? (str(v) ? Date.parse(str(v)!) : NaN);
      return Number.isFinite(ms) ? words.day(ms) : null;
    },
    /** A role code in words; an unknown role is shown as recorded. */
    role: (code: string): string => (ROLES.includes(code) ? t(`roles.${code}`) : code),
    quota(before: unknown, after: unknown): string {
      const b = num(before);
      const a = num(after);
      if (b !== null && a !== null) return t("changes.quota", { before: words.number(b), after: words.number(a) });
      const size = (n: number | null) => (n === null ? t("changes.unlimited") : t("changes.megabytes", { size: words.number(n) }));
      return t("changes.quotaMixed", { before: size(b), after: size(a) });
    },
  };
}

type Words = ReturnType<typeof wordsFor>;

const ROLES: readonly string[] = ["customer", "support", "admin"];

/** The mailbox flags a settings save records, each worded by AuditDescriptions.flags.<flag>.on / .off. */
const FLAGS = ["suspendLogin", "suspendIncoming", "suspendOutgoing", "holdOutgoing"] as const;

/** mailbox.settings.update: `changes` is { field: { before, after } } for the fields the save touched. */
function settingsChanges(detail: Record<string, unknown>, w: Words): string[] {
  const { t } = w;
  const changes = obj(detail.changes) ?? {};
  const parts: string[] = [];
  const quotaChange = obj(changes.quotaMb);
  if (quotaChange) parts.push(w.quota(quotaChange.before, quotaChange.after));
  for (const flag of FLAGS) {
    const change = obj(changes[flag]);
    if (change && typeof change.after === "boolean") parts.push(t(`flags.${flag}.${change.after ? "on" : "off"}`));
  }
  const auto = obj(changes.autoresponder);
  if (auto) parts.push(t(!auto.after ? "changes.autoresponderOff" : !auto.before ? "changes.autoresponderOn" : "changes.autoresponderChanged"));
  const forwards = obj(changes.forwards);
  if (forwards) {
    const before = strs(forwards.before).map((f) => f.toLowerCase());
    const after = strs(forwards.after).map((f) => f.toLowerCase());
    const added = after.filter((f) => !before.includes(f));
    const removed = before.filter((f) => !after.includes(f));
    const bits = present([
      added.length ? t("changes.forwardsAdded", { addresses: added.join(", ") }) : null,
      removed.length ? t("changes.forwardsRemoved", { addresses: removed.join(", ") }) : null,
    ]);
    parts.push(t("changes.forwards", { changes: bits.length ? bits.join("; ") : t("changes.forwardsUnchanged") }));
  }
  if (detail.password === true) parts.push(t("changes.passwordChanged"));
  return parts;
}

function forwarderTo(detail: Record<string, unknown>, { t }: Words): string | null {
  switch (str(detail.kind)) {
    case "fail":
      return t("changes.toFail");
    case "blackhole":
      return t("changes.toBlackhole");
    case "pipe":
      return t("changes.toPipe");
    case "system":
      return t("changes.toSystem");
    default: {
      const to = strs(detail.destinations);
      return to.length ? to.join(", ") : str(detail.destination);
    }
  }
}

/** What changed, by action, from the allow-listed fields only. */
function changeParts(action: string, detail: Record<string, unknown>, target: string | null, w: Words): string[] {
  const { t } = w;
  const source = str(detail.source) ?? target;
  const arrow = (from: string, to: string) => t("changes.arrow", { from, to });
  switch (action) {
    case "mailbox.settings.update":
      return settingsChanges(detail, w);
    case "mailbox.forwarder.add":
    case "mailbox.forwarder.remove": {
      const to = forwarderTo(detail, w);
      return to ? [arrow(source ?? t("changes.mail"), to)] : [];
    }
    case "account.domain_forwarder.add":
    case "account.domain_forwarder.remove":
      return str(detail.source) && str(detail.destination) ? [arrow(str(detail.source)!, str(detail.destination)!)] : [];
    case "account.system_forward.set": {
      const after = "after" in detail ? detail.after : detail.requested;
      return "before" in detail || after !== undefined
        ? [t("changes.systemMail", { before: w.list(strs(detail.before)), after: w.list(strs(after)) })]
        : [];
    }
    case "account.owner.assign":
      return [t("changes.owner", { before: str(detail.before) ?? t("changes.none"), after: str(detail.after) ?? t("changes.none") })];
    case "user.role.change": {
      const after = str(detail.after);
      const before = str(detail.before);
      return after ? [t("changes.roleChange", { before: before ? w.role(before) : t("changes.none"), after: w.role(after) })] : [];
    }
    case "user.create": {
      const role = str(detail.role);
      return present([role ? t("changes.role", { role: w.role(role) }) : null, str(detail.source) === "oidc" ? t("changes.singleSignOn") : null]);
    }
    case "mailbox.client_settings.send":
      return str(detail.to) ? [t("changes.sentTo", { address: str(detail.to)! })] : [];
    case "account.session.open":
    case "mailbox.webmail.open": {
      const service = str(detail.service);
      return service ? [t("changes.service", { service: service === "webmaild" ? "Webmail" : service === "cpaneld" ? "cPanel" : service })] : [];
    }
    case "api_token.create": {
      const scopes = strs(detail.scopes);
      const expires = w.day(detail.expiresAt);
      return present([
        scopes.length ? t("changes.scopes", { scopes: scopes.join(", ") }) : null,
        expires ? t("changes.expires", { date: expires }) : detail.expiresAt === null ? t("changes.neverExpires") : null,
      ]);
    }
    case "user.invite": {
      const accounts = Array.isArray(detail.accountIds) ? detail.accountIds.length : null;
      const expires = w.day(detail.expiresAt);
      return present([
        accounts !== null ? t("changes.forAccounts", { count: accounts }) : null,
        expires ? t("changes.linkValidUntil", { date: expires }) : null,
      ]);
    }
    case "user.invitation.resend":
    case "user.password.reset.request": {
      const expires = w.day(detail.expiresAt);
      return expires ? [t("changes.linkValidUntil", { date: expires })] : [];
    }
    case "user.password.reset":
      return detail.sessionsEnded === true ? [t("changes.signedOutEverywhere")] : [];
    case "account.password.force_change":
      return detail.alreadyRequired === true ? [t("changes.alreadyRequired")] : [];
    case "server.add": {
      const url = str(detail.baseUrl);
      return url ? [t("changes.address", { url })] : [];
    }
    case "server.edit": {
      const before = obj(detail.before);
      const after = obj(detail.after);
      const parts: string[] = [];
      // String(): a missing name or address reads "null", as it always has.
      if (before && after && str(before.name) !== str(after.name))
        parts.push(t("changes.nameChange", { before: String(str(before.name)), after: String(str(after.name)) }));
      if (before && after && str(before.baseUrl) !== str(after.baseUrl))
        parts.push(t("changes.addressChange", { before: String(str(before.baseUrl)), after: String(str(after.baseUrl)) }));
      if (detail.tokenReplaced === true) parts.push(t("changes.tokenReplaced"));
      return parts;
    }
    case "server.accounts.import": {
      const [created, updated, missing] = [num(detail.created), num(detail.updated), num(detail.missing)];
      // Counts as plain digits (String, not the message's number format): English has always written "1000 new".
      return created === null
        ? []
        : [t("changes.imported", { created: String(created), updated: String(updated ?? 0), missing: String(missing ?? 0) })];
    }
    case "mailbox.secure": {
      const steps = obj(detail.steps);
      // Step ids and their outcomes are codes ("suspend_login done"), shown as recorded.
      return steps
        ? [
            t("changes.steps", {
              steps: Object.entries(steps)
                .map(([id, outcome]) => `${id.replace(/_/g, " ")} ${str(outcome) ?? ""}`.trim())
                .join(", "),
            }),
          ]
        : [];
    }
    default:
      return [];
  }
}

/** Error codes recorded in `detail.error`, with their AuditDescriptions.errors keys (class names of thrown errors fall through to `message`). */
const ERROR_KEYS: Record<string, string> = {
  not_owner: "notOwner",
  staff_only: "staffOnly",
  admin_only: "adminOnly",
  wrong_password: "wrongPassword",
  rate_limited: "rateLimited",
};

/** Why it did not work: field messages, else the error's safe message (as recorded), else its code in words. */
function reasonOf(detail: Record<string, unknown>, { t }: Words): string | null {
  const fields = obj(detail.fields);
  const fieldMessages = fields ? Object.values(fields).flatMap(strs) : [];
  if (fieldMessages.length) return fieldMessages.join("; ");
  const message = str(detail.message);
  if (message) return message;
  const error = str(detail.error);
  if (error === "missing_scope") return str(detail.scope) ? t("errors.missingScope", { scope: str(detail.scope)! }) : t("errors.missingAnyScope");
  if (error && ERROR_KEYS[error]) return t(`errors.${ERROR_KEYS[error]}`);
  return error && /^[a-z_]+$/.test(error) ? error.replace(/_/g, " ") : null;
}

/** "Use at least …" → "use at least …", but "WHM …" and "cPanel …" stay as they are. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/** "Refused", "Failed: …": AuditDescriptions.outcomes.<outcome>, with the reason when there is one. */
function outcomeSentence(outcome: "refused" | "failed" | "notConfirmed", reason: string | null, { t }: Words): string {
  return sentence(reason ? t(`outcomes.${outcome}Because`, { reason }) : t(`outcomes.${outcome}`));
}

/**
 * One audit event as a title ("Changed mailbox settings") and a sentence of what changed and why it did not
 * work ("Quota 777 → 1,000 MB. Refused: the forwarder would loop …"), or null when there is nothing to add.
 */
export function describeAuditEvent(event: DescribableEvent, words: AuditWords): { title: string; detail: string | null } {
  const w = wordsFor(words);
  const detail = event.detail ?? {};
  const parts = changeParts(event.action, detail, event.target ?? null, w).map(sentence);
  const reason = reasonOf(detail, w);
  const refusedBeforeSending = Boolean(obj(detail.fields)) || str(detail.error) === "invalid" || str(detail.error) === "ValidationError";
  if (event.outcome === "denied") parts.push(outcomeSentence("refused", reason && lowerFirst(reason), w));
  else if (event.outcome === "failure")
    parts.push(refusedBeforeSending ? outcomeSentence("refused", reason && lowerFirst(reason), w) : outcomeSentence("failed", reason, w));
  else if (event.outcome === "unknown") parts.push(outcomeSentence("notConfirmed", reason, w));
  const note = str(detail.note);
  if (note) parts.push(sentence(note));
  return { title: describeAction(event.action, words), detail: parts.length ? parts.join(" ") : null };
}
