// The authorization matrix (issue 8): every server action and every route handler × every kind of caller,
// run for real against the emulator-backed demo panel. The sessions are next-auth's, decoded by a fake
// getServerSession, so lib/auth/session.ts (session version, lock, staff 2FA) runs as in production.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { randomUUID } from "node:crypto";
import { generateSync } from "otplib";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withDemoPanel } from "../support/panel";
import { fakeSession, signInAs, signOut } from "../support/signed-in";
import { demoUsers } from "@/scripts/demo/demo-data";
import { createApiToken } from "@/lib/db/api-tokens";
import { createUser, findUserByEmail } from "@/lib/db/users";
import { WRITE_SCOPE } from "@/lib/auth/scopes";
import { writeContext } from "@/lib/core/write-context";
import { addForwarders, addDomainForwarder, removeDomainForwarder } from "@/lib/mail/forwarders";
import { createMailbox } from "@/lib/mail/mailbox-lifecycle";
import { beginTotpEnrolment } from "@/lib/mail/two-factor";
import { currentUser, requireUser, sessionUser } from "@/lib/auth/session";
import { createInvitedUser } from "@/lib/db/invitations";
import { createPasswordResetToken } from "@/lib/db/password-resets";
import { enqueueJob } from "@/lib/jobs/queue";
import { listServers } from "@/lib/db/servers";
import { startBulkAction } from "@/lib/mail/bulk-mailboxes";

vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: async () => fakeSession() }));
vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => undefined }));
// Outside a request there are no headers; the actions that read the client address then see none.
vi.mock("next/headers", async (original) => ({ ...(await original<object>()), headers: async () => new Headers() }));
// revalidatePath needs Next's request store; what it refreshes is not what this file checks.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const panel = withDemoPanel();
const ROOT = join(import.meta.dirname, "..", "..");
const APP = join(ROOT, "app");

// ---------------------------------------------------------------------------------------------------------
// Who calls, and what they get.

const ROLES = ["anonymous", "owner", "other", "support", "admin"] as const;
type Role = (typeof ROLES)[number];
/** The extra column: admin (allowed wherever staff are) leaving out the reason that staff writes need. */
type Column = Role | "staffNoReason";

/**
 * ok · not_found (404 / the "cannot see it" state; never 403 for ownership) · forbidden · unauthorized (401) ·
 * needs_reason (staff without a reason) · session_ended (no usable session: the action answers "sign in again") ·
 * refused (a rule of the caller's own role, e.g. staff may not turn two-factor sign-in off).
 */
type Outcome = "ok" | "not_found" | "forbidden" | "unauthorized" | "needs_reason" | "session_ended" | "refused";
type Expected = Record<Role, Outcome> & { staffNoReason: Outcome | null };

const EMAIL: Record<Exclude<Role, "anonymous">, string> = {
  owner: "customer@example.com",
  other: "other@example.net",
  support: "support@example.com",
  admin: "admin@example.com",
};

// The rows' expectations, by who may do it (DESIGN §2).
const customerWrite: Expected = {
  anonymous: "session_ended",
  owner: "ok",
  other: "not_found",
  support: "ok",
  admin: "ok",
  staffNoReason: "needs_reason",
};
const staffWrite: Expected = {
  anonymous: "session_ended",
  owner: "not_found",
  other: "not_found",
  support: "ok",
  admin: "ok",
  staffNoReason: "needs_reason",
};
const adminWrite: Expected = {
  anonymous: "session_ended",
  owner: "not_found",
  other: "not_found",
  support: "not_found",
  admin: "ok",
  staffNoReason: "needs_reason",
};
/** Links from a mail (invitation, password reset): the token in the link is the credential, whoever opens it. */
const linkHolder: Expected = { anonymous: "ok", owner: "ok", other: "ok", support: "ok", admin: "ok", staffNoReason: null };
/** Asking for a reset link: anyone, with the same answer whether or not the address has a login. */
const publicForm: Expected = linkHolder;
/** One's own panel settings (API tokens, two-factor): every signed-in person, for themselves. */
const ownSetting: Expected = { anonymous: "session_ended", owner: "ok", other: "ok", support: "ok", admin: "ok", staffNoReason: null };
const apiRead: Expected = { anonymous: "unauthorized", owner: "ok", other: "not_found", support: "ok", admin: "ok", staffNoReason: null };
const apiWrite: Expected = { anonymous: "unauthorized", owner: "ok", other: "not_found", support: "ok", admin: "ok", staffNoReason: "needs_reason" };
const apiOwnList: Expected = { anonymous: "unauthorized", owner: "ok", other: "ok", support: "ok", admin: "ok", staffNoReason: null };
const publicRead: Expected = { anonymous: "ok", owner: "ok", other: "ok", support: "ok", admin: "ok", staffNoReason: null };
const staffPage: Expected = { anonymous: "not_found", owner: "not_found", other: "not_found", support: "ok", admin: "ok", staffNoReason: null };
/** Reading through a server action ("select all that match"): whoever sees the account. */
const customerRead: Expected = { anonymous: "session_ended", owner: "ok", other: "not_found", support: "ok", admin: "ok", staffNoReason: null };
/** A bulk job: whoever sees its account, and staff (cancelling needs no reason: it changes nothing in cPanel). */
const jobAccess: Expected = { anonymous: "session_ended", owner: "ok", other: "not_found", support: "ok", admin: "ok", staffNoReason: null };
const apiJob: Expected = { anonymous: "unauthorized", owner: "ok", other: "not_found", support: "ok", admin: "ok", staffNoReason: null };

