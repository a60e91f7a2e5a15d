import "server-only";
import { performance } from "node:perf_hooks";
import { config } from "@/lib/config";
import {
  cpanelClient,
  CpanelApiError,
  CpanelAuthError,
  CpanelConfigError,
  CpanelError,
  CpanelTimeoutError,
  CpanelUnavailableError,
  type CpanelClient,
} from "@/lib/cpanel";
import { getServerConnection, recordServerCheck } from "@/lib/db/servers";
import { errorField, log } from "@/lib/log";

/**
 * The read-only connection check of a server (/admin/servers and `mailroom server:check`): TLS and token, WHM version,
 * the token's ACLs against what each panel feature calls, listaccts, one account's mailbox list and the required
 * password strength. It never writes to cPanel.
 */

export type CheckStatus = "ok" | "warn" | "fail";

export type CheckStepKey = "connection" | "version" | "privileges" | "accounts" | "mailboxes" | "password-strength";

/** One step: how it ended and one sentence an admin can act on. */
export type CheckStep = { key: CheckStepKey; title: string; status: CheckStatus; message: string };

/** One panel feature and whether the token holds the WHM ACL it needs. */
export type FeatureAccess = { feature: string; acl: string; ok: boolean };

export type ServerCheckResult = {
  serverName: string;
  checkedAt: number;
  /** The worst step. */
  status: CheckStatus;
  steps: CheckStep[];
  /** Empty when the privileges could not be read. */
  features: FeatureAccess[];
  /** ACLs some feature needs and the token lacks (sorted, unique). */
  missingAcls: string[];
  version: string | null;
  accountCount: number | null;
  sampleAccount: string | null;
  mailboxRoundTripMs: number | null;
  requiredStrength: number | null;
};

/** WHM releases below this are older than anything the client was checked against (docs/emulator.md). */
export const MIN_WHM_VERSION = "11.110";

/**
 * What each panel feature calls and the ACL WHM checks first (Whostmgr/XMLUI/Meta.pm `%_APPLIST` `check` subs:
 * `cpanel` → cpanel-api, `listaccts` → list-accts, `accountsummary` → acct-summary, `myprivs` → basic-whm-functions).
 * Every UAPI call (mailboxes, forwarders, autoresponders, password strength) goes through WHM's `cpanel` proxy.
 */
export const FEATURE_ACLS: readonly { feature: string; acl: string; required: boolean }[] = [
  { feature: "Mailboxes: list, create, passwords, quotas", acl: "cpanel-api", required: true },
  { feature: "Forwarders", acl: "cpanel-api", required: true },
  { feature: "Autoresponders", acl: "cpanel-api", required: true },
  { feature: "Account import (listaccts)", acl: "list-accts", required: true },
  { feature: "Account summary: suspension and outgoing mail (accountsummary)", acl: "acct-summary", required: false },
  { feature: "This check (myprivs)", acl: "basic-whm-functions", required: false },
];

/** A mailbox list slower than this works, but pages will feel slow. */
const SLOW_ROUND_TRIP_MS = 2_000;

const WORST: Record<CheckStatus, number> = { ok: 0, warn: 1, fail: 2 };

