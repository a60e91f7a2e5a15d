import "server-only";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { cpanelClient } from "./client";
import {
  CpanelAbortedError,
  CpanelApiError,
  CpanelAuthError,
  CpanelError,
  CpanelProtocolError,
  CpanelTimeoutError,
  CpanelUnavailableError,
} from "./errors";
import { closeCpanelTransports } from "./transport";
import type { CpanelServerConnection } from "./types";

type Seen = { method: string; url: string; body: string; auth: string; socket: Socket };
type Handler = (req: IncomingMessage, res: ServerResponse, seen: Seen, n: number) => void;

const TOKEN = "UNITTESTTOKEN0000000000000000001";
const PASSWORD = "Unit-Test-Pa55word!";
const ok = (data: unknown) => JSON.stringify({ status: 1, data, errors: null, messages: null, warnings: null, metadata: {} });

let handler: Handler = (_req, res) => res.end(ok(null));
const seen: Seen[] = [];
const server = createHttpServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    const entry = { method: req.method ?? "", url: req.url ?? "", body, auth: String(req.headers.authorization), socket: req.socket };
    seen.push(entry);
    handler(req, res, entry, seen.length);
  });
});
let baseUrl = "";
let serverSeq = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  seen.length = 0;
  handler = (_req, res) => res.end(ok(null));
});
afterAll(async () => {
  await closeCpanelTransports();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function conn(extra: Partial<CpanelServerConnection> = {}): CpanelServerConnection {
  return {
    serverId: `unit-${++serverSeq}`,
    baseUrl,
    authMode: "cpanel",
    username: "examplecom",
    token: TOKEN,
    retryDelaysMs: [10, 20],
    requestTimeoutMs: 2_000,
    ...extra,
  };
}
const account = (extra: Partial<CpanelServerConnection> = {}) => cpanelClient(conn(extra)).account("examplecom");

async function caught(promise: Promise<unknown>): Promise<CpanelError> {
  try {
    await promise;
  } catch (error) {
    return error as CpanelError;
  }
  throw new Error("expected a rejection");
}

function expectNoSecrets(error: unknown) {
  const e = error as CpanelError;
  const texts = [e.message, e.request ?? "", String(e.stack), String((e.cause as Error | undefined)?.message ?? ""), JSON.stringify(e)];
  for (const text of texts) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(TOKEN);
  }
}

describe("request building on the wire", () => {
  it("sends secrets in a form-encoded POST body, never in the URL", async () => {
    await account().changeMailboxPassword("info@example.com", PASSWORD);
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req!.method).toBe("POST");
    expect(req!.url).toBe("/execute/Email/passwd_pop");
    expect(req!.url).not.toContain(encodeURIComponent(PASSWORD));
    expect(Object.fromEntries(new URLSearchParams(req!.body))).toEqual({ email: "info", domain: "example.com", password: PASSWORD });
    expect(req!.auth).toBe(`cpanel examplecom:${TOKEN}`);
  });

  it("reuses keep-alive connections for sequential calls", async () => {
    handler = (_req, res) => res.end(ok([{ domain: "example.com", select: 1 }]));
    const a = account();
    for (let i = 0; i < 6; i++) await a.listMailDomains();
    // undici's pool may alternate between two sockets while the previous one settles; never one per call.
    expect(new Set(seen.map((s) => s.socket)).size).toBeLessThanOrEqual(2);
  });
});