// ---------------------------------------------------------------------------------------------------------
// One cell's inputs.

type Cell = {
  column: Column;
  role: Role;
  /** Unique per row and cell, for names that must not collide (new mailboxes, forwarders, users). */
  tag: string;
  /** The staff reason, or undefined (customers, anonymous, the no-reason column). */
  reason: string | undefined;
  accountId: string;
  token: string | null;
  password: string;
};

type ActionRow = {
  expect: Expected;
  /** Sets up what the call acts on (runs as the owner or through lib, whoever the cell's caller is). */
  prepare?: (cell: Cell) => Promise<Record<string, string>>;
  input: (cell: Cell, prepared: Record<string, string>) => FormData | Record<string, unknown> | undefined;
};

type RouteRow = ActionRow & {
  /** `{accountId}` style placeholders are filled from the cell; the path's params object is built from them. */
  params: (cell: Cell, prepared: Record<string, string>) => Record<string, string>;
  /** Staff reasons go to `?reason=` when the route has no body. */
  reasonInQuery?: boolean;
  /** The session, not a bearer token, is this route's credential. */
  viaSession?: boolean;
  /** Checked elsewhere (named), not run here. */
  elsewhere?: string;
};

const STRONG = "Harbor-quince-2026-lark";
const REASON = "Ticket #4711: customer asked on the phone";

function form(fields: Record<string, string | undefined>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) data.set(key, value);
  return data;
}

const owner = () => writeContext(panel().customer, "web");
/** A queued bulk job of the owner on the cell's account (no worker runs here: it stays queued). */
const ownersJob = async (c: Cell) => ({
  jobId: (await startBulkAction(owner(), c.accountId, ["info@example.com"], { kind: "hold_outgoing" })).jobId,
});
const addr = (cell: Cell, local: string, domain = "example.net") => `${local}-${cell.tag}@${domain}`.toLowerCase();

// ---------------------------------------------------------------------------------------------------------
// THE TABLE. Keys: server actions as `file#export` (relative to app/), routes as `METHOD file`.
// A new "use server" export or route method that is not here fails the first test below.

