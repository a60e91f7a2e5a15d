import type { ServerResponse } from "node:http";
import { z } from "zod";
import { parseAddress } from "./address";
import { AccountConflict, createAccount, randomToken } from "./accounts";
import { ApiError } from "./errors";
import { FAULT_KINDS, type Faults } from "./faults";
import { seedDemo } from "./seed-demo";
import { clearDb } from "./state/db";
import type { Store } from "./state/store";

const accountSchema = z.object({
  user: z.string().regex(/^[a-z][a-z0-9]{0,15}$/i),
  domain: z.string().min(3),
  extraDomains: z.array(z.string()).optional(),
  contactEmail: z.string().optional(),
  password: z.string().optional(),
  token: z.string().optional(),
  maxEmailQuotaMb: z.number().int().positive().nullable().optional(),
  plan: z.string().optional(),
  /** A reseller made with POST /__emulator/resellers, or root (default). */
  owner: z.string().optional(),
  /** A cpuser file from before STARTDATE/MAXPOP/IP were recorded: listaccts says `*unknown*` for them. */
  legacy: z.boolean().optional(),
  mailboxes: z
    .array(
      z.object({
        email: z.string(),
        password: z.string().optional(),
        quotaMb: z.number().int().nonnegative().nullable().optional(),
        diskUsedBytes: z.number().int().nonnegative().optional(),
      }),
    )
    .optional(),
});

const resellerSchema = z.object({
  user: z.string().regex(/^[a-z][a-z0-9]{0,15}$/i),
  token: z.string().min(1).optional(),
  /** WHM ACLs (Whostmgr::ACLS names), e.g. ["list-accts", "cpanel-api"]; "all" = root-like. */
  acls: z.array(z.string()).default([]),
});

const faultSchema = z.object({
  fn: z.string().min(1),
  kind: z.enum(FAULT_KINDS as [string, ...string[]]),
  ms: z.number().nonnegative().optional(),
  status: z.number().int().min(100).max(599).optional(),
  message: z.string().optional(),
  times: z.number().int().positive().optional(),
});

const healthSchema = z.discriminatedUnion("state", [
  z.object({ state: z.literal("up") }),
  z.object({ state: z.literal("slow"), ms: z.number().int().positive().max(600_000) }),
  z.object({ state: z.literal("down") }),
]);

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

/** The account's whole state for tests (never password hashes or tokens). */
export function accountState(store: Store, user: string) {
  const a = store.account(user);
  if (!a) return undefined;
  return {
    user: a.user,
    domain: a.domain,
    domains: store.domainsOf(user),
    contactEmail: a.contact_email,
    plan: a.plan,
    owner: a.owner,
    maxEmailQuotaMb: a.max_email_quota_mb,
    suspended: a.suspended === 1,
    forcePasswordChange: a.force_password_change === 1,
    outgoingSuspended: a.outgoing_suspended === 1,
    outgoingHeld: a.outgoing_held === 1,
    systemForward: store.systemForward(user),
    mailboxes: store.mailboxesOf(user).map((m) => ({
      email: `${m.local}@${m.domain}`,
      quotaMb: m.quota_mb,
      diskUsedBytes: m.disk_used,
      suspendedLogin: m.suspended_login === 1,
      suspendedIncoming: m.suspended_incoming === 1,
      suspendedOutgoing: m.suspended_outgoing === 1,
      holdOutgoing: m.hold_outgoing === 1,
      sessions: store.sessionCount(m.id),
      mtime: m.mtime,
    })),
    forwarders: store.forwardersOf(user).map((f) => ({ address: f.address, kind: f.kind, forward: f.forward })),
    domainForwarders: store.domainForwardersOf(user),
    autoresponders: store.autorespondersOf(user).map((r) => ({
      email: r.address,
      from: r.from_name,
      subject: r.subject,
      body: r.body,
      isHtml: r.is_html === 1,
      interval: r.interval,
      start: r.start,
      stop: r.stop,
      charset: r.charset,
    })),
  };
}

