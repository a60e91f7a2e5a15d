// SMTP down: the write that causes a notice still succeeds; the notice goes out once SMTP is back.
import { afterAll, describe, expect, it } from "vitest";
import { MailCatcher } from "../support/mail-catcher";

const catcher = new MailCatcher();
process.env.SMTP_URL = catcher.smtpUrl;
process.env.MAIL_FROM = "Mailroom <mailroom@test.example>";

const { withDemoPanel } = await import("../support/panel");
const { changeMailboxPassword } = await import("@/lib/mail/passwords");
const { writeContext } = await import("@/lib/core/write-context");
const { DatabaseQueue, DatabaseRunner } = await import("@/lib/jobs/database-queue");
const { notifyJobHandlers } = await import("@/lib/notify/mail-job");
const { findHostingAccount } = await import("@/lib/db/hosting-accounts");
const { accountApi } = await import("@/lib/mail/cpanel-access");

describe("security notices while SMTP is down", () => {
  const panel = withDemoPanel();
  afterAll(() => catcher.stop());
  let offset = 0;
  const now = () => Date.now() + offset;

  it("the password change succeeds with the catcher stopped, and its notice arrives after the restart", async () => {
    const { customer, accountId } = panel();
    const secret = "Velvet-harbor-2027-quill";
    await expect(changeMailboxPassword(writeContext(customer, "web"), accountId.examplecom, "sales@example.com", secret)).resolves.toEqual({
      email: "sales@example.com",
    });
    const account = await findHostingAccount(accountId.examplecom);
    expect(await (await accountApi(account!)).verifyMailboxPassword("sales@example.com", secret)).toBe(true);

    const runner = new DatabaseRunner(notifyJobHandlers, { now });
    expect(await runner.runDue()).toBe(1); // tried, and failed: nothing listens on the SMTP port
    const [job] = await new DatabaseQueue().list({ states: ["queued"] });
    expect(job).toMatchObject({ kind: "mail.send", attempts: 1 });
    expect(job!.lastError).toMatch(/ECONNREFUSED|connect/i);

    await catcher.start();
    offset = 60_000; // past the first backoff (30 s)
    expect(await runner.runDue()).toBe(1);
    const mails = await catcher.mails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to[0]!.address).toBe("customer@example.com");
    expect(mails[0]!.subject).toBe("Mailroom: Mailbox password changed");
    expect(mails[0]!.text).toContain("sales@example.com");
    expect(mails[0]!.text + mails[0]!.html).not.toContain(secret);
    expect((await new DatabaseQueue().get(job!.id))?.state).toBe("succeeded");
    // Starts a mail catcher (maildev) inside the test: on a busy machine that alone can take most of the default 20 s.
  }, 60_000);
});
