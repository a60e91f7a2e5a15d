import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { authenticateCpanel, authenticateWhm, hasAcl, ownsAccount, parseAuthorization, type WhmPrincipal } from "./auth";
import { handleControl } from "./control";
import { ACCESS_DENIED_BODY, TOKEN_FORBIDDEN_TEXT, api2CallFailed, proxyError, uapiFail, uapiViaJsonApi, whmFail, whmOk } from "./envelopes";
import { ApiError, texts } from "./errors";
import { Faults, type Fault } from "./faults";
import { runApi2 } from "./handlers/api2";
import type { CpanelContext } from "./handlers/types";
import { runUapi } from "./handlers/uapi";
import { WHM_ACLS, whmHandlers, type WhmContext } from "./handlers/whm";
import { loginPage } from "./login-page";
import { Params } from "./params";
import { seedDemo } from "./seed-demo";
import { seedFleetServer, type FleetSpec } from "./seed-fleet";
import { openDb } from "./state/db";
import { Store, type AccountRow } from "./state/store";
import { ensureCertificate } from "./tls";

export interface EmulatorOptions {
  host?: string;
  whmPort?: number;
  cpanelPort?: number;
  tls?: boolean;
  certDir?: string;
  db?: string;
  whmToken?: string;
  rootPassword?: string;
  minPwStrength?: number;
  control?: boolean;
  /** The demo data, or this server's share of a fleet (`server` is its 0-based place in the fleet). */
  seed?: "demo" | { fleet: FleetSpec; server: number };
}

export interface RunningEmulator {
  whmPort: number;
  cpanelPort: number;
  tls: boolean;
  /** cert.pem (the CA file to trust) with TLS, else null. */
  caFile: string | null;
  close(): Promise<void>;
}

type PortKind = "whm" | "cpanel";

/** What a request asks for, once the path is parsed. */
type Call = { kind: "uapi"; module: string; func: string } | { kind: "jsonapi-cpanel" } | { kind: "whm"; func: string } | { kind: "other" };

const MAX_API_BODY = 1024 * 1024;
const MAX_CONTROL_BODY = 64 * 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string, type = "text/plain"): void {
  res.writeHead(status, { "Content-Type": `${type}; charset=utf-8` });
  res.end(text);
}