/** Serves `/__emulator/*` (contract: docs/emulator.md, "Control interface"). */
export function handleControl(store: Store, faults: Faults, method: string, path: string, body: string, res: ServerResponse): void {
  let json: unknown = {};
  if (body.trim()) {
    try {
      json = JSON.parse(body);
    } catch {
      return send(res, 400, { error: "The body is not JSON." });
    }
  }
  const route = `${method} ${path.replace(/\/+$/, "")}`;
  try {
    if (route === "POST /__emulator/reset") {
      clearDb(store.db);
      faults.clear();
      return send(res, 200, { ok: true });
    }
    if (route === "POST /__emulator/seed") {
      const preset = (json as { preset?: unknown }).preset;
      if (preset !== "demo") return send(res, 400, { error: 'Unknown preset; the only one is "demo".' });
      seedDemo(store);
      return send(res, 200, { ok: true, preset });
    }
    if (route === "POST /__emulator/accounts") {
      const parsed = accountSchema.safeParse(json);
      if (!parsed.success) return send(res, 400, { error: parsed.error.message });
      const owner = parsed.data.owner?.toLowerCase();
      if (owner && owner !== "root" && !store.reseller(owner)) return send(res, 400, { error: `No reseller named “${owner}”.` });
      createAccount(store, { ...parsed.data, owner });
      return send(res, 201, { user: parsed.data.user.toLowerCase() });
    }
    if (route === "POST /__emulator/resellers") {
      const parsed = resellerSchema.safeParse(json);
      if (!parsed.success) return send(res, 400, { error: parsed.error.message });
      const user = parsed.data.user.toLowerCase();
      if (user === "root" || store.reseller(user)) return send(res, 409, { error: `The reseller “${user}” already exists.` });
      const token = parsed.data.token ?? randomToken();
      store.createReseller(user, token, parsed.data.acls);
      return send(res, 201, { user, token, acls: parsed.data.acls });
    }
    if (method === "GET" && path.startsWith("/__emulator/state/")) {
      const user = decodeURIComponent(path.slice("/__emulator/state/".length)).toLowerCase();
      const state = accountState(store, user);
      return state ? send(res, 200, state) : send(res, 404, { error: `No account named “${user}”.` });
    }
    if (method === "GET" && path.startsWith("/__emulator/dispatched/")) {
      const user = decodeURIComponent(path.slice("/__emulator/dispatched/".length)).toLowerCase();
      if (!store.account(user)) return send(res, 404, { error: `No account named “${user}”.` });
      return send(res, 200, { messages: store.dispatchedSettingsOf(user) });
    }
    if (route === "POST /__emulator/sessions") {
      const email = (json as { email?: unknown }).email;
      if (typeof email !== "string") return send(res, 400, { error: "Send {email}." });
      const addr = parseAddress(email);
      const mailbox = store.mailbox(addr.local, addr.domain);
      if (!mailbox) return send(res, 404, { error: `No mailbox named “${addr.address}”.` });
      store.openSession(mailbox.id);
      return send(res, 201, { email: addr.address, sessions: store.sessionCount(mailbox.id) });
    }
    if (route === "POST /__emulator/faults") {
      const parsed = faultSchema.safeParse(json);
      if (!parsed.success) return send(res, 400, { error: parsed.error.message });
      faults.add(parsed.data as Parameters<Faults["add"]>[0]);
      return send(res, 201, { ok: true });
    }
    if (route === "DELETE /__emulator/faults") {
      faults.clear();
      return send(res, 200, { ok: true });
    }
    if (route === "POST /__emulator/health") {
      const parsed = healthSchema.safeParse(json);
      if (!parsed.success) return send(res, 400, { error: 'Send {"state":"up"}, {"state":"slow","ms":N} or {"state":"down"}.' });
      faults.health = parsed.data;
      return send(res, 200, parsed.data);
    }
    if (route === "GET /__emulator/health") return send(res, 200, faults.health);
    if (route === "GET /__emulator/requests") return send(res, 200, { counts: faults.requestCounts() });
    if (route === "DELETE /__emulator/requests") {
      faults.clearCounts();
      return send(res, 200, { ok: true });
    }
    return send(res, 404, { error: "Unknown control call." });
  } catch (error) {
    if (error instanceof AccountConflict) return send(res, 409, { error: error.message });
    if (error instanceof ApiError) return send(res, 400, { error: error.message });
    throw error;
  }
}
