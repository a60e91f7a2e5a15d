// "Set up devices": cPanel's client settings for one mailbox, and the Apple profile made from them.
import { describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { NotFoundError } from "@/lib/core/errors";
import { getClientSettings, getDeviceSetup, mobileConfig } from "@/lib/mail/device-setup";

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
