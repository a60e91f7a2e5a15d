import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CpanelApiError,
  CpanelAuthError,
  CpanelError,
  CpanelProtocolError,
  CpanelTimeoutError,
  CpanelUnavailableError,
  closeCpanelTransports,
  cpanelClient,
} from "@/lib/cpanel";
import { startEmulatorProcess, type EmulatorProcess } from "../support/emulator";
import { STRONG_PASSWORD, acme, connectionFor } from "./fixtures";

let emulator: EmulatorProcess;
beforeAll(async () => {
  emulator = await startEmulatorProcess();
});
afterAll(async () => {
  await closeCpanelTransports();
  await emulator?.stop();
});
beforeEach(async () => {
  await emulator.control.reset();
  await emulator.control.createAccount(acme);
  await emulator.control.clearFaults();
  await emulator.control.clearRequestCounts();
});

async function failure(promise: Promise<unknown>): Promise<CpanelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CpanelError);
  return error as CpanelError;
}

function expectRedacted(error: CpanelError, ...secrets: string[]) {
  for (const text of [error.message, error.request ?? "", JSON.stringify(error), String(error.stack)]) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }
}

describe("authentication", () => {
  it.each(["whm", "cpanel"] as const)("a wrong token → CpanelAuthError (%s mode), not retried", async (mode) => {
    const conn = connectionFor(emulator, mode, { token: "WRONGTOKEN00000000000000000000000" });
    const error = await failure(cpanelClient(conn).account(acme.user).listMailboxes());
    expect(error).toBeInstanceOf(CpanelAuthError);
    // WHM refuses a token with 403 (text/plain cpanelresult body); cPanel's port with 401.
    expect((error as CpanelAuthError).httpStatus).toBe(mode === "whm" ? 403 : 401);
    expect(error.message).toContain("Access denied");
    expectRedacted(error, "WRONGTOKEN00000000000000000000000");
    expect((await emulator.control.requestCounts())["Email::list_pops_with_disk"]).toBe(1);
  });

  it("a wrong WHM token on a WHM function → CpanelAuthError", async () => {
    const error = await failure(cpanelClient(connectionFor(emulator, "whm", { token: "nope-nope-nope" })).whm.listAccounts());
    expect(error).toBeInstanceOf(CpanelAuthError);
  });
});

describe.each(["whm", "cpanel"] as const)("injected faults (%s mode)", (mode) => {
  const account = (extra = {}) => cpanelClient(connectionFor(emulator, mode, extra)).account(acme.user);

  it("delay beyond the timeout on a write → CpanelTimeoutError, outcome unknown, sent once", async () => {
    await emulator.control.fault({ fn: "Email::passwd_pop", kind: "delay", ms: 1_500 });
    const error = await failure(account({ requestTimeoutMs: 300 }).changeMailboxPassword("info@acme.test", STRONG_PASSWORD));
    expect(error).toBeInstanceOf(CpanelTimeoutError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.operation).toBe("Email::passwd_pop");
    expectRedacted(error, STRONG_PASSWORD);
    expect((await emulator.control.requestCounts())["Email::passwd_pop"]).toBe(1);
  });

  it("delay beyond the timeout on a read → retried, then CpanelTimeoutError", async () => {
    await emulator.control.fault({ fn: "Email::list_pops_with_disk", kind: "delay", ms: 1_000 });
    const error = await failure(account({ requestTimeoutMs: 200 }).listMailboxes());
    expect(error).toBeInstanceOf(CpanelTimeoutError);
    expect(error.outcomeUnknown).toBe(false);
    expect((await emulator.control.requestCounts())["Email::list_pops_with_disk"]).toBe(3);
  });

  it("HTTP 500 → CpanelUnavailableError; a read is retried and recovers", async () => {
    await emulator.control.fault({ fn: "Email::list_pops_with_disk", kind: "http", status: 500, times: 2 });
    expect(await account().listMailboxes()).toHaveLength(3);
    expect((await emulator.control.requestCounts())["Email::list_pops_with_disk"]).toBe(3);
  });

  it("HTTP 500 on a write → CpanelUnavailableError, never retried", async () => {
    await emulator.control.fault({ fn: "Email::passwd_pop", kind: "http", status: 500 });
    const error = await failure(account().changeMailboxPassword("info@acme.test", STRONG_PASSWORD));
    expect(error).toBeInstanceOf(CpanelUnavailableError);
    expect((error as CpanelUnavailableError).httpStatus).toBe(500);
    expect((await emulator.control.requestCounts())["Email::passwd_pop"]).toBe(1);
  });

  it("a dropped connection → CpanelUnavailableError (write: once, outcome unknown; read: 3 tries)", async () => {
    await emulator.control.fault({ fn: "Email::suspend_login", kind: "drop" });
    const error = await failure(account().suspendLogin("info@acme.test"));
    expect(error).toBeInstanceOf(CpanelUnavailableError);
    expect(error.outcomeUnknown).toBe(true);
    await emulator.control.fault({ fn: "Email::list_mail_domains", kind: "drop" });
    expect(await failure(account().listMailDomains())).toBeInstanceOf(CpanelUnavailableError);
    const counts = await emulator.control.requestCounts();
    expect(counts["Email::suspend_login"]).toBe(1);
    expect(counts["Email::list_mail_domains"]).toBe(3);
  });

  it("a malformed body → CpanelProtocolError (not retried)", async () => {
    await emulator.control.fault({ fn: "Email::list_pops_with_disk", kind: "malformed" });
    expect(await failure(account().listMailboxes())).toBeInstanceOf(CpanelProtocolError);
    expect((await emulator.control.requestCounts())["Email::list_pops_with_disk"]).toBe(1);
  });

  it("status0 → CpanelApiError with the injected message", async () => {
    await emulator.control.fault({ fn: "Email::passwd_pop", kind: "status0", message: "The mail server is busy." });
    const error = await failure(account().changeMailboxPassword("info@acme.test", STRONG_PASSWORD));
    expect(error).toBeInstanceOf(CpanelApiError);
    expect((error as CpanelApiError).messages).toEqual(["The mail server is busy."]);
  });

  it("status0 on API 2 → CpanelApiError", async () => {
    await emulator.control.fault({ fn: "Email::passwdpop", kind: "status0", message: "API 2 says no." });
    const error = await failure(account().changeMailboxPasswordApi2("info@acme.test", STRONG_PASSWORD));
    expect(error).toBeInstanceOf(CpanelApiError);
    expect((error as CpanelApiError).messages).toEqual(["API 2 says no."]);
  });
});

