import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CpanelApiError, closeCpanelTransports, cpanelClient } from "@/lib/cpanel";
import { startEmulatorProcess, type EmulatorProcess } from "../support/emulator";
import { acme, connectionFor } from "./fixtures";

let emulator: EmulatorProcess;
beforeAll(async () => {
  emulator = await startEmulatorProcess();
  await emulator.control.reset();
  await emulator.control.seedDemo();
});
afterAll(async () => {
  await closeCpanelTransports();
  await emulator?.stop();
});

describe("mail client settings over HTTP", () => {
  it("reads a mailbox's IMAP and SMTP settings", async () => {
    expect(await cpanelClient(connectionFor(emulator, "whm")).account("examplecom").getClientSettings("info@example.com")).toEqual({
      email: "info@example.com",
      username: "info@example.com",
      incoming: { protocol: "imap", host: "mail.example.com", securePort: 993, insecurePort: 143 },
      smtp: { host: "mail.example.com", securePort: 465, insecurePort: 587 },
      plaintextAuthentication: true,
    });
  });

  it("refuses a mailbox the account does not have", async () => {
    const error = await cpanelClient(connectionFor(emulator, "whm"))
      .account("examplecom")
      .getClientSettings("ghost@example.com")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CpanelApiError);
  });

  it("has cPanel mail the settings to an address, and refuses an address that is not one", async () => {
    const account = cpanelClient(connectionFor(emulator, "whm")).account("examplecom");
    await account.sendClientSettings("info@example.com", "helpdesk@example.net");
    expect(await emulator.control.dispatchedSettings("examplecom")).toEqual([
      { account: "info@example.com", to: "helpdesk@example.net", cc: "", sentAt: expect.any(Number) },
    ]);
    const error = await account.sendClientSettings("info@example.com", "not an address").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CpanelApiError);
    expect((error as CpanelApiError).messages).toEqual(["Invalid to: not an address"]);
  });

  it("works with a cPanel user's own token too", async () => {
    await emulator.control.createAccount(acme);
    await cpanelClient(connectionFor(emulator, "cpanel")).account("acme").sendClientSettings("sales@acme.test", "sales@acme.test");
    expect(await emulator.control.dispatchedSettings("acme")).toEqual([
      { account: "sales@acme.test", to: "sales@acme.test", cc: "", sentAt: expect.any(Number) },
    ]);
  });
});
