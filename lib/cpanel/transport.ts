import "server-only";
import { readFileSync } from "node:fs";
import { Pool } from "undici";
import {
  CpanelAbortedError,
  CpanelAuthError,
  CpanelConfigError,
  CpanelTimeoutError,
  CpanelUnavailableError,
  type CpanelErrorContext,
} from "./errors";
import { redactText, type BuiltRequest } from "./request";
import type { CpanelServerConnection } from "./types";

/** The only network I/O of lib/cpanel: one keep-alive pool per server, timeouts, read retries, a circuit breaker. */

export const MAX_CONNECT_TIMEOUT_MS = 5_000;
export const MAX_REQUEST_TIMEOUT_MS = 15_000;
const DEFAULT_RETRY_DELAYS_MS = [100, 300] as const;
const DEFAULT_BREAKER_FAILURES = 5;
const DEFAULT_BREAKER_OPEN_MS = 30_000;

export type TransportResponse = { status: number; contentType: string; body: string };

export type SendOptions = {
  operation: string;
  write: boolean;
  /** The caller's give-up signal: when it fires, the request in flight is cancelled (its connection closed) and nothing is retried. */
  signal?: AbortSignal;
};

type Settings = {
  serverId: string;
  origin: string;
  caFile: string | undefined;
  ca: string | undefined;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  retryDelaysMs: readonly number[];
  breakerFailures: number;
  breakerOpenMs: number;
};

function clampTimeout(value: number | undefined, max: number): number {
  if (value === undefined) return max;
  if (!Number.isFinite(value) || value <= 0) throw new CpanelConfigError(`timeout must be a positive number of ms, got ${value}`);
  return Math.min(value, max);
}

function settingsOf(connection: CpanelServerConnection): Settings {
  return {
    serverId: connection.serverId,
    origin: new URL(connection.baseUrl).origin,
    caFile: connection.ca ? undefined : connection.caFile,
    ca: connection.ca || undefined,
    connectTimeoutMs: clampTimeout(connection.connectTimeoutMs, MAX_CONNECT_TIMEOUT_MS),
    requestTimeoutMs: clampTimeout(connection.requestTimeoutMs, MAX_REQUEST_TIMEOUT_MS),
    retryDelaysMs: connection.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    breakerFailures: connection.breaker?.failures ?? DEFAULT_BREAKER_FAILURES,
    breakerOpenMs: connection.breaker?.openMs ?? DEFAULT_BREAKER_OPEN_MS,
  };
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/** Error codes meaning the request never left this machine (safe to say a write was not applied). */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EADDRNOTAVAIL"]);

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "UND_ERR_SOCKET") return code;
    current = (current as { cause?: unknown }).cause;
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function isTlsCode(code: string | undefined): boolean {
  return (
    !!code &&
    (code.startsWith("ERR_TLS") ||
      code.startsWith("ERR_SSL") ||
      code.includes("CERT") ||
      code.includes("SELF_SIGNED") ||
      code === "UNABLE_TO_VERIFY_LEAF_SIGNATURE" ||
      code === "UNABLE_TO_GET_ISSUER_CERT_LOCALLY" ||
      code === "EPROTO")
  );
}

/** Waits `ms`, or less when `signal` fires first. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Connection pool, breaker and retry policy for one server. */
export class ServerTransport {
  readonly settings: Settings;
  private readonly pool: Pool;
  private consecutiveFailures = 0;
  private openUntil = 0;

  constructor(settings: Settings) {
    this.settings = settings;
    let ca: Buffer | string | undefined;
    if (settings.ca !== undefined) {
      // Pasted text: checked here so a typo is a configuration error, not a TLS failure on every call.
      if (!PEM_CERTIFICATE.test(settings.ca)) throw new CpanelConfigError(`the CA of server ${settings.serverId} is not a PEM certificate`);
      ca = settings.ca;
    } else if (settings.caFile) {
      try {
        ca = readFileSync(settings.caFile);
      } catch (error) {
        throw new CpanelConfigError(`cannot read the CA file of server ${settings.serverId}: ${(error as Error).message}`);
      }
    }
    this.pool = new Pool(settings.origin, {
      connections: 16,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 60_000,
      headersTimeout: settings.requestTimeoutMs,
      bodyTimeout: settings.requestTimeoutMs,
      // TLS is always verified: against `ca` when given, else Node's system/bundled store.
      connect: { timeout: settings.connectTimeoutMs, ...(ca ? { ca } : {}), rejectUnauthorized: true },
    });
  }