describe("WHM proxy errors", () => {
  it("an unknown cPanel user through WHM's cpanel proxy → CpanelApiError", async () => {
    const error = await failure(cpanelClient(connectionFor(emulator, "whm")).account("ghost").listMailboxes());
    expect(error).toBeInstanceOf(CpanelApiError);
    // Whostmgr/XMLUI/cPanel.pm `_format_error`: {"data":{"reason":…,"result":"0"},"type":"text","error":…}.
    expect((error as CpanelApiError).messages).toEqual(["User parameter is invalid or was not supplied"]);
    expect((error as CpanelApiError).kind).toBe("account-not-found");
  });
});

describe("faults on WHM functions", () => {
  const whm = () => cpanelClient(connectionFor(emulator, "whm")).whm;

  it("status0 → CpanelApiError with metadata.reason", async () => {
    await emulator.control.fault({ fn: "listaccts", kind: "status0", message: "WHM is busy." });
    const error = await failure(whm().listAccounts());
    expect(error).toBeInstanceOf(CpanelApiError);
    expect((error as CpanelApiError).messages).toEqual(["WHM is busy."]);
  });

  it("HTTP 503 on a read is retried; on a write it is not", async () => {
    await emulator.control.fault({ fn: "listaccts", kind: "http", status: 503 });
    await emulator.control.fault({ fn: "suspend_outgoing_email", kind: "http", status: 503 });
    expect(await failure(whm().listAccounts())).toBeInstanceOf(CpanelUnavailableError);
    expect(await failure(whm().suspendOutgoingEmail("acme"))).toBeInstanceOf(CpanelUnavailableError);
    const counts = await emulator.control.requestCounts();
    expect(counts.listaccts).toBe(3);
    expect(counts.suspend_outgoing_email).toBe(1);
  });

  it("malformed and drop", async () => {
    await emulator.control.fault({ fn: "get_password_strength", kind: "malformed" });
    const malformed = await failure(whm().passwordStrength(STRONG_PASSWORD));
    expect(malformed).toBeInstanceOf(CpanelProtocolError);
    expectRedacted(malformed, STRONG_PASSWORD);
    await emulator.control.fault({ fn: "forcepasswordchange", kind: "drop" });
    expect(await failure(whm().forcePasswordChange(["acme"]))).toBeInstanceOf(CpanelUnavailableError);
    expect((await emulator.control.requestCounts()).forcepasswordchange).toBe(1);
  });

  it("the `*` fault hits every function", async () => {
    await emulator.control.fault({ fn: "*", kind: "status0", message: "everything fails", times: 1 });
    await expect(whm().listMailboxAddresses("acme")).rejects.toBeInstanceOf(CpanelApiError);
    expect(await whm().listMailboxAddresses("acme")).toHaveLength(3);
  });
});
