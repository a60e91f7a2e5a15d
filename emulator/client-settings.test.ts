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
