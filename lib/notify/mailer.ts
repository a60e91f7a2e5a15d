import "server-only";
import { createHash } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { config } from "@/lib/config";
import type { RenderedMail } from "./templates";

let cached: { url: string; transport: Transporter } | undefined;

function transport(url: string): Transporter {
  if (cached?.url !== url) {
    // No pool: each mail opens its own connection, so an SMTP server that restarted is simply reached next time.
    cached = { url, transport: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }) };
  }
  return cached.transport;
}

/** Thrown when no SMTP server is configured: the job fails visibly and its mail waits for a retry. */
export class MailNotConfiguredError extends Error {
  constructor() {
    super("SMTP_URL is not set, so no mail can be sent; set it and retry the job");
    this.name = "MailNotConfiguredError";
  }
}

/**
 * Sends one rendered mail over SMTP (SMTP_URL, from MAIL_FROM). The Message-ID comes from the job's key, so a
 * mail sent twice after a crash between sending and recording is recognisable as one.
 */
export async function sendMail(input: { to: string; key: string; mail: RenderedMail }): Promise<void> {
  const { SMTP_URL, MAIL_FROM, NEXTAUTH_URL } = config();
  if (!SMTP_URL) throw new MailNotConfiguredError();
  const host = new URL(NEXTAUTH_URL).hostname || "mailroom.invalid";
  await transport(SMTP_URL).sendMail({
    from: MAIL_FROM,
    to: input.to,
    subject: input.mail.subject,
    text: input.mail.text,
    html: input.mail.html,
    messageId: `<${createHash("sha256").update(input.key).digest("hex").slice(0, 32)}@${host}>`,
    headers: { "Auto-Submitted": "auto-generated" },
  });
}
