import type { CpanelServerConnection } from "@/lib/cpanel";
import type { EmulatorProcess, NewEmulatorAccount } from "../support/emulator";

/** Shared test data for the client suites against the emulator. */

export const ACME_TOKEN = "ACMETESTTOKEN0000000000000000001";
export const MAILBOX_PASSWORD = "Mailbox-Test-2026!";
export const STRONG_PASSWORD = "Tr0ub4dor&3-horse-battery";

export const acme: NewEmulatorAccount = {
  user: "acme",
  domain: "acme.test",
  extraDomains: ["acme.org"],
  contactEmail: "owner@acme.test",
  password: "Acme-cpanel-password-2026",
  token: ACME_TOKEN,
  mailboxes: [
    { email: "info@acme.test", password: MAILBOX_PASSWORD, quotaMb: 500, diskUsedBytes: 1234 },
    { email: "sales@acme.test", password: MAILBOX_PASSWORD, quotaMb: null, diskUsedBytes: 0 },
    { email: "team@acme.org", password: MAILBOX_PASSWORD, quotaMb: 100, diskUsedBytes: 5_000_000 },
  ],
};

let seq = 0;

/** A connection with its own serverId (own pool and breaker), fast retries and short timeouts. */
export function connectionFor(
  emulator: EmulatorProcess,
  mode: "whm" | "cpanel",
  extra: Partial<CpanelServerConnection> = {},
): CpanelServerConnection {
  return {
    serverId: `emu-${mode}-${process.pid}-${++seq}`,
    baseUrl: mode === "whm" ? emulator.whmUrl : emulator.cpanelUrl,
    authMode: mode,
    username: mode === "whm" ? "root" : acme.user,
    token: mode === "whm" ? emulator.whmToken : ACME_TOKEN,
    ...(emulator.caFile ? { caFile: emulator.caFile } : {}),
    requestTimeoutMs: 3_000,
    retryDelaysMs: [20, 50],
    ...extra,
  };
}