/** `11.120.0.16` ≥ `11.110`? Compares numerically, part by part. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const a = version.split(".").map((p) => Number.parseInt(p, 10) || 0);
  const b = minimum.split(".").map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

function isLocalHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]" || hostname === "::1";
}

/** A sentence for a failed call; cPanel's own texts are kept, our error messages are ours (never a token: the client redacts). */
function describeFailure(error: unknown, baseUrl: string, what: string): string {
  if (error instanceof CpanelTimeoutError) {
    return error.phase === "connect"
      ? `Could not connect to ${baseUrl} within ${error.timeoutMs} ms: check the URL, the port (WHM 2087, cPanel 2083) and the firewall.`
      : `${baseUrl} did not answer ${what} within ${error.timeoutMs} ms.`;
  }
  if (error instanceof CpanelUnavailableError) {
    if (error.message.startsWith("TLS failure")) {
      return `The TLS certificate of ${baseUrl} is not trusted (${error.code ?? "handshake failed"}): paste the server's CA certificate (or its self-signed certificate) in the server's settings.`;
    }
    if (error.httpStatus) return `${baseUrl} answered HTTP ${error.httpStatus} to ${what}.`;
    return `Cannot reach ${baseUrl}${error.code ? ` (${error.code})` : ""}: check the URL, the port and the firewall.`;
  }
  if (error instanceof CpanelAuthError) return `The server refused ${what} (HTTP ${error.httpStatus}).`;
  if (error instanceof CpanelApiError) return `cPanel refused ${what}: ${error.message}`;
  if (error instanceof CpanelError || error instanceof CpanelConfigError) return `${what} failed: ${error.message}`;
  return `${what} failed unexpectedly; the panel log has the details.`;
}

function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  return run().then((value) => ({ value, ms: Math.round(performance.now() - started) }));
}

/** The client the check uses: its own pool (no retries, no circuit breaker), so a check always tries afresh. */
async function checkClient(serverId: string): Promise<{ client: CpanelClient; baseUrl: string; authMode: "whm" | "cpanel"; username: string }> {
  const connection = await getServerConnection(serverId);
  const { CPANEL_CA_FILE, CPANEL_CONNECT_TIMEOUT_MS, CPANEL_REQUEST_TIMEOUT_MS } = config();
  const client = cpanelClient({
    serverId: `${serverId}#check`,
    baseUrl: connection.baseUrl,
    authMode: connection.authMode,
    username: connection.username,
    token: connection.token,
    // A pasted CA goes to the TLS agent as text; otherwise the server's or the deployment's CA file.
    ca: connection.caPem,
    caFile: connection.caFile ?? CPANEL_CA_FILE,
    connectTimeoutMs: CPANEL_CONNECT_TIMEOUT_MS,
    requestTimeoutMs: CPANEL_REQUEST_TIMEOUT_MS,
    retryDelaysMs: [],
    breaker: { failures: Number.MAX_SAFE_INTEGER },
  });
  return { client, baseUrl: connection.baseUrl, authMode: connection.authMode, username: connection.username };
}

/** Runs the check against a server record and stores it as the server's last check. */
export async function runServerCheck(server: { id: string; name: string }): Promise<ServerCheckResult> {
  const result: ServerCheckResult = {
    serverName: server.name,
    checkedAt: Date.now(),
    status: "ok",
    steps: [],
    features: [],
    missingAcls: [],
    version: null,
    accountCount: null,
    sampleAccount: null,
    mailboxRoundTripMs: null,
    requiredStrength: null,
  };
  const step = (key: CheckStepKey, title: string, status: CheckStatus, message: string) => {
    result.steps.push({ key, title, status, message });
    if (WORST[status] > WORST[result.status]) result.status = status;
  };

  let target: Awaited<ReturnType<typeof checkClient>> | null = null;
  try {
    target = await checkClient(server.id);
  } catch (error) {
    log().warn({ serverId: server.id, err: errorField(error) }, "server check: no usable connection");
    step(
      "connection",
      "TLS and token",
      "fail",
      "The panel cannot use this server's record (a token that no longer decrypts, or an unreadable CA file): replace the token.",
    );
  }
  if (target) {
    if (target.authMode === "whm") await checkWhm(target, step, result);
    else await checkCpanelToken(target, step, result);
  }
  await recordServerCheck(server.id, { at: result.checkedAt, status: result.status, result });
  return result;
}

type Step = (key: CheckStepKey, title: string, status: CheckStatus, message: string) => void;
type Target = Awaited<ReturnType<typeof checkClient>>;