  /** Sends one request; retries reads (network errors, timeouts, 5xx) with backoff; never retries a write. */
  async send(request: BuiltRequest, options: SendOptions): Promise<TransportResponse> {
    const attempts = options.write ? 1 : 1 + this.settings.retryDelaysMs.length;
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(this.settings.retryDelaysMs[attempt - 1] ?? 0, options.signal);
      try {
        return await this.sendOnce(request, options);
      } catch (error) {
        lastError = error;
        const retryable = (error instanceof CpanelUnavailableError && !error.breakerOpen) || error instanceof CpanelTimeoutError;
        if (!retryable) throw error;
      }
    }
    throw lastError;
  }

  private context(request: BuiltRequest, options: SendOptions, extra: Partial<CpanelErrorContext> = {}): CpanelErrorContext {
    return { operation: options.operation, serverId: this.settings.serverId, request: request.description, ...extra };
  }

  private async sendOnce(request: BuiltRequest, options: SendOptions): Promise<TransportResponse> {
    // Given up before this attempt began: nothing is sent.
    if (options.signal?.aborted)
      throw new CpanelAbortedError(this.context(request, options, { cause: scrubCause(options.signal.reason, request.secrets) }));
    const now = Date.now();
    if (this.consecutiveFailures >= this.settings.breakerFailures && now < this.openUntil) {
      throw new CpanelUnavailableError(
        `not tried: ${this.consecutiveFailures} consecutive network failures, circuit open for another ${Math.ceil((this.openUntil - now) / 1000)} s`,
        { ...this.context(request, options), breakerOpen: true },
      );
    }

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.settings.requestTimeoutMs);
    const callerAborted = () => controller.abort();
    options.signal?.addEventListener("abort", callerAborted, { once: true });
    try {
      const response = await this.pool.request({
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
      });
      const body = await response.body.text();
      this.recordReachable();
      const contentType = String(response.headers["content-type"] ?? "");
      if (response.statusCode === 401 || response.statusCode === 403) {
        throw new CpanelAuthError(response.statusCode, authDetail(body, request.secrets), this.context(request, options));
      }
      if (response.statusCode >= 500) {
        throw new CpanelUnavailableError(`server answered HTTP ${response.statusCode}`, {
          ...this.context(request, options, { outcomeUnknown: options.write }),
          httpStatus: response.statusCode,
        });
      }
      return { status: response.statusCode, contentType, body };
    } catch (error) {
      if (error instanceof CpanelAuthError || error instanceof CpanelUnavailableError) throw error;
      if (!timedOut && options.signal?.aborted) {
        // The caller's choice, not the server's failure: the breaker does not count it.
        throw new CpanelAbortedError(
          this.context(request, options, { cause: scrubCause(options.signal.reason, request.secrets), outcomeUnknown: options.write }),
        );
      }
      throw this.mapNetworkError(error, timedOut, request, options);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", callerAborted);
    }
  }

  private recordReachable() {
    this.consecutiveFailures = 0;
    this.openUntil = 0;
  }

  private recordNetworkFailure() {
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.settings.breakerFailures) this.openUntil = Date.now() + this.settings.breakerOpenMs;
  }

  private mapNetworkError(error: unknown, timedOut: boolean, request: BuiltRequest, options: SendOptions): Error {
    this.recordNetworkFailure();
    const code = errorCode(error);
    const cause = scrubCause(error, request.secrets);
    if (timedOut || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
      return new CpanelTimeoutError(
        "request",
        this.settings.requestTimeoutMs,
        this.context(request, options, { cause, outcomeUnknown: options.write }),
      );
    }
    if (code === "UND_ERR_CONNECT_TIMEOUT") {
      // Nothing was sent: the TCP or TLS handshake did not finish.
      return new CpanelTimeoutError("connect", this.settings.connectTimeoutMs, this.context(request, options, { cause }));
    }
    if (isTlsCode(code)) {
      return new CpanelUnavailableError(`TLS failure (${code}); the certificate is not trusted or the handshake failed`, {
        ...this.context(request, options, { cause }),
        code,
      });
    }
    const sent = !(code && NOT_SENT_CODES.has(code));
    const what = code && NOT_SENT_CODES.has(code) ? "cannot connect" : "connection failed or was dropped";
    return new CpanelUnavailableError(`${what}${code ? ` (${code})` : ""}`, {
      ...this.context(request, options, { cause, outcomeUnknown: options.write && sent }),
      code,
    });
  }

  /** Closes the pool's idle connections. */
  async close(): Promise<void> {
    await this.pool.close();
  }
}

/** cPanel's 401 body is `{"cpanelresult":{"error":"Access denied",…}}`; 403 for tokens is plain text. */
function authDetail(body: string, secrets: readonly string[]): string | undefined {
  let text = body.trim();
  try {
    const parsed = JSON.parse(text) as { cpanelresult?: { error?: unknown }; metadata?: { reason?: unknown } };
    const reason = parsed.cpanelresult?.error ?? parsed.metadata?.reason;
    text = typeof reason === "string" ? reason : "";
  } catch {
    if (/<html/i.test(text)) text = "";
  }
  text = redactText(text.slice(0, 200), secrets);
  return text || undefined;
}

/** An Error carrying only the name, code and redacted message of a low-level failure. */
function scrubCause(error: unknown, secrets: readonly string[]): Error {
  if (!(error instanceof Error)) return new Error(redactText(String(error), secrets));
  const copy = new Error(redactText(error.message, secrets));
  copy.name = error.name;
  const code = errorCode(error);
  if (code) (copy as Error & { code?: string }).code = code;
  return copy;
}

const transports = new Map<string, ServerTransport>();

function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The cached transport for a server (one pool per serverId + baseUrl); replaced when its settings change. */
export function transportFor(connection: CpanelServerConnection): ServerTransport {
  const settings = settingsOf(connection);
  const key = `${settings.serverId}\u0000${settings.origin}`;
  const existing = transports.get(key);
  if (existing && sameSettings(existing.settings, settings)) return existing;
  const created = new ServerTransport(settings);
  transports.set(key, created);
  if (existing) void existing.close().catch(() => undefined);
  return created;
}

/** Closes every cached pool (tests, graceful shutdown). */
export async function closeCpanelTransports(): Promise<void> {
  const all = [...transports.values()];
  transports.clear();
  await Promise.allSettled(all.map((t) => t.close()));
}
