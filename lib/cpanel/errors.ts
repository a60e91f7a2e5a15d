import "server-only";

/** Where an error came from, carried by every CpanelError (never a credential or a secret value). */
export type CpanelErrorContext = {
  /** The cPanel function, e.g. `Email::passwd_pop` (UAPI / API 2) or `listaccts` (WHM API 1). */
  operation: string;
  serverId: string;
  /** Redacted description of the request: method, URL without query, parameter names (secret values replaced). */
  request?: string;
  cause?: unknown;
  /** True when a write may or may not have been applied (it was sent, no answer came back). */
  outcomeUnknown?: boolean;
};

/** Base of every error the cPanel client throws for a call that reached (or tried to reach) a server. */
export class CpanelError extends Error {
  readonly operation: string;
  readonly serverId: string;
  readonly request: string | undefined;
  readonly outcomeUnknown: boolean;

  constructor(message: string, context: CpanelErrorContext) {
    super(`${context.operation} on server ${context.serverId}: ${message}`, { cause: context.cause });
    this.name = "CpanelError";
    this.operation = context.operation;
    this.serverId = context.serverId;
    this.request = context.request;
    this.outcomeUnknown = context.outcomeUnknown ?? false;
  }
}

/**
 * What a CpanelApiError is about, when cPanel's text says so: the cPanel account does not exist on the server
 * (proxy "User parameter is invalid or was not supplied", WHM "Account does not exist." / "You do not have a user
 * named …"), or the WHM token is a reseller's that does not own it (proxy "Access Denied to <user>").
 */
export type CpanelApiErrorKind = "account-not-found" | "not-owner";

/** Reads the kind from cPanel's messages (Whostmgr/XMLUI/cPanel.pm, Whostmgr/API/1/Accounts.pm, Cpanel/Exception/UserNotFound.pm). */
export function apiErrorKind(messages: readonly string[]): CpanelApiErrorKind | undefined {
  const text = messages.join("\n");
  if (/User parameter is invalid or was not supplied|^Account does not exist\.|You do not have a user named/m.test(text)) return "account-not-found";
  if (/^Access Denied to /m.test(text)) return "not-owner";
  return undefined;
}

/** cPanel answered (HTTP 200) but reported failure: UAPI `status: 0`, WHM `metadata.result: 0`, API 2 `cpanelresult.error`, the proxy's `error`. */
export class CpanelApiError extends CpanelError {
  /** cPanel's own messages (UAPI `errors`, WHM `metadata.reason`, API 2 `error`), secrets redacted. */
  readonly messages: string[];
  readonly kind: CpanelApiErrorKind | undefined;

  constructor(messages: string[], context: CpanelErrorContext) {
    const list = messages.length > 0 ? messages : ["cPanel reported a failure without a message"];
    super(`cPanel reported an error: ${list.join(" ")}`, context);
    this.name = "CpanelApiError";
    this.messages = list;
    this.kind = apiErrorKind(list);
  }
}

/** The server refused the credentials (HTTP 401 or 403). */
export class CpanelAuthError extends CpanelError {
  readonly httpStatus: number;

  constructor(httpStatus: number, detail: string | undefined, context: CpanelErrorContext) {
    super(`authentication failed (HTTP ${httpStatus}${detail ? `: ${detail}` : ""})`, context);
    this.name = "CpanelAuthError";
    this.httpStatus = httpStatus;
  }
}

/** No answer in time: the connection (incl. TLS handshake) or the whole request took too long. */
export class CpanelTimeoutError extends CpanelError {
  readonly phase: "connect" | "request";
  readonly timeoutMs: number;

  constructor(phase: "connect" | "request", timeoutMs: number, context: CpanelErrorContext) {
    super(
      phase === "connect"
        ? `could not connect within ${timeoutMs} ms`
        : `no complete answer within ${timeoutMs} ms${context.outcomeUnknown ? " (the change may or may not have been applied)" : ""}`,
      context,
    );
    this.name = "CpanelTimeoutError";
    this.phase = phase;
    this.timeoutMs = timeoutMs;
  }
}

/** The caller gave up: its AbortSignal fired before the answer came (a write's outcome is then unknown). Never retried. */
export class CpanelAbortedError extends CpanelError {
  constructor(context: CpanelErrorContext) {
    super(`abandoned by the caller before cPanel answered${context.outcomeUnknown ? " (the change may or may not have been applied)" : ""}`, context);
    this.name = "CpanelAbortedError";
  }
}

/** The server cannot be reached or is failing: refused/reset/dropped connection, DNS, TLS, HTTP 5xx, or the circuit breaker is open. */
export class CpanelUnavailableError extends CpanelError {
  readonly httpStatus: number | undefined;
  /** Low-level error code (e.g. `ECONNREFUSED`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`) when there is one. */
  readonly code: string | undefined;
  readonly breakerOpen: boolean;

  constructor(message: string, context: CpanelErrorContext & { httpStatus?: number; code?: string; breakerOpen?: boolean }) {
    super(message, context);
    this.name = "CpanelUnavailableError";
    this.httpStatus = context.httpStatus;
    this.code = context.code;
    this.breakerOpen = context.breakerOpen ?? false;
  }
}

/** The answer is not what cPanel sends: not JSON, not a known envelope, data of an unexpected shape, or an unexpected HTTP status. */
export class CpanelProtocolError extends CpanelError {
  readonly httpStatus: number | undefined;

  constructor(message: string, context: CpanelErrorContext & { httpStatus?: number }) {
    super(message, context);
    this.name = "CpanelProtocolError";
    this.httpStatus = context.httpStatus;
  }
}

/** A programming or configuration mistake on our side (e.g. a WHM-only call on a cPanel-token connection); nothing was sent. */
export class CpanelConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CpanelConfigError";
  }
}