describe("retry policy", () => {
  it("retries a read after 5xx and succeeds", async () => {
    handler = (_req, res, _s, n) => {
      if (n < 3) {
        res.statusCode = 500;
        res.end("Internal Server Error");
      } else res.end(ok([{ domain: "example.com", select: 1 }]));
    };
    expect(await account().listMailDomains()).toEqual(["example.com"]);
    expect(seen).toHaveLength(3);
  });

  it("gives up on a read after 2 retries with CpanelUnavailableError", async () => {
    handler = (_req, res) => {
      res.statusCode = 503;
      res.end();
    };
    const error = await caught(account().listMailDomains());
    expect(error).toBeInstanceOf(CpanelUnavailableError);
    expect((error as CpanelUnavailableError).httpStatus).toBe(503);
    expect(seen).toHaveLength(3);
  });

  it("never retries a write (5xx)", async () => {
    handler = (_req, res) => {
      res.statusCode = 500;
      res.end();
    };
    const error = await caught(account().changeMailboxPassword("info@example.com", PASSWORD));
    expect(error).toBeInstanceOf(CpanelUnavailableError);
    expect(error.outcomeUnknown).toBe(true);
    expect(seen).toHaveLength(1);
    expectNoSecrets(error);
  });

  it("read timeout is retried; write timeout is not and has an unknown outcome", async () => {
    handler = (_req, res) => {
      setTimeout(() => res.end(ok(null)), 400).unref();
    };
    const readError = await caught(account({ requestTimeoutMs: 80 }).listMailDomains());
    expect(readError).toBeInstanceOf(CpanelTimeoutError);
    expect((readError as CpanelTimeoutError).phase).toBe("request");
    expect(readError.outcomeUnknown).toBe(false);
    expect(seen).toHaveLength(3);
    seen.length = 0;
    const writeError = await caught(account({ requestTimeoutMs: 80 }).changeMailboxPassword("info@example.com", PASSWORD));
    expect(writeError).toBeInstanceOf(CpanelTimeoutError);
    expect(writeError.outcomeUnknown).toBe(true);
    expect(seen).toHaveLength(1);
    expectNoSecrets(writeError);
  });

  it("a dropped connection is CpanelUnavailableError; reads retry, writes do not", async () => {
    handler = (req) => req.socket.destroy();
    expect(await caught(account().listMailDomains())).toBeInstanceOf(CpanelUnavailableError);
    expect(seen).toHaveLength(3);
    seen.length = 0;
    const error = await caught(account().suspendLogin("info@example.com"));
    expect(error).toBeInstanceOf(CpanelUnavailableError);
    expect(error.outcomeUnknown).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it("auth failures are not retried", async () => {
    handler = (_req, res) => {
      res.statusCode = 401;
      res.end(
        JSON.stringify({ cpanelresult: { apiversion: "2", error: "Access denied", data: { reason: "Access denied", result: "0" }, type: "text" } }),
      );
    };
    const error = await caught(account().listMailDomains());
    expect(error).toBeInstanceOf(CpanelAuthError);
    expect(error.message).toContain("Access denied");
    expect(seen).toHaveLength(1);
    expectNoSecrets(error);
  });
});

describe("the caller's abort signal", () => {
  it("cancels the request in flight: the server sees the connection close, the call rejects at once, nothing is retried", async () => {
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    // Never answers (within the 2 s request timeout) until the client hangs up.
    handler = (_req, res) => {
      res.on("close", () => closed());
      arrived();
    };
    const controller = new AbortController();
    const call = caught(cpanelClient(conn(), { signal: controller.signal }).account("examplecom").listMailDomains());
    await requestArrived;
    const abortedAt = performance.now();
    controller.abort();
    const error = await call;
    expect(performance.now() - abortedAt).toBeLessThan(500);
    expect(error).toBeInstanceOf(CpanelAbortedError);
    expect(error.outcomeUnknown).toBe(false);
    await connectionClosed;
    expect(seen).toHaveLength(1);
    expectNoSecrets(error);
  });

  it("a write abandoned in flight has an unknown outcome; a signal already fired sends nothing", async () => {
    handler = () => controller.abort();
    const controller = new AbortController();
    const error = await caught(
      cpanelClient(conn(), { signal: controller.signal }).account("examplecom").changeMailboxPassword("info@example.com", PASSWORD),
    );
    expect(error).toBeInstanceOf(CpanelAbortedError);
    expect(error.outcomeUnknown).toBe(true);
    expectNoSecrets(error);
    seen.length = 0;
    const again = await caught(cpanelClient(conn(), { signal: controller.signal }).account("examplecom").listMailDomains());
    expect(again).toBeInstanceOf(CpanelAbortedError);
    expect(again.outcomeUnknown).toBe(false);
    expect(seen).toHaveLength(0);
  });

  it("aborts do not open the circuit breaker", async () => {
    const c = conn({ retryDelaysMs: [], breaker: { failures: 1, openMs: 60_000 } });
    const controller = new AbortController();
    handler = () => controller.abort();
    expect(await caught(cpanelClient(c, { signal: controller.signal }).account("examplecom").listMailDomains())).toBeInstanceOf(CpanelAbortedError);
    handler = (_req, res) => res.end(ok([{ domain: "example.com", select: 1 }]));
    expect(await cpanelClient(c).account("examplecom").listMailDomains()).toEqual(["example.com"]);
  });
});

describe("answers", () => {
  it("malformed body → CpanelProtocolError without quoting the body", async () => {
    handler = (_req, res) => res.end(`<html>oops ${PASSWORD}</html>`);
    const error = await caught(account().listMailDomains());
    expect(error).toBeInstanceOf(CpanelProtocolError);
    expect(error.message).not.toContain("oops");
    expect(seen).toHaveLength(1);
  });

  it("status 0 → CpanelApiError with cPanel's messages, secrets redacted", async () => {
    handler = (_req, res) =>
      res.end(
        JSON.stringify({ status: 0, data: null, errors: [`The password “${PASSWORD}” is too weak.`], messages: null, warnings: null, metadata: {} }),
      );
    const error = await caught(account().changeMailboxPassword("info@example.com", PASSWORD));
    expect(error).toBeInstanceOf(CpanelApiError);
    expect((error as CpanelApiError).messages).toEqual(["The password “[REDACTED]” is too weak."]);
    expect(error.operation).toBe("Email::passwd_pop");
    expectNoSecrets(error);
  });

  it("a WHM refusal is redacted the same way (forcepasswordchange, create_user_session)", async () => {
    handler = (_req, res) =>
      res.end(JSON.stringify({ metadata: { result: 0, reason: `Token ${TOKEN} may not do this.`, command: "x", version: 1 } }));
    const whm = cpanelClient(conn({ authMode: "whm", username: "root" })).whm;
    for (const refused of [whm.forcePasswordChange(["examplecom"]), whm.createUserSession("examplecom", "webmaild")]) {
      const error = await caught(refused);
      expect(error).toBeInstanceOf(CpanelApiError);
      expect((error as CpanelApiError).messages).toEqual(["Token [REDACTED] may not do this."]);
      expectNoSecrets(error);
    }
  });

  it("data of the wrong shape → CpanelProtocolError", async () => {
    handler = (_req, res) => res.end(ok({ not: "a list" }));
    expect(await caught(account().listMailboxes())).toBeInstanceOf(CpanelProtocolError);
  });

  it("reshapes list_pops_with_disk rows into Mailbox", async () => {
    handler = (_req, res) =>
      res.end(
        ok([
          { email: "examplecom", login: "Main Account", _diskquota: 0, _diskused: 0 },
          {
            email: "info@example.com",
            user: "info",
            domain: "example.com",
            _diskquota: 262144000,
            _diskused: "1048576",
            suspended_login: 1,
            suspended_incoming: "0",
            suspended_outgoing: 0,
            hold_outgoing: "1",
            txtdiskquota: 250,
          },
          { email: "big@example.com", user: "big", domain: "example.com", _diskquota: 0, _diskused: 5, txtdiskquota: "unlimited" },
        ]),
      );
    expect(await account().listMailboxes()).toEqual([
      {
        email: "info@example.com",
        localPart: "info",
        domain: "example.com",
        quotaMb: 250,
        diskUsedBytes: 1048576,
        suspendLogin: true,
        suspendIncoming: false,
        suspendOutgoing: false,
        holdOutgoing: true,
      },
      {
        email: "big@example.com",
        localPart: "big",
        domain: "example.com",
        quotaMb: null,
        diskUsedBytes: 5,
        suspendLogin: false,
        suspendIncoming: false,
        suspendOutgoing: false,
        holdOutgoing: false,
      },
    ]);
    expect(new URLSearchParams(seen[0]!.body).get("get_restrictions")).toBe("1");
  });
});

describe("network failures", () => {
  async function freePort(): Promise<number> {
    const probe = createTcpServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    return port;
  }

  it("connection refused → CpanelUnavailableError (a write was not sent)", async () => {
    const port = await freePort();
    const error = await caught(account({ baseUrl: `http://127.0.0.1:${port}` }).changeMailboxPassword("a@example.com", PASSWORD));
    expect(error).toBeInstanceOf(CpanelUnavailableError);
    expect((error as CpanelUnavailableError).code).toBe("ECONNREFUSED");
    expect(error.outcomeUnknown).toBe(false);
    expectNoSecrets(error);
  });

  it("circuit breaker opens after consecutive network failures and fails fast", async () => {
    const port = await freePort();
    const a = account({ baseUrl: `http://127.0.0.1:${port}`, retryDelaysMs: [], breaker: { failures: 3, openMs: 60_000 } });
    for (let i = 0; i < 3; i++) expect(((await caught(a.listMailDomains())) as CpanelUnavailableError).breakerOpen).toBe(false);
    const started = Date.now();
    const error = (await caught(a.listMailDomains())) as CpanelUnavailableError;
    expect(error).toBeInstanceOf(CpanelUnavailableError);
    expect(error.breakerOpen).toBe(true);
    expect(Date.now() - started).toBeLessThan(50);
  });

  it("circuit breaker lets a trial through after openMs and closes on success", async () => {
    const port = await freePort();
    const c = conn({ baseUrl: `http://127.0.0.1:${port}`, retryDelaysMs: [], breaker: { failures: 1, openMs: 100 } });
    await caught(cpanelClient(c).account("examplecom").listMailDomains());
    expect(((await caught(cpanelClient(c).account("examplecom").listMailDomains())) as CpanelUnavailableError).breakerOpen).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(((await caught(cpanelClient(c).account("examplecom").listMailDomains())) as CpanelUnavailableError).breakerOpen).toBe(false);
  });

  it("a TLS handshake that never finishes → CpanelTimeoutError (connect)", async () => {
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const error = await caught(
        account({ baseUrl: `https://127.0.0.1:${port}`, connectTimeoutMs: 100, retryDelaysMs: [] }).changeMailboxPassword("a@example.com", PASSWORD),
      );
      expect(error).toBeInstanceOf(CpanelTimeoutError);
      expect((error as CpanelTimeoutError).phase).toBe("connect");
      expect(error.outcomeUnknown).toBe(false);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