const actions: Record<string, ActionRow> = {
  "(panel)/accounts/[accountId]/email/[address]/actions.ts#changePassword": {
    expect: customerWrite,
    input: (c) => form({ accountId: c.accountId, address: "info@example.com", newPassword: STRONG, confirmPassword: STRONG, reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/forwarders/address-actions.ts#addMailboxForwarder": {
    expect: customerWrite,
    input: (c) => form({ accountId: c.accountId, address: "info@example.com", destinations: addr(c, "fwd"), reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/forwarders/address-actions.ts#removeForwarder": {
    expect: customerWrite,
    prepare: async (c) => {
      const destination = addr(c, "rm");
      await addForwarders(owner(), c.accountId, "info@example.com", { kind: "address", destinations: [destination] });
      return { destination };
    },
    input: (c, p) => form({ accountId: c.accountId, address: "info@example.com", destination: p.destination, reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/email/[address]/options-actions.ts#saveOptions": {
    expect: customerWrite,
    input: (c) => form({ accountId: c.accountId, address: "info@example.com", quota: "2048", wasQuota: "", reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/email/[address]/options-actions.ts#saveAutoresponder": {
    expect: customerWrite,
    input: (c) =>
      form({ accountId: c.accountId, address: "info@example.com", enabled: "on", subject: "Away", body: "Back on Monday.", reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/email/[address]/options-actions.ts#deleteMailboxForm": {
    expect: customerWrite,
    prepare: async (c) => {
      const { email } = await createMailbox(owner(), c.accountId, {
        localPart: `del-${c.tag}`,
        domain: "example.com",
        password: STRONG,
        quotaMb: 100,
      });
      return { email };
    },
    input: (c, p) => form({ accountId: c.accountId, address: p.email, confirmAddress: p.email, reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/email/[address]/sections/secure-actions.ts#secureMailboxForm": {
    expect: customerWrite,
    prepare: async (c) => {
      const { email } = await createMailbox(owner(), c.accountId, {
        localPart: `sec-${c.tag}`,
        domain: "example.com",
        password: STRONG,
        quotaMb: 100,
      });
      return { email };
    },
    input: (c, p) => form({ accountId: c.accountId, address: p.email, reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/email/[address]/sections/secure-actions.ts#unsuspendLoginForm": {
    expect: customerWrite,
    input: (c) => form({ accountId: c.accountId, address: "info@example.com", reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/email/[address]/sections/webmail-actions.ts#openWebmail": {
    expect: customerWrite,
    input: (c) => ({ accountId: c.accountId, address: "info@example.com", reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/email/[address]/sections/devices-actions.ts#emailSettingsForm": {
    expect: customerWrite,
    input: (c) => form({ accountId: c.accountId, address: "info@example.com", to: "helpdesk@example.net", reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/email/[address]/sections/secure-actions.ts#turnOffAutoresponderForm": {
    expect: customerWrite,
    input: (c) => form({ accountId: c.accountId, address: "info@example.com", reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/email/[address]/sections/outgoing-actions.ts#deleteHeldMessagesForm": {
    expect: customerWrite,
    input: (c) => form({ accountId: c.accountId, address: "info@example.com", reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/email/[address]/sections/outgoing-actions.ts#releaseHeldMailForm": {
    expect: customerWrite,
    input: (c) => form({ accountId: c.accountId, address: "info@example.com", reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/email/create-mailbox-actions.ts#createMailboxForm": {
    expect: customerWrite,
    input: (c) =>
      form({
        accountId: c.accountId,
        localPart: `new-${c.tag}`,
        domain: "example.com",
        password: STRONG,
        confirmPassword: STRONG,
        quota: "100",
        reason: c.reason,
      }),
  },
  "(panel)/accounts/[accountId]/forwarders/actions.ts#addForwarder": {
    expect: customerWrite,
    input: (c) =>
      form({ accountId: c.accountId, source: addr(c, "alias", "example.com"), kind: "address", destinations: "team@example.net", reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/forwarders/actions.ts#addDomainForwarder": {
    expect: customerWrite,
    prepare: async (c) => {
      await removeDomainForwarder(owner(), c.accountId, "example.org").catch(() => undefined);
      return {};
    },
    input: (c) => form({ accountId: c.accountId, sourceDomain: "example.org", destinationDomain: `${c.tag}.example`, reason: c.reason }),
  },
  "(panel)/accounts/[accountId]/forwarders/actions.ts#removeDomainForwarder": {
    expect: customerWrite,
    prepare: async (c) => {
      await addDomainForwarder(owner(), c.accountId, "example.org", "elsewhere.example").catch(() => undefined);
      return {};
    },
    input: (c) => form({ accountId: c.accountId, sourceDomain: "example.org", reason: c.reason }),
  },
  "(panel)/admin/users/actions.ts#createUser": {
    expect: adminWrite,
    input: (c) => form({ email: `user-${c.tag}@example.com`, role: "customer", password: "Initial-password-2026", reason: c.reason }),
  },
  "(panel)/admin/users/actions.ts#manageUser": {
    expect: adminWrite,
    prepare: async (c) => ({
      userId: (await createUser({ email: `target-${c.tag}@example.com`, role: "customer", password: "Initial-password-2026" })).id,
    }),
    input: (c, p) => form({ operation: "sign-out", userId: p.userId, reason: c.reason }),
  },
  "(panel)/settings/api-tokens/actions.ts#createApiTokenAction": {
    expect: ownSetting,
    input: (c) => form({ name: `script ${c.tag}`, scopes: WRITE_SCOPE, expiresInDays: "30", currentPassword: c.password }),
  },
  "(panel)/settings/api-tokens/actions.ts#revokeApiTokenAction": {
    // Only one's own token: the owner's token is "not found" for everyone else, staff included.
    expect: { anonymous: "session_ended", owner: "ok", other: "not_found", support: "not_found", admin: "not_found", staffNoReason: null },
    prepare: async (c) => ({
      tokenId: (await createApiToken({ userId: panel().customer.id, name: `to revoke ${c.tag}`, scopes: [WRITE_SCOPE] })).apiToken.id,
    }),
    input: (_c, p) => form({ tokenId: p.tokenId }),
  },
  "(panel)/support/accounts/[accountId]/actions.ts#runMailAction": {
    expect: staffWrite,
    input: (c) => form({ accountId: c.accountId, action: "release_outgoing", reason: c.reason }),
  },
  "(panel)/support/accounts/[accountId]/actions.ts#saveSystemForward": {
    expect: staffWrite,
    input: (c) => form({ accountId: c.accountId, forwardTo: "postmaster@example.net", reason: c.reason }),
  },
  "(panel)/support/accounts/[accountId]/actions.ts#openSession": {
    expect: staffWrite,
    input: (c) => ({ accountId: c.accountId, service: "webmaild", reason: c.reason ?? "" }),
  },
  "(panel)/support/force-password/actions.ts#startForcePasswordJob": {
    expect: staffWrite,
    input: (c) => form({ account: c.accountId, mode: "continue", reason: c.reason }),
  },
  "(panel)/jobs/actions.ts#previewBulkForm": {
    // The dry run asks staff for the reason that Run then sends.
    expect: customerWrite,
    input: (c) => form({ mailboxes: `${c.accountId}:info@example.com`, action: "hold_outgoing", reason: c.reason }),
  },
  "(panel)/jobs/actions.ts#runBulkForm": {
    expect: customerWrite,
    input: (c) => form({ mailboxes: `${c.accountId}:info@example.com`, action: "release_outgoing", reason: c.reason }),
  },
  "(panel)/jobs/actions.ts#selectMatchingMailboxes": {
    expect: customerRead,
    input: (c) => ({ accountId: c.accountId, query: "info" }),
  },
  "(panel)/jobs/actions.ts#cancelJobForm": { expect: jobAccess, prepare: ownersJob, input: (_c, p) => form({ jobId: p.jobId }) },
  "(panel)/admin/jobs/actions.ts#manageJob": {
    expect: { anonymous: "session_ended", owner: "not_found", other: "not_found", support: "not_found", admin: "ok", staffNoReason: null },
    prepare: async (c) => ({
      jobId: (await enqueueJob({ kind: "matrix-noop", key: `matrix-${c.tag}-${randomUUID()}`, title: "Matrix job", payload: null })).id,
    }),
    input: (_c, p) => form({ operation: "cancel", jobId: p.jobId }),
  },
  "(panel)/admin/servers/actions.ts#createServer": {
    expect: adminWrite,
    input: (c) =>
      form({ name: `matrix-${c.tag}`, baseUrl: "https://127.0.0.1:1", authMode: "whm", username: "root", token: "MATRIXTOKEN", reason: c.reason }),
  },
  "(panel)/admin/servers/actions.ts#manageServer": {
    expect: adminWrite,
    prepare: async () => ({ serverId: (await listServers())[0]!.id }),
    input: (c, p) => form({ operation: "enable", serverId: p.serverId, reason: c.reason }),
  },
  "(panel)/admin/users/invitations/actions.ts#inviteUser": {
    expect: staffWrite,
    input: (c) => form({ email: `invited-${c.tag}@example.com`, reason: c.reason }),
  },
  "(panel)/admin/users/invitations/actions.ts#manageInvitation": {
    expect: staffWrite,
    prepare: async (c) => ({
      invitationId: (await createInvitedUser({ email: `manage-${c.tag}@example.com`, invitedByUserId: null, accountIds: [], validForMs: 60_000 }))
        .invitation.id,
    }),
    input: (c, p) => form({ operation: "revoke", invitationId: p.invitationId, reason: c.reason }),
  },
  "(panel)/settings/notifications/actions.ts#saveNotifications": { expect: ownSetting, input: () => form({ weekly_summary: "on" }) },
  "(panel)/settings/actions.ts#saveLanguage": { expect: ownSetting, input: () => form({ language: "browser" }) },
  "forgot-password/actions.ts#requestReset": { expect: publicForm, input: (c) => form({ email: `nobody-${c.tag}@example.com` }) },
  "invite/[token]/actions.ts#acceptInvitation": {
    expect: linkHolder,
    prepare: async (c) => ({
      token: (await createInvitedUser({ email: `accept-${c.tag}@example.com`, invitedByUserId: null, accountIds: [], validForMs: 60_000 })).token,
    }),
    input: (_c, p) => form({ token: p.token, password: "Accepted-password-2026", confirmPassword: "Accepted-password-2026" }),
  },
  "reset-password/[token]/actions.ts#resetPassword": {
    expect: linkHolder,
    prepare: async (c) => {
      const user = await createUser({ email: `reset-${c.tag}@example.com`, role: "customer", password: "Initial-password-2026" });
      return { token: (await createPasswordResetToken(user.id, 60_000)).token };
    },
    input: (_c, p) => form({ token: p.token, password: "Reset-password-2026-x", confirmPassword: "Reset-password-2026-x" }),
  },
  "security/two-factor/actions.ts#beginEnrolmentAction": { expect: ownSetting, input: () => undefined },
  "security/two-factor/actions.ts#confirmEnrolmentAction": {
    expect: ownSetting,
    prepare: async () => {
      const session = fakeSession();
      if (!session) return { code: "000000" };
      const { secret } = await beginTotpEnrolment(session.user);
      return { code: generateSync({ secret }) };
    },
    input: (c, p) => form({ code: p.code, currentPassword: c.password }),
  },
  "security/two-factor/actions.ts#turnOffAction": {
    expect: { anonymous: "session_ended", owner: "ok", other: "ok", support: "refused", admin: "refused", staffNoReason: null },
    input: (c) => form({ currentPassword: c.password }),
  },
};

const API = "api/v2/shared-hosting";
const mailboxPath = `${API}/[accountId]/email-accounts/[address]`;

const routes: Record<string, RouteRow> = {
  [`GET ${API}/route.ts`]: { expect: apiOwnList, params: () => ({}), input: () => undefined },
  [`GET ${API}/[accountId]/email-accounts/route.ts`]: { expect: apiRead, params: (c) => ({ accountId: c.accountId }), input: () => undefined },
  [`POST ${API}/[accountId]/email-accounts/route.ts`]: {
    expect: apiWrite,
    params: (c) => ({ accountId: c.accountId }),
    input: (c) => ({ email: addr(c, "api-new", "example.com"), password: STRONG, quota: 100, reason: c.reason }),
  },
  [`GET ${mailboxPath}/route.ts`]: {
    expect: apiRead,
    params: (c) => ({ accountId: c.accountId, address: "info@example.com" }),
    input: () => undefined,
  },
  [`PATCH ${mailboxPath}/route.ts`]: {
    expect: apiWrite,
    params: (c) => ({ accountId: c.accountId, address: "info@example.com" }),
    input: (c) => ({ holdOutgoing: false, reason: c.reason }),
  },
  [`DELETE ${mailboxPath}/route.ts`]: {
    expect: apiWrite,
    reasonInQuery: true,
    prepare: async (c) => {
      const { email } = await createMailbox(owner(), c.accountId, {
        localPart: `api-del-${c.tag}`,
        domain: "example.com",
        password: STRONG,
        quotaMb: 100,
      });
      return { email };
    },
    params: (c, p) => ({ accountId: c.accountId, address: p.email! }),
    input: () => undefined,
  },
  [`PUT ${mailboxPath}/password/route.ts`]: {
    expect: apiWrite,
    params: (c) => ({ accountId: c.accountId, address: "info@example.com" }),
    input: (c) => ({ newPassword: STRONG, reason: c.reason }),
  },
  [`GET ${mailboxPath}/forwarders/route.ts`]: {
    expect: apiRead,
    params: (c) => ({ accountId: c.accountId, address: "info@example.com" }),
    input: () => undefined,
  },
  [`POST ${mailboxPath}/forwarders/route.ts`]: {
    expect: apiWrite,
    params: (c) => ({ accountId: c.accountId, address: "info@example.com" }),
    input: (c) => ({ destinations: [addr(c, "api-fwd")], reason: c.reason }),
  },
  [`DELETE ${mailboxPath}/forwarders/[destination]/route.ts`]: {
    expect: apiWrite,
    reasonInQuery: true,
    prepare: async (c) => {
      const destination = addr(c, "api-rm");
      await addForwarders(owner(), c.accountId, "info@example.com", { kind: "address", destinations: [destination] });
      return { destination };
    },
    params: (c, p) => ({ accountId: c.accountId, address: "info@example.com", destination: p.destination! }),
    input: () => undefined,
  },
  [`GET ${API}/[accountId]/domain-forwarders/route.ts`]: { expect: apiRead, params: (c) => ({ accountId: c.accountId }), input: () => undefined },
  [`POST ${API}/[accountId]/domain-forwarders/route.ts`]: {
    expect: apiWrite,
    prepare: async (c) => {
      await removeDomainForwarder(owner(), c.accountId, "example.org").catch(() => undefined);
      return {};
    },
    params: (c) => ({ accountId: c.accountId }),
    input: (c) => ({ sourceDomain: "example.org", destinationDomain: `${c.tag}.example`, reason: c.reason }),
  },
  [`DELETE ${API}/[accountId]/domain-forwarders/[domain]/route.ts`]: {
    expect: apiWrite,
    reasonInQuery: true,
    prepare: async (c) => {
      await addDomainForwarder(owner(), c.accountId, "example.org", "elsewhere.example").catch(() => undefined);
      return {};
    },
    params: (c) => ({ accountId: c.accountId, domain: "example.org" }),
    input: () => undefined,
  },
  [`POST ${mailboxPath}/secure/route.ts`]: {
    expect: apiWrite,
    prepare: async (c) => {
      const { email } = await createMailbox(owner(), c.accountId, {
        localPart: `api-sec-${c.tag}`,
        domain: "example.com",
        password: STRONG,
        quotaMb: 100,
      });
      return { email };
    },
    params: (c, p) => ({ accountId: c.accountId, address: p.email! }),
    input: (c) => ({ reason: c.reason }),
  },
  "GET api/v2/openapi.json/route.ts": { expect: publicRead, params: () => ({}), input: () => undefined },
  "GET (panel)/accounts/[accountId]/email/[address]/mobileconfig/route.ts": {
    expect: { anonymous: "not_found", owner: "ok", other: "not_found", support: "ok", admin: "ok", staffNoReason: null },
    viaSession: true,
    params: (c) => ({ accountId: c.accountId, address: "info@example.com" }),
    input: () => undefined,
  },
  [`POST ${API}/[accountId]/bulk-actions/route.ts`]: {
    expect: apiWrite,
    params: (c) => ({ accountId: c.accountId }),
    input: (c) => ({ addresses: ["info@example.com"], action: "hold_outgoing", reason: c.reason }),
  },
  "GET api/v2/jobs/[jobId]/route.ts": { expect: apiJob, prepare: ownersJob, params: (_c, p) => ({ jobId: p.jobId! }), input: () => undefined },
  "POST api/v2/jobs/[jobId]/cancel/route.ts": {
    expect: apiJob,
    prepare: ownersJob,
    params: (_c, p) => ({ jobId: p.jobId! }),
    input: () => undefined,
  },
  "GET api/v2/jobs/[jobId]/results.csv/route.ts": {
    expect: apiJob,
    prepare: ownersJob,
    params: (_c, p) => ({ jobId: p.jobId! }),
    input: () => undefined,
  },
  "GET (panel)/support/audit/export/route.ts": { expect: staffPage, viaSession: true, params: () => ({}), input: () => undefined },
  // next-auth's own handler reads next/headers through require(), which only exists inside a Next request.
  "GET api/auth/[...nextauth]/route.ts": { expect: publicRead, elsewhere: "e2e/security.spec.ts", params: () => ({}), input: () => undefined },
  "POST api/auth/[...nextauth]/route.ts": {
    expect: publicRead,
    elsewhere: "e2e/security.spec.ts (sign-in)",
    params: () => ({}),
    input: () => undefined,
  },
};

// ---------------------------------------------------------------------------------------------------------
// Discovery: what exists on disk.

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, match);
    return match(entry.name) ? [path] : [];
  });
}

const actionFiles = filesUnder(APP, (name) => /\.(ts|tsx)$/.test(name)).filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")));
const routeFiles = filesUnder(APP, (name) => name === "route.ts" || name === "route.tsx");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

async function discover(): Promise<{ actions: Map<string, (...args: unknown[]) => Promise<unknown>>; routes: Map<string, RouteHandler> }> {
  const found = { actions: new Map<string, (...args: unknown[]) => Promise<unknown>>(), routes: new Map<string, RouteHandler>() };
  for (const file of actionFiles) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") found.actions.set(`${relative(APP, file)}#${name}`, value as (...args: unknown[]) => Promise<unknown>);
    }
  }
  for (const file of routeFiles) {
    const exported = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof exported[method] === "function") found.routes.set(`${method} ${relative(APP, file)}`, exported[method] as RouteHandler);
    }
  }
  return found;
}

type RouteHandler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

// ---------------------------------------------------------------------------------------------------------
// Turning answers into outcomes.

function actionOutcome(answer: unknown): string {
  const a = answer as { status?: string; ok?: boolean; message?: string; fieldErrors?: Record<string, string[]> } | undefined;
  // A dry run answers its plan ("preview"): it reads, so that is its success.
  const success = a?.status === "success" || a?.status === "preview" || a?.ok === true || (a?.status === "idle" && "setup" in (a ?? {}));
  if (success) return "ok";
  const message = a?.message ?? "";
  if (message.startsWith("Your session has ended")) return "session_ended";
  // NotFoundError's words (lib/actions/action-errors.ts): the same for "missing" and "not yours".
  if (/you cannot see it\.?$/.test(message)) return "not_found";
  if (
    message === "Staff changes need a reason." ||
    message.startsWith("Give a reason") ||
    a?.fieldErrors?.reason?.some((m) => m.startsWith("Give a reason"))
  ) {
    return "needs_reason";
  }
  if (a?.fieldErrors?.form) return "refused";
  return `unexpected: ${JSON.stringify(answer)}`;
}

async function routeOutcome(response: Response): Promise<string> {
  if (response.status < 300) return "ok";
  if (response.status === 401) return "unauthorized";
  if (response.status === 403) return "forbidden";
  if (response.status === 404) return "not_found";
  const text = await response.text();
  if (response.status === 400 && text.includes('"/reason"')) return "needs_reason";
  return `unexpected: HTTP ${response.status} ${text.slice(0, 300)}`;
}

const isRedirect = (error: unknown): error is { digest: string } =>
  typeof error === "object" &&
  error !== null &&
  typeof (error as { digest?: unknown }).digest === "string" &&
  (error as { digest: string }).digest.startsWith("NEXT_REDIRECT");

// ---------------------------------------------------------------------------------------------------------

const tokens = {} as Record<Role, string | null>;

beforeAll(async () => {
  tokens.anonymous = null;
  for (const role of ["owner", "other", "support", "admin"] as const) {
    const user = await findUserByEmail(EMAIL[role]);
    tokens[role] = (await createApiToken({ userId: user!.id, name: `matrix ${role}`, scopes: [WRITE_SCOPE] })).token;
  }
});

function cellFor(key: string, column: Column): Cell {
  const role: Role = column === "staffNoReason" ? "admin" : column;
  const staff = role === "support" || role === "admin";
  const password = role === "anonymous" ? "whatever-it-is" : demoUsers.find((u) => u.email === EMAIL[role])!.password;
  const tag = `${column}-${Object.keys({ ...actions, ...routes }).indexOf(key)}`.toLowerCase().replace(/[^a-z0-9-]/g, "");
  return {
    column,
    role,
    tag,
    reason: staff && column !== "staffNoReason" ? REASON : undefined,
    accountId: panel().accountId.examplecom,
    token: tokens[role],
    password,
  };
}

async function session(role: Role) {
  if (role === "anonymous") signOut();
  else await signInAs(EMAIL[role]);
}

/** cPanel's state of the account every row acts on (what a refused call must leave alone). */
const cpanelState = async () => JSON.stringify(await panel().emulator.control.state("examplecom"));

type Ran = { outcome: string; changed: boolean };

async function runAction(key: string, fn: (...args: unknown[]) => Promise<unknown>, row: ActionRow, column: Column): Promise<Ran> {
  const cell = cellFor(key, column);
  await session(cell.role);
  const prepared = (await row.prepare?.(cell)) ?? {};
  const input = row.input(cell, prepared);
  const before = await cpanelState();
  let outcome: string;
  try {
    const answer = input === undefined ? await fn() : input instanceof FormData ? await fn({ status: "idle" }, input) : await fn(input);
    outcome = actionOutcome(answer);
  } catch (error) {
    outcome = isRedirect(error) ? "ok" : `threw: ${String(error)}`;
  }
  return { outcome, changed: (await cpanelState()) !== before };
}

async function runRoute(key: string, handler: RouteHandler, row: RouteRow, column: Column): Promise<Ran> {
  const cell = cellFor(key, column);
  const prepared = (await row.prepare?.(cell)) ?? {};
  await session(row.viaSession ? cell.role : "anonymous");
  const [method, file] = key.split(" ") as [string, string];
  const params = row.params(cell, prepared);
  const path = file
    .replace(/^\(panel\)\//, "")
    .replace(/\/route\.ts$/, "")
    .replace(/\[(\w+)\]/g, (_m, name: string) => encodeURIComponent(params[name] ?? ""));
  const url = new URL(`http://localhost:3000/${path}`);
  if (row.reasonInQuery && cell.reason) url.searchParams.set("reason", cell.reason);
  const body = row.input(cell, prepared);
  const headers: Record<string, string> = {};
  if (cell.token && !row.viaSession) headers.authorization = `Bearer ${cell.token}`;
  if (row.viaSession && cell.role !== "anonymous") headers.cookie = "next-auth.session-token=matrix";
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const encoded = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, encodeURIComponent(v)]));
  const before = await cpanelState();
  const outcome = await routeOutcome(await handler(request, { params: Promise.resolve(encoded) }));
  return { outcome, changed: (await cpanelState()) !== before };
}

const COLUMNS: Column[] = [...ROLES, "staffNoReason"];

describe("authorization matrix", () => {
  it("covers every server action and every route handler method, and nothing that no longer exists", async () => {
    const found = await discover();
    expect(
      [...found.actions.keys()].filter((key) => !(key in actions)),
      "server actions missing from the matrix",
    ).toEqual([]);
    expect(
      Object.keys(actions).filter((key) => !found.actions.has(key)),
      "matrix rows for actions that no longer exist",
    ).toEqual([]);
    expect(
      [...found.routes.keys()].filter((key) => !(key in routes)),
      "route methods missing from the matrix",
    ).toEqual([]);
    expect(
      Object.keys(routes).filter((key) => !found.routes.has(key)),
      "matrix rows for routes that no longer exist",
    ).toEqual([]);
  });

  it("every server action answers each caller as the table says, and a refused call changes nothing in cPanel", async () => {
    const found = await discover();
    const got: Record<string, Partial<Record<Column, string>>> = {};
    const want: Record<string, Partial<Record<Column, string>>> = {};
    const changed: string[] = [];
    for (const [key, row] of Object.entries(actions)) {
      const fn = found.actions.get(key);
      if (!fn) continue;
      for (const column of COLUMNS) {
        const expected = row.expect[column];
        if (expected === null) continue;
        const { outcome, changed: didChange } = await runAction(key, fn, row, column);
        (got[key] ??= {})[column] = outcome;
        (want[key] ??= {})[column] = expected;
        if (expected !== "ok" && didChange) changed.push(`${key} × ${column}`);
      }
    }
    expect(got).toEqual(want);
    expect(changed, "refused calls that changed cPanel's state").toEqual([]);
  }, 120_000);

  it("every route handler answers each caller as the table says, and a refused call changes nothing in cPanel", async () => {
    const found = await discover();
    const got: Record<string, Partial<Record<Column, string>>> = {};
    const want: Record<string, Partial<Record<Column, string>>> = {};
    const changed: string[] = [];
    for (const [key, row] of Object.entries(routes)) {
      const handler = found.routes.get(key);
      if (!handler || row.elsewhere) continue;
      for (const column of COLUMNS) {
        const expected = row.expect[column];
        if (expected === null) continue;
        const { outcome, changed: didChange } = await runRoute(key, handler, row, column);
        (got[key] ??= {})[column] = outcome;
        (want[key] ??= {})[column] = expected;
        if (expected !== "ok" && didChange) changed.push(`${key} × ${column}`);
      }
    }
    expect(got).toEqual(want);
    expect(changed, "refused calls that changed cPanel's state").toEqual([]);
  }, 120_000);
});

describe("staff without two-factor sign-in", () => {
  let email: string;
  beforeAll(async () => {
    email = "no-2fa-support@example.com";
    await createUser({ email, role: "support", password: "No-second-factor-2026" });
  });

  it("is nobody to the panel: no actor, pages redirect to /security/two-factor", async () => {
    await signInAs(email);
    expect(await sessionUser()).toMatchObject({ email, twoFactorEnabled: false });
    expect(await currentUser()).toBeNull();
    const redirect = await requireUser().then(
      () => null,
      (error: unknown) => (isRedirect(error) ? error.digest : String(error)),
    );
    expect(redirect).toContain("/security/two-factor");
  });

  it("gets 'session ended' from every server action except the two-factor setup itself", async () => {
    const found = await discover();
    const outcomes: Record<string, string> = {};
    for (const [key, fn] of found.actions) {
      await signInAs(email);
      const row = actions[key]!;
      // The row's own input as a support user; what it names need not exist (a wrong code keeps 2FA off).
      const cell = { ...cellFor(key, "support"), password: "No-second-factor-2026" };
      const input = row.input(cell, {
        destination: "x@example.net",
        email: "x@example.com",
        userId: "usr_x",
        tokenId: "tok_x",
        serverId: "srv_x",
        code: "000000",
        jobId: "job_x",
        invitationId: "inv_x",
        token: "not-a-link",
      });
      try {
        outcomes[key] = actionOutcome(
          input === undefined ? await fn() : input instanceof FormData ? await fn({ status: "idle" }, input) : await fn(input),
        );
      } catch (error) {
        outcomes[key] = isRedirect(error) ? "ok" : `threw: ${String(error)}`;
      }
    }
    // Only the two-factor setup accepts them (its answers are then the setup's own: a QR code, "wrong code", "staff must
    // keep it"); the public forms (forgot password, the links from a mail) need no session at all, so they are left out.
    const open = (key: string) => /^(forgot-password|invite|reset-password)\//.test(key);
    for (const key of Object.keys(outcomes)) if (open(key)) delete outcomes[key];
    const setup = (key: string) => key.startsWith("security/two-factor/");
    const expected = Object.fromEntries(Object.entries(outcomes).map(([key, got]) => [key, setup(key) ? got : "session_ended"]));
    expect(outcomes).toEqual(expected);
    expect(Object.entries(outcomes).filter(([key, got]) => setup(key) && got === "session_ended")).toEqual([]);
  }, 60_000);

  it("cannot use the REST API with their browser session", async () => {
    await signInAs(email);
    const found = await discover();
    const list = found.routes.get(`GET ${API}/route.ts`)!;
    const response = await list(new Request(`http://localhost:3000/${API}`, { headers: { cookie: "next-auth.session-token=x" } }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(401);
  });
});

describe("REST writes on a browser session (CSRF)", () => {
  async function patchWith(headers: Record<string, string>) {
    await signInAs(EMAIL.owner);
    const found = await discover();
    const patch = found.routes.get(`PATCH ${mailboxPath}/route.ts`)!;
    const accountId = panel().accountId.examplecom;
    const request = new Request(`http://localhost:3000/api/v2/shared-hosting/${accountId}/email-accounts/info%40example.com`, {
      method: "PATCH",
      headers: { cookie: "next-auth.session-token=x", host: "localhost:3000", "content-type": "application/json", ...headers },
      body: JSON.stringify({ holdOutgoing: false }),
    });
    return (await patch(request, { params: Promise.resolve({ accountId, address: "info%40example.com" }) })).status;
  }

  it("are refused from a foreign Origin or a cross-site fetch, accepted from the panel's own pages", async () => {
    expect(await patchWith({ origin: "https://evil.example" })).toBe(401);
    expect(await patchWith({ origin: "null" })).toBe(401);
    expect(await patchWith({ origin: "http://localhost:3000", "sec-fetch-site": "cross-site" })).toBe(401);
    expect(await patchWith({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" })).toBe(200);
    // Not a browser (no Origin, no Sec-Fetch-Site): a script holding the cookie itself.
    expect(await patchWith({})).toBe(200);
  });
});
