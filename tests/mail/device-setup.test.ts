// "Set up devices": cPanel's client settings for one mailbox, and the Apple profile made from them.
import { describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { listAuditEvents } from "@/lib/audit";
import { NotFoundError, UpstreamError, ValidationError } from "@/lib/core/errors";
import { writeContext } from "@/lib/core/write-context";
import { emailClientSettings, getClientSettings, getDeviceSetup, mobileConfig } from "@/lib/mail/device-setup";

const panel = withDemoPanel();

describe("device setup", () => {
  it("gives the owner the mailbox's IMAP and SMTP settings, a QR code and a profile without a password", async () => {
    const { customer, accountId } = panel();
    const setup = await getDeviceSetup(customer, accountId.examplecom, "info@example.com");
    expect(setup.settings).toMatchObject({
      email: "info@example.com",
      incoming: { protocol: "imap", host: "mail.example.com", securePort: 993 },
      smtp: { host: "mail.example.com", securePort: 465 },
    });
    expect(setup.text).toContain("Incoming (IMAP): mail.example.com, port 993, SSL/TLS");
    expect(setup.qrSvg).toMatch(/^<svg/);

    const profile = mobileConfig(setup.settings);
    expect(profile).toMatch(/<key>IncomingMailServerHostName<\/key>\s*<string>mail\.example\.com<\/string>/);
    expect(profile).toContain("<string>EmailTypeIMAP</string>");
    expect(profile).not.toMatch(/Password<\/key>\s*<string>/);
    // The same mailbox gives the same identifiers: a second download replaces the installed profile.
    expect(mobileConfig(setup.settings)).toBe(profile);
  });

  it("is not there for another customer or a missing mailbox", async () => {
    const { other, customer, accountId } = panel();
    await expect(getClientSettings(other, accountId.examplecom, "info@example.com")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getClientSettings(customer, accountId.examplecom, "ghost@example.com")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("e-mail the settings", () => {
  it("has cPanel mail the settings to the mailbox itself by default, or to another address, and audits the recipient", async () => {
    const { customer, accountId, emulator } = panel();
    expect(await emailClientSettings(writeContext(customer, "web"), accountId.examplecom, "info@example.com")).toEqual({ to: "info@example.com" });
    expect(await emailClientSettings(writeContext(customer, "web"), accountId.examplecom, "info@example.com", " Jo@Example.NET ")).toEqual({
      to: "jo@example.net",
    });
    expect((await emulator.control.dispatchedSettings("examplecom")).map((m) => [m.account, m.to])).toEqual([
      ["info@example.com", "info@example.com"],
      ["info@example.com", "jo@example.net"],
    ]);
    const [latest] = await listAuditEvents({ accountId: accountId.examplecom, action: "mailbox.client_settings.send" });
    expect(latest).toMatchObject({ outcome: "success", target: "info@example.com", detail: { to: "jo@example.net" } });
  });

  it("refuses a recipient that is not an address, another customer's mailbox, and staff without a reason, sending nothing", async () => {
    const { customer, other, support, accountId, emulator } = panel();
    const before = (await emulator.control.dispatchedSettings("examplecom")).length;
    await expect(
      emailClientSettings(writeContext(customer, "web"), accountId.examplecom, "info@example.com", "not an address"),
    ).rejects.toMatchObject({
      fieldErrors: { to: ["Enter an e-mail address, like name@example.com"] },
    });
    await expect(emailClientSettings(writeContext(other, "web"), accountId.examplecom, "info@example.com")).rejects.toBeInstanceOf(NotFoundError);
    await expect(emailClientSettings(writeContext(support, "web"), accountId.examplecom, "info@example.com")).rejects.toBeInstanceOf(ValidationError);
    expect(await emulator.control.dispatchedSettings("examplecom")).toHaveLength(before);
    await emailClientSettings(writeContext(support, "web", "Ticket #77: new phone"), accountId.examplecom, "info@example.com");
    expect(await emulator.control.dispatchedSettings("examplecom")).toHaveLength(before + 1);
  });

  it("says what cPanel answered when it refuses, and records the failure", async () => {
    const { customer, accountId, emulator } = panel();
    await emulator.control.fault({ fn: "Email::dispatch_client_settings", kind: "status0", message: "Mail could not be queued.", times: 1 });
    await expect(emailClientSettings(writeContext(customer, "web"), accountId.examplecom, "info@example.com")).rejects.toThrow(
      "cPanel refused the request: Mail could not be queued.",
    );
    const [latest] = await listAuditEvents({ accountId: accountId.examplecom, action: "mailbox.client_settings.send" });
    expect(latest).toMatchObject({ outcome: "failure" });
  });
});

describe("device setup when cPanel refuses the settings", () => {
  it("is an UpstreamError with a sentence, for a 403 and for cPanel's access-denied answer", async () => {
    const { customer, accountId, emulator } = panel();
    await emulator.control.fault({ fn: "Email::get_client_settings", kind: "http", status: 403, times: 1 });
    const denied = await getDeviceSetup(customer, accountId.examplecom, "info@example.com").catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(UpstreamError);
    expect((denied as UpstreamError).message).toMatch(/access to the cPanel server .* was refused/);
    await emulator.control.fault({ fn: "Email::get_client_settings", kind: "status0", message: "Access denied", times: 1 });
    await expect(getDeviceSetup(customer, accountId.examplecom, "info@example.com")).rejects.toThrow("cPanel refused the request: Access denied");
  });
});
