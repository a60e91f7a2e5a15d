import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CpanelConfigError, CpanelUnavailableError, closeCpanelTransports, cpanelClient } from "@/lib/cpanel";
import { startEmulatorProcess, type EmulatorProcess } from "../support/emulator";
import { acme, connectionFor } from "./fixtures";

let emulator: EmulatorProcess;
beforeAll(async () => {
  emulator = await startEmulatorProcess({ tls: true });
  await emulator.control.createAccount(acme);
});
afterAll(async () => {
  await closeCpanelTransports();
  await emulator?.stop();
});

describe("HTTPS", () => {
  it("the emulator serves HTTPS with a generated CA file", () => {
    expect(emulator.whmUrl).toMatch(/^https:/);
    expect(emulator.caFile).toMatch(/cert\.pem$/);
  });

  it.each(["whm", "cpanel"] as const)("trusting the CA file, calls succeed (%s mode)", async (mode) => {
    const client = cpanelClient(connectionFor(emulator, mode));
    expect(await client.account(acme.user).listMailDomains()).toEqual(["acme.test", "acme.org"]);
    if (mode === "whm") expect((await client.whm.listAccounts()).map((a) => a.user)).toEqual(["acme"]);
  });

  it.each(["whm", "cpanel"] as const)(
    "without the CA the call fails with CpanelUnavailableError: TLS is never silently off (%s mode)",
    async (mode) => {
      const { caFile: _ignored, ...withoutCa } = connectionFor(emulator, mode);
      await emulator.control.clearRequestCounts();
      const error = await cpanelClient(withoutCa)
        .account(acme.user)
        .listMailDomains()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CpanelUnavailableError);
      expect((error as CpanelUnavailableError).message).toMatch(/TLS/);
      expect((error as CpanelUnavailableError).code).toMatch(/CERT|SELF_SIGNED|VERIFY/);
      // The request never reached the API.
      expect(await emulator.control.requestCounts()).toEqual({});
    },
  );

  it("a missing CA file is a configuration error", () => {
    expect(() => cpanelClient(connectionFor(emulator, "whm", { caFile: "/nonexistent/ca.pem" }))).toThrow(CpanelConfigError);
  });

  it.each(["whm", "cpanel"] as const)("trusting the CA given as PEM text (no file), calls succeed (%s mode)", async (mode) => {
    const { caFile, ...withoutFile } = connectionFor(emulator, mode);
    const client = cpanelClient({ ...withoutFile, serverId: `pem-${mode}`, ca: readFileSync(caFile!, "utf8") });
    expect(await client.account(acme.user).listMailDomains()).toEqual(["acme.test", "acme.org"]);
  });

  it("PEM text wins over a CA file: a wrong file is not read", async () => {
    const connection = connectionFor(emulator, "cpanel", { caFile: "/nonexistent/ca.pem" });
    const client = cpanelClient({ ...connection, serverId: "pem-over-file", ca: readFileSync(emulator.caFile!, "utf8") });
    expect(await client.account(acme.user).listMailDomains()).toEqual(["acme.test", "acme.org"]);
  });

  it("CA text that is not a PEM certificate is a configuration error, and nothing is sent", async () => {
    const { caFile: _ignored, ...withoutFile } = connectionFor(emulator, "whm");
    await emulator.control.clearRequestCounts();
    expect(() => cpanelClient({ ...withoutFile, serverId: "pem-garbage", ca: "not a certificate" })).toThrow(/not a PEM certificate/);
    expect(await emulator.control.requestCounts()).toEqual({});
  });
});
