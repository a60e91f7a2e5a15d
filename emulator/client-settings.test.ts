import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "./test-helpers";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(() => t.close());

describe("UAPI Email::get_client_settings", () => {
  it("answers cPanel's shape for a mailbox of the account", async () => {
    const r = await t.uapi("Email", "get_client_settings", { account: "info@example.com" });
    expect(r).toEqual({
      status: 1,
      errors: null,
      messages: null,
      warnings: null,
      metadata: {},
      data: {
        account: "info@example.com",
        display: "info@example.com",
        domain: "example.com",
        mail_domain: "mail.example.com",
        inbox_service: "imap",
        inbox_username: "info@example.com",
        inbox_host: "mail.example.com",
        inbox_port: 993,
        inbox_insecure_port: 143,
        smtp_username: "info@example.com",
        smtp_host: "mail.example.com",
        smtp_port: 465,
        smtp_insecure_port: 587,
        from_archiving: 0,
        has_plaintext_authentication: 1,
        activesync_available: 0,
        activesync_port: 2091,
      },
    });
  });

  it("refuses a missing mailbox and another account's domain", async () => {
    expect((await t.uapi("Email", "get_client_settings", { account: "ghost@example.com" })).errors).toEqual([
      "You do not have an email account named “ghost@example.com”.",
    ]);
    expect((await t.uapi("Email", "get_client_settings", { account: "info@example.net" })).status).toBe(0);
  });
});

describe("UAPI Email::dispatch_client_settings", () => {
  const sent = async () => (await t.control("GET", "/__emulator/dispatched/examplecom")).json.messages as Array<Record<string, unknown>>;

  it("records a mail of the settings to the given address, and to the mailbox itself by default", async () => {
    const before = (await sent()).length;
    const r = await t.uapi("Email", "dispatch_client_settings", { account: "info@example.com", to: "helpdesk@example.net" });
    expect(r).toEqual({ status: 1, errors: null, messages: null, warnings: null, metadata: {}, data: null });
    await t.uapi("Email", "dispatch_client_settings", { account: "info@example.com" });
    expect((await sent()).slice(before)).toEqual([
      { account: "info@example.com", to: "helpdesk@example.net", cc: "", sentAt: expect.any(Number) },
      { account: "info@example.com", to: "info@example.com", cc: "", sentAt: expect.any(Number) },
    ]);
  });

  it("refuses a mailbox the account does not have and an invalid recipient, and records nothing then", async () => {
    const before = (await sent()).length;
    expect((await t.uapi("Email", "dispatch_client_settings", { account: "ghost@example.com" })).errors).toEqual([
      "The user “examplecom” does not have access to an account named “ghost@example.com”.",
    ]);
    expect((await t.uapi("Email", "dispatch_client_settings", { account: "info@example.com", to: "not an address" })).errors).toEqual([
      "Invalid to: not an address",
    ]);
    expect((await t.uapi("Email", "dispatch_client_settings", {})).errors).toEqual(["Provide the “account” argument."]);
    expect(await sent()).toHaveLength(before);
  });
});