function connectionSentence(baseUrl: string, who: string): { status: CheckStatus; message: string } {
  const url = new URL(baseUrl);
  if (url.protocol === "https:")
    return { status: "ok", message: `Connected to ${url.host} over TLS (certificate trusted); the server accepted the token of ${who}.` };
  if (isLocalHost(url.hostname))
    return { status: "ok", message: `Connected to ${url.host} (plain HTTP on this machine); the server accepted the token of ${who}.` };
  return {
    status: "warn",
    message: `Connected to ${url.host} over plain HTTP: the token crosses the network unencrypted. Use https:// and port 2087.`,
  };
}

async function checkWhm(target: Target, step: Step, result: ServerCheckResult): Promise<void> {
  const { client, baseUrl, username } = target;
  // 1. TLS and token, with the first call the check needs anyway.
  let privileges: Record<string, boolean>;
  try {
    privileges = await client.whm.privileges();
  } catch (error) {
    const message =
      error instanceof CpanelAuthError
        ? `WHM refused the token of ${username} (HTTP ${error.httpStatus}): check the user name and the token, and that the token has the basic-whm-functions ACL.`
        : describeFailure(error, baseUrl, "the first call (myprivs)");
    step("connection", "TLS and token", "fail", `${message} The other steps were not run.`);
    return;
  }
  const connection = connectionSentence(baseUrl, username);
  step("connection", "TLS and token", connection.status, connection.message);

  // 2. Version.
  try {
    const version = await client.whm.version();
    result.version = version;
    if (versionAtLeast(version, MIN_WHM_VERSION)) step("version", "WHM version", "ok", `cPanel & WHM ${version}.`);
    else
      step(
        "version",
        "WHM version",
        "warn",
        `cPanel & WHM ${version} is older than ${MIN_WHM_VERSION}, the oldest release the panel was checked against; update the server.`,
      );
  } catch (error) {
    step("version", "WHM version", "warn", `Could not read the version: ${describeFailure(error, baseUrl, "version")}`);
  }

  // 3. Privileges against the features.
  const has = (acl: string) => privileges.all === true || privileges[acl] === true;
  result.features = FEATURE_ACLS.map(({ feature, acl }) => ({ feature, acl, ok: has(acl) }));
  const missing = [...new Set(FEATURE_ACLS.filter((f) => !has(f.acl)).map((f) => f.acl))].sort();
  result.missingAcls = missing;
  if (!missing.length) {
    step(
      "privileges",
      "Token privileges",
      "ok",
      privileges.all ? "The token has every ACL (root)." : "The token has every ACL the panel's features need.",
    );
  } else {
    const required = FEATURE_ACLS.some((f) => f.required && missing.includes(f.acl));
    const names = missing
      .map(
        (acl) =>
          `${acl} (${FEATURE_ACLS.filter((f) => f.acl === acl)
            .map((f) => f.feature.split(":")[0])
            .join(", ")})`,
      )
      .join("; ");
    step(
      "privileges",
      "Token privileges",
      required ? "fail" : "warn",
      `The token lacks ${missing.length === 1 ? "the ACL" : "the ACLs"} ${names}. Add ${missing.length === 1 ? "it" : "them"} to the token in WHM » Development » Manage API Tokens (a reseller's token can only hold ACLs root gave the reseller).`,
    );
  }

  // 4. Accounts.
  let firstAccount: string | null = null;
  try {
    const accounts = await client.whm.listAccounts();
    result.accountCount = accounts.length;
    firstAccount = accounts[0]?.user ?? null;
    if (accounts.length)
      step(
        "accounts",
        "Accounts (listaccts)",
        "ok",
        `WHM lists ${accounts.length} account${accounts.length === 1 ? "" : "s"}${privileges.all ? "" : " (a reseller sees only its own)"}.`,
      );
    else step("accounts", "Accounts (listaccts)", "warn", "WHM lists no accounts for this token: there is nothing to import.");
  } catch (error) {
    step(
      "accounts",
      "Accounts (listaccts)",
      "fail",
      error instanceof CpanelAuthError
        ? `WHM refused listaccts (HTTP ${error.httpStatus}): the token lacks list-accts, so accounts cannot be imported.`
        : describeFailure(error, baseUrl, "listaccts"),
    );
  }

  await checkAccount(target, firstAccount, step, result);
}