/** WHM (cpsrvd on 2087) refusing a token, or a call the WHM user lacks the ACL for: 403, text/plain, cpanelresult JSON. */
function sendWhmAccessDenied(res: ServerResponse): void {
  sendText(res, 403, JSON.stringify(ACCESS_DENIED_BODY));
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** cpsrvd paths: `/execute/Module/func` and `/json-api/cpanel` (cPanel port, optionally under `/cpsessN`), `/json-api/fn` (WHM). */
function classify(port: PortKind, pathname: string): Call {
  const path = pathname.replace(/^\/cpsess\d+(?=\/)/, "");
  if (port === "cpanel") {
    const m = /^\/execute\/([^/]+)\/([^/]+)\/?$/.exec(path);
    if (m) return { kind: "uapi", module: decodeURIComponent(m[1]!), func: decodeURIComponent(m[2]!) };
    if (/^\/json-api\/cpanel\/?$/.test(path)) return { kind: "jsonapi-cpanel" };
    return { kind: "other" };
  }
  const m = /^\/json-api\/([^/]+)\/?$/.exec(path);
  if (m) return m[1] === "cpanel" ? { kind: "jsonapi-cpanel" } : { kind: "whm", func: decodeURIComponent(m[1]!) };
  return { kind: "other" };
}

/** The names a call is counted and fault-matched under: `Module::func` for UAPI/API 2, the bare WHM name. */
function callNames(port: PortKind, call: Call, params: Params): string[] {
  if (call.kind === "uapi") return [`${call.module}::${call.func}`];
  if (call.kind === "whm") return [call.func];
  if (call.kind === "jsonapi-cpanel") {
    const moduleName = params.get("cpanel_jsonapi_module");
    const func = params.get("cpanel_jsonapi_func");
    const names = moduleName && func ? [`${moduleName}::${func}`] : [];
    return port === "whm" ? [...names, "cpanel"] : names.length ? names : ["cpanel"];
  }
  return [];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the WHM and cPanel servers (see docs/emulator.md). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const whmToken = options.whmToken ?? "MAILROOMDEVWHMROOTTOKEN000000000";
  const rootPassword = options.rootPassword ?? "emulator-root-password";
  const minPwStrength = options.minPwStrength ?? 65;
  const control = options.control ?? false;
  const db = openDb(options.db ?? "./data/emulator.db");
  const store = new Store(db);
  const faults = new Faults();
  if (options.seed === "demo") seedDemo(store);
  else if (options.seed) seedFleetServer(store, options.seed.fleet, options.seed.server);

  const tlsMaterial = options.tls ? await ensureCertificate(options.certDir ?? "./data/emulator-tls") : null;
  const scheme = tlsMaterial ? "https" : "http";
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  const ports = { whm: 0, cpanel: 0 };
  const whmCtx = (principal: WhmPrincipal): WhmContext => ({
    store,
    principal,
    cpanelBaseUrl: `${scheme}://${urlHost}:${ports.cpanel}`,
    whmBaseUrl: `${scheme}://${urlHost}:${ports.whm}`,
  });

  /** Applies an injected fault; returns true when the response is done. */
  async function applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse, status0: (message: string) => unknown): Promise<boolean> {
    switch (fault.kind) {
      case "delay":
        await sleep(fault.ms ?? 1000);
        return false;
      case "http":
        sendText(res, fault.status ?? 500, `<html><body><h1>${fault.status ?? 500} Internal Server Error</h1></body></html>`, "text/html");
        return true;
      case "drop":
        req.socket.destroy();
        return true;
      case "malformed":
        sendText(res, 200, '{"status":1,"data":[{"email":"trunc', "application/json");
        return true;
      case "status0":
        sendJson(res, 200, status0(fault.message ?? "The emulator injected this failure."));
        return true;
    }
  }

  async function handleApi(port: PortKind, req: IncomingMessage, res: ServerResponse, call: Call, params: Params) {
    const names = callNames(port, call, params);
    for (const name of names.slice(0, 1)) faults.count(name);

    const creds = parseAuthorization(req.headers.authorization);
    let account: AccountRow | undefined;
    let principal: WhmPrincipal | undefined;
    if (port === "whm") {
      principal = authenticateWhm(store, creds, whmToken, rootPassword);
      if (!principal) return sendWhmAccessDenied(res);
      // The function's ACL is checked before it runs (Whostmgr/XMLUI/Meta.pm `check`); cpsrvd refuses like a bad token.
      const needed = call.kind === "jsonapi-cpanel" ? WHM_ACLS.cpanel : call.kind === "whm" ? WHM_ACLS[call.func] : undefined;
      if (needed && !hasAcl(principal, needed)) return sendWhmAccessDenied(res);
    } else {
      account = authenticateCpanel(store, creds);
      if (!account) return sendJson(res, 401, ACCESS_DENIED_BODY);
      // cpsrvd: a cPanel API token opens only ./execute/… and ./json-api/cpanel.
      if (call.kind === "other" && creds.scheme === "cpanel") return sendText(res, 403, TOKEN_FORBIDDEN_TEXT);
    }
    if (call.kind === "other") return sendJson(res, 404, { error: "Not found" });

    const fault = names.length ? faults.take(names) : undefined;
    const cpanelCtx = (acct: AccountRow): CpanelContext => ({ store, account: acct, minPwStrength });

    if (call.kind === "uapi") {
      if (fault && (await applyFault(fault, req, res, (m) => uapiFail([m])))) return;
      return sendJson(res, 200, runUapi(cpanelCtx(account!), call.module, call.func, params));
    }

    if (call.kind === "whm") {
      if (fault && (await applyFault(fault, req, res, (m) => whmFail(call.func, m)))) return;
      return sendJson(res, 200, runWhm(call.func, params, principal!));
    }

    // /json-api/cpanel: API 2 (default) or UAPI (cpanel_jsonapi_apiversion=3).
    const apiversion = params.get("cpanel_jsonapi_apiversion") ?? "2";
    const moduleName = params.get("cpanel_jsonapi_module") ?? "";
    const func = params.get("cpanel_jsonapi_func") ?? "";
    const fnParams = params.without(["cpanel_jsonapi_", "api."]);
    const status0 = (m: string) => (apiversion === "3" ? uapiViaJsonApi(moduleName, func, uapiFail([m])) : api2CallFailed(moduleName, func, m));
    if (fault && (await applyFault(fault, req, res, status0))) return;

    if (port === "whm") {
      // WHM's `cpanel` function runs the call as cpanel_jsonapi_user (or `user`); Whostmgr/XMLUI/cPanel.pm `cpanel_exec`
      // refuses in its own `_format_error` shape: unknown user, root, or an account the reseller does not own.
      const user = params.get("cpanel_jsonapi_user") ?? params.get("user") ?? "";
      const target = store.account(user);
      if (user === "root") {
        return sendJson(res, 200, proxyError("The user “root” is not associated with a cPanel account and cannot call cPanel API 2", apiversion));
      }
      if (!target) return sendJson(res, 200, proxyError("User parameter is invalid or was not supplied", apiversion));
      if (!ownsAccount(principal!, target)) return sendJson(res, 200, proxyError(`Access Denied to ${user}`, apiversion));
      account = target;
    }
    if (!moduleName) return sendJson(res, 200, whmOrApi2Missing(port, "cpanel_jsonapi_module", moduleName, func));
    if (!func) return sendJson(res, 200, whmOrApi2Missing(port, "cpanel_jsonapi_func", moduleName, func));
    const ctx = cpanelCtx(account!);
    if (apiversion === "3") return sendJson(res, 200, uapiViaJsonApi(moduleName, func, runUapi(ctx, moduleName, func, fnParams)));
    if (apiversion === "2") return sendJson(res, 200, runApi2(ctx, moduleName, func, fnParams));
    const reason = `The emulator serves cpanel_jsonapi_apiversion 2 (API 2) and 3 (UAPI), not “${apiversion}”.`;
    return sendJson(res, 200, port === "whm" ? whmFail("cpanel", reason) : api2CallFailed(moduleName, func, reason));
  }

  function whmOrApi2Missing(port: PortKind, name: string, moduleName: string, func: string) {
    const reason = texts.missingParameter(name);
    return port === "whm" ? whmFail("cpanel", reason) : api2CallFailed(moduleName, func, reason);
  }

  function runWhm(func: string, params: Params, principal: WhmPrincipal) {
    const handler = Object.hasOwn(whmHandlers, func) ? whmHandlers[func] : undefined;
    if (!handler) return whmFail(func, texts.unknownWhmFunction(func));
    try {
      const out = db.transaction(() => handler(whmCtx(principal), params))();
      if (out.failed) return whmFail(func, out.failed, out.data);
      return whmOk(func, out.data, out.reason ?? "OK", out.metadata);
    } catch (error) {
      if (error instanceof ApiError) return whmFail(func, error.message);
      throw error;
    }
  }

  async function handle(port: PortKind, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const method = (req.method ?? "GET").toUpperCase();

    if (url.pathname.startsWith("/__emulator")) {
      if (port !== "whm" || !control) return sendJson(res, 404, { error: "Not found" });
      const body = await readBody(req, MAX_CONTROL_BODY);
      return handleControl(store, faults, method, url.pathname, body, res);
    }

    // A slow or down server (POST /__emulator/health) answers nothing on time; the control interface stays up.
    const health = faults.health;
    if (health.state === "down") return new Promise<void>((resolve) => req.socket.once("close", () => resolve()));
    if (health.state === "slow") await sleep(health.ms);

    // One-time login URLs from WHM create_user_session.
    const login = /^\/(cpsess\d+)\/login\/?$/.exec(url.pathname);
    if (login) {
      const page = loginPage(store, port, login[1]!, url.searchParams.get("session") ?? "");
      return sendText(res, page.status, page.html, "text/html");
    }

    const body = await readBody(req, MAX_API_BODY);
    const type = req.headers["content-type"] ?? "";
    const form = body && (type === "" || type.includes("application/x-www-form-urlencoded")) ? new URLSearchParams(body) : undefined;
    const params = Params.from(url.searchParams, form);
    const call = classify(port, url.pathname);

    // WHM API 1 needs api.version=1 (the `cpanel` proxy answers in its own shapes either way).
    if (call.kind === "whm" && params.get("api.version") !== "1") {
      faults.count(call.func);
      const creds = parseAuthorization(req.headers.authorization);
      if (!authenticateWhm(store, creds, whmToken, rootPassword)) return sendWhmAccessDenied(res);
      return sendJson(res, 200, {
        status: 0,
        statusmsg: "WHM API 0 is not emulated: send api.version=1 to call WHM API 1.",
      });
    }
    return handleApi(port, req, res, call, params);
  }

  const makeServer = (port: PortKind) => {
    const listener = (req: IncomingMessage, res: ServerResponse) => {
      handle(port, req, res).catch((error: unknown) => {
        console.error("[emulator]", error);
        if (!res.headersSent) sendText(res, 500, "Internal Server Error");
        else res.destroy();
      });
    };
    return tlsMaterial ? https.createServer({ cert: tlsMaterial.cert, key: tlsMaterial.key }, listener) : http.createServer(listener);
  };

  const servers = { whm: makeServer("whm"), cpanel: makeServer("cpanel") };
  const listen = (server: http.Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  try {
    ports.whm = await listen(servers.whm, options.whmPort ?? 2087);
    ports.cpanel = await listen(servers.cpanel, options.cpanelPort ?? 2083);
  } catch (error) {
    servers.whm.close();
    servers.cpanel.close();
    db.close();
    throw error;
  }

  let closed = false;
  return {
    whmPort: ports.whm,
    cpanelPort: ports.cpanel,
    tls: Boolean(tlsMaterial),
    caFile: tlsMaterial?.caFile ?? null,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(
        Object.values(servers).map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
      db.close();
    },
  };
}
