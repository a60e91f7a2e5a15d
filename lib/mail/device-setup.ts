import "server-only";
import { createHash } from "node:crypto";
import QRCode from "qrcode";
import { z } from "zod";
import type { MailClientSettings } from "@/lib/cpanel";
import type { Actor } from "@/lib/core/actor";
import { ValidationError } from "@/lib/core/errors";
import { requireReason, type WriteContext } from "@/lib/core/write-context";
import { visibleAccount } from "@/lib/mail/accounts";
import { auditedCpanelWrite } from "@/lib/mail/audited-write";
import { accountApi } from "@/lib/mail/cpanel-access";
import { findMailbox } from "@/lib/mail/mailboxes";
import { fromCpanel } from "@/lib/mail/upstream";
import { fieldErrorsFrom } from "@/lib/i18n/field-errors";

export type { MailClientSettings };

export type DeviceSetup = {
  settings: MailClientSettings;
  /** The settings as plain text (what the QR code holds): no password. */
  text: string;
  /** SVG of a QR code of `text`. */
  qrSvg: string;
};

/** The mail client settings of one mailbox the actor may see (UAPI Email::get_client_settings); a read, not audited. */
export async function getClientSettings(actor: Actor, accountId: string, mailboxRef: string): Promise<MailClientSettings> {
  const account = await visibleAccount(actor, accountId);
  const mailbox = await findMailbox(account, mailboxRef, { cached: true });
  const api = await accountApi(account);
  return fromCpanel(account.serverName, () => api.getClientSettings(mailbox.email));
}

// Messages are keys of Fields (lib/i18n/field-errors.ts words them in the reader's language).
const recipientSchema = z.email("recipientInvalid").max(254, "recipientTooLong");

/**
 * Has cPanel e-mail the mailbox's mail app settings (UAPI Email::dispatch_client_settings) to `to`, by default the
 * mailbox itself. Owners, and staff with a reason; audited with the recipient. The mail holds no password.
 */
export async function emailClientSettings(context: WriteContext, accountId: string, mailboxRef: string, to?: string): Promise<{ to: string }> {
  const account = await visibleAccount(context.actor, accountId);
  requireReason(context);
  const mailbox = await findMailbox(account, mailboxRef, { cached: true });
  const parsed = recipientSchema.safeParse(to?.trim() || mailbox.email);
  if (!parsed.success) throw new ValidationError({ to: Object.values(await fieldErrorsFrom(parsed.error.issues)).flat() });
  const recipient = parsed.data.toLowerCase();
  const api = await accountApi(account);
  await auditedCpanelWrite({
    context,
    audit: { accountId: account.id, action: "mailbox.client_settings.send", target: mailbox.email, detail: { to: recipient } },
    serverName: account.serverName,
    write: () => api.sendClientSettings(mailbox.email, recipient),
    // Sending mail cannot be read back: a lost answer stays unknown, and sending again is the person's choice.
    unknownOutcome: () =>
      `cPanel did not answer in time, so it is not known whether the settings were sent to ${recipient}. Check that inbox before sending again.`,
  });
  return { to: recipient };
}

/** The settings as lines a person can copy into a mail app (and a phone can read from the QR code). */
export function settingsText(s: MailClientSettings): string {
  const incoming = s.incoming.protocol === "imap" ? "IMAP" : "POP3";
  return [
    `Email: ${s.email}`,
    `User name: ${s.username}`,
    `Incoming (${incoming}): ${s.incoming.host}, port ${s.incoming.securePort}, SSL/TLS`,
    `Outgoing (SMTP): ${s.smtp.host}, port ${s.smtp.securePort}, SSL/TLS, authentication required`,
    "Password: the mailbox password",
  ].join("\n");
}

/** Settings, their text and a QR code of the text, for the "Set up devices" section. */
export async function getDeviceSetup(actor: Actor, accountId: string, mailboxRef: string): Promise<DeviceSetup> {
  const settings = await getClientSettings(actor, accountId, mailboxRef);
  const text = settingsText(settings);
  const qrSvg = await QRCode.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { settings, text, qrSvg };
}

function xml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A stable UUID from a name, so downloading the profile again replaces the installed one instead of adding a second. */
function nameUuid(name: string): string {
  const h = createHash("sha256").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

function plist(value: PlistValue, indent = ""): string {
  const inner = `${indent}  `;
  if (typeof value === "string") return `${indent}<string>${xml(value)}</string>`;
  if (typeof value === "number") return `${indent}<integer>${value}</integer>`;
  if (typeof value === "boolean") return `${indent}<${value}/>`;
  if (Array.isArray(value)) return `${indent}<array>\n${value.map((v) => plist(v, inner)).join("\n")}\n${indent}</array>`;
  const entries = Object.entries(value).map(([k, v]) => `${inner}<key>${xml(k)}</key>\n${plist(v, inner)}`);
  return `${indent}<dict>\n${entries.join("\n")}\n${indent}</dict>`;
}

/**
 * An Apple configuration profile (.mobileconfig) adding the mailbox to Mail on iPhone, iPad and macOS: IMAP or POP
 * and SMTP over TLS, password authentication. No password inside: the device asks for it when installing.
 */
export function mobileConfig(s: MailClientSettings): string {
  const id = `mailroom.mailbox.${s.email}`;
  const mail: PlistValue = {
    EmailAccountDescription: s.email,
    EmailAccountType: s.incoming.protocol === "imap" ? "EmailTypeIMAP" : "EmailTypePOP",
    EmailAddress: s.email,
    IncomingMailServerAuthentication: "EmailAuthPassword",
    IncomingMailServerHostName: s.incoming.host,
    IncomingMailServerPortNumber: s.incoming.securePort,
    IncomingMailServerUseSSL: true,
    IncomingMailServerUsername: s.username,
    OutgoingMailServerAuthentication: "EmailAuthPassword",
    OutgoingMailServerHostName: s.smtp.host,
    OutgoingMailServerPortNumber: s.smtp.securePort,
    OutgoingMailServerUseSSL: true,
    OutgoingMailServerUsername: s.username,
    OutgoingPasswordSameAsIncomingPassword: true,
    PayloadDisplayName: s.email,
    PayloadIdentifier: `${id}.mail`,
    PayloadType: "com.apple.mail.managed",
    PayloadUUID: nameUuid(`${id}.mail`),
    PayloadVersion: 1,
  };
  const profile: PlistValue = {
    PayloadContent: [mail],
    PayloadDescription: `Adds the mailbox ${s.email} to Mail. You are asked for its password when installing.`,
    PayloadDisplayName: `Email: ${s.email}`,
    PayloadIdentifier: id,
    PayloadType: "Configuration",
    PayloadUUID: nameUuid(id),
    PayloadVersion: 1,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
${plist(profile)}
</plist>
`;
}
