import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CpanelApiError, closeCpanelTransports, cpanelClient } from "@/lib/cpanel";
import { startEmulatorProcess, type EmulatorProcess } from "../support/emulator";
import { connectionFor } from "./fixtures";

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
});
