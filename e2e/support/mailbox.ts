import { expect } from "@playwright/test";
import { MAIL_CATCHER_WEB_PORT } from "./ports";

/** One mail as the catcher (maildev) keeps it. */
export type CaughtMail = {
  id: string;
  subject: string;
  text: string;
  html: string;
  time: string;
  from: { address: string; name: string }[];
  to: { address: string; name: string }[];
};

const INBOX = `http://127.0.0.1:${MAIL_CATCHER_WEB_PORT}/api/email`;

/** Every mail the catcher holds, oldest first. */
export async function allMails(): Promise<CaughtMail[]> {
  const response = await fetch(INBOX);
  if (!response.ok) throw new Error(`The mail catcher answered ${response.status}`);
  return (await response.json()) as CaughtMail[];
}

/**
 * Waits until a mail to `to` whose subject contains `subject` (a string) or matches it (a RegExp) arrives, received
 * after `since` if given and whose text contains `about` if given; answers the newest such mail. Polls the catcher's
 * API, as the panel sends from a queue — so a notice of an earlier spec's change can arrive after `since`: name what
 * the mail is about when the owner gets the same kind of mail from other specs.
 */
export async function waitForMail(input: {
  to: string;
  subject: string | RegExp;
  since?: Date;
  about?: string;
  timeoutMs?: number;
}): Promise<CaughtMail> {
  const matches = (mail: CaughtMail) =>
    mail.to.some((t) => t.address.toLowerCase() === input.to.toLowerCase()) &&
    (typeof input.subject === "string" ? mail.subject.includes(input.subject) : input.subject.test(mail.subject)) &&
    (!input.since || new Date(mail.time).getTime() >= input.since.getTime() - 1_000) &&
    (!input.about || mail.text.includes(input.about));
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await allMails()).filter(matches).at(-1);
        return found !== undefined;
      },
      { timeout: input.timeoutMs ?? 20_000, message: `a mail to ${input.to} about "${String(input.subject)}"` },
    )
    .toBe(true);
  return found!;
}