async function checkCpanelToken(target: Target, step: Step, result: ServerCheckResult): Promise<void> {
  const { baseUrl, username } = target;
  // A cPanel token acts as its own user: the mailbox list is the first call, and proves TLS and the token.
  try {
    await target.client.account(username).listMailDomains();
  } catch (error) {
    const message =
      error instanceof CpanelAuthError
        ? `cPanel refused the token of ${username} (HTTP ${error.httpStatus}): check the user name and the token.`
        : describeFailure(error, baseUrl, "the first call (Email::list_mail_domains)");
    step("connection", "TLS and token", "fail", `${message} The other steps were not run.`);
    return;
  }
  const connection = connectionSentence(baseUrl, username);
  step("connection", "TLS and token", connection.status, connection.message);
  step("version", "WHM version", "warn", "A cPanel token cannot read the WHM version; connect with a WHM token to check it.");
  result.features = FEATURE_ACLS.map(({ feature, acl }) => ({ feature, acl, ok: acl === "cpanel-api" }));
  result.missingAcls = ["WHM token"];
  step(
    "privileges",
    "Token privileges",
    "warn",
    `A cPanel token manages only its own account (${username}): mailboxes, forwarders and autoresponders work; account import and account summaries need a WHM token.`,
  );
  result.accountCount = 1;
  step("accounts", "Accounts (listaccts)", "warn", `A cPanel token cannot list accounts; the panel manages the one account ${username}.`);
  await checkAccount(target, username, step, result);
}

async function checkAccount(target: Target, user: string | null, step: Step, result: ServerCheckResult): Promise<void> {
  if (!user) {
    step("mailboxes", "One account's mailboxes", "warn", "No account to list mailboxes of.");
    step("password-strength", "Required password strength", "warn", "No account to read the required password strength from.");
    return;
  }
  result.sampleAccount = user;
  const account = target.client.account(user);
  const proxyRefused = (error: unknown) =>
    error instanceof CpanelAuthError
      ? `WHM refused the cPanel call for ${user} (HTTP ${error.httpStatus}): the token lacks cpanel-api, so mailboxes, forwarders and autoresponders cannot be managed.`
      : describeFailure(error, target.baseUrl, `the mailbox list of ${user}`);
  try {
    const { value: mailboxes, ms } = await timed(() => account.listMailboxesBasic());
    result.mailboxRoundTripMs = ms;
    const sentence = `${user} has ${mailboxes.length} mailbox${mailboxes.length === 1 ? "" : "es"}; the list took ${ms} ms.`;
    if (ms > SLOW_ROUND_TRIP_MS)
      step("mailboxes", "One account's mailboxes", "warn", `${sentence} That is slow: pages that list mailboxes will feel slow.`);
    else step("mailboxes", "One account's mailboxes", "ok", sentence);
  } catch (error) {
    step("mailboxes", "One account's mailboxes", "fail", proxyRefused(error));
    step("password-strength", "Required password strength", "fail", "Not read: it needs the same cPanel call as the mailbox list.");
    return;
  }
  try {
    const strength = await account.requiredPasswordStrength();
    result.requiredStrength = strength;
    step(
      "password-strength",
      "Required password strength",
      "ok",
      `cPanel requires a password strength of at least ${strength} (of 100) for mailboxes; the panel checks new passwords against it.`,
    );
  } catch (error) {
    step(
      "password-strength",
      "Required password strength",
      "warn",
      `Could not read it (${describeFailure(error, target.baseUrl, "PasswdStrength::get_required_strength")}); cPanel still enforces it on every change.`,
    );
  }
}
