// Mailbox password changes through the domain layer, verified in the emulator (Email::verify_password), not by trusting answers.
import { describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { changeMailboxPassword } from "@/lib/mail/passwords";
import { accountApi } from "@/lib/mail/cpanel-access";
import { findHostingAccount } from "@/lib/db/hosting-accounts";
import { listAuditEvents } from "@/lib/audit";
import { NotFoundError, PasswordTooWeakError, UpstreamError, ValidationError } from "@/lib/core/errors";
import { writeContext } from "@/lib/core/write-context";
import { mailboxPublicId } from "@/lib/mail/mailbox-id";

const panel = withDemoPanel({ requestTimeoutMs: 1500 });
const DEMO_PASSWORD = "Demo-mailbox-2026!";

async function passwordWorks(accountId: string, email: string, password: string): Promise<boolean> {
  const account = await findHostingAccount(accountId);
  return (await accountApi(account!)).verifyMailboxPassword(email, password);
}

describe("changeMailboxPassword", () => {
  it("changes the password in cPanel and records who did it, never the password", async () => {
    const { customer, accountId } = panel();
    const result = await changeMailboxPassword(writeContext(customer, "web"), accountId.examplecom, "sales@example.com", "Lantern-orchid-2026-quay");
    expect(result).toEqual({ email: "sales@example.com" });
    expect(await passwordWorks(accountId.examplecom, "sales@example.com", "Lantern-orchid-2026-quay")).toBe(true);
    expect(await passwordWorks(accountId.examplecom, "sales@example.com", DEMO_PASSWORD)).toBe(false);

    const [event] = await listAuditEvents({ accountId: accountId.examplecom, action: "mailbox.password.change" });
    expect(event).toMatchObject({ actorUserId: customer.id, target: "sales@example.com", outcome: "success" });
    expect(JSON.stringify(event)).not.toContain("Lantern-orchid-2026-quay");
  });

  it("accepts the mailbox's public id in place of the address", async () => {
    const { customer, accountId } = panel();
    const id = mailboxPublicId(accountId.examplecom, "old@example.com");
    await expect(changeMailboxPassword(writeContext(customer, "web"), accountId.examplecom, id, "Walnut-harbor-2026-gale")).resolves.toEqual({
      email: "old@example.com",
    });
  });

  it("refuses a weak password with the rule codes, and changes nothing", async () => {
    const { customer, accountId } = panel();
    const error = await changeMailboxPassword(writeContext(customer, "web"), accountId.examplecom, "jane@example.com", "jane1234").catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PasswordTooWeakError);
    expect((error as PasswordTooWeakError).codes).toEqual(expect.arrayContaining(["needs_uppercase", "contains_mailbox_name", "too_guessable"]));
    expect(await passwordWorks(accountId.examplecom, "jane@example.com", DEMO_PASSWORD)).toBe(true);
    expect((await panel().emulator.control.requestCounts())["Email::passwd_pop"] ?? 0).toBeGreaterThanOrEqual(0);
  });

  it("shows cPanel's own refusal as password_too_weak with cPanel's reason", async () => {
    const { customer, accountId, emulator } = panel();
    const reason = "The given password is too weak. Please enter a password with a strength rating of 100 or higher.";
    await emulator.control.fault({ fn: "Email::passwd_pop", kind: "status0", message: reason, times: 1 });
    const error = await changeMailboxPassword(
      writeContext(customer, "web"),
      accountId.examplecom,
      "jane@example.com",
      "Copper-violet-2026-dune",
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasswordTooWeakError);
    expect((error as PasswordTooWeakError).fieldErrors.newPassword).toEqual([reason]);
    expect(await passwordWorks(accountId.examplecom, "jane@example.com", DEMO_PASSWORD)).toBe(true);
  });

  it.each([
    [{ kind: "http", status: 500 } as const, "unknown_outcome"], // a 5xx may come after cPanel ran the change: settled, not assumed
    [{ kind: "status0", message: "The mail server is busy." } as const, "rejected"],
    [{ kind: "drop" } as const, "unknown_outcome"],
  ])("upstream %o → UpstreamError %s; the old password still works; passwd_pop sent once", async (fault, failure) => {
    const { customer, accountId, emulator } = panel();
    await emulator.control.clearRequestCounts();
    await emulator.control.fault({ fn: "Email::passwd_pop", ...fault });
    try {
      const error = await changeMailboxPassword(
        writeContext(customer, "web"),
        accountId.shopcp,
        "info@shop.example",
        "Copper-violet-2026-dune",
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).failure).toBe(failure);
    } finally {
      await emulator.control.clearFaults();
    }
    expect((await emulator.control.requestCounts())["Email::passwd_pop"]).toBe(1);
    expect(await passwordWorks(accountId.shopcp, "info@shop.example", DEMO_PASSWORD)).toBe(true);
  });

  it("settles a timed-out change with verify_password instead of guessing or retrying", async () => {
    const { customer, accountId, emulator } = panel();
    await emulator.control.clearRequestCounts();
    // The emulator answers after 2 s (and applies the change then); the panel gives up after 1.5 s.
    await emulator.control.fault({ fn: "Email::passwd_pop", kind: "delay", ms: 2000, times: 1 });
    const result = await changeMailboxPassword(writeContext(customer, "web"), accountId.shopcp, "orders@shop.example", "Saffron-glacier-2026-reef");
    expect(result).toEqual({ email: "orders@shop.example" });
    expect((await emulator.control.requestCounts())["Email::passwd_pop"]).toBe(1);
    expect(await passwordWorks(accountId.shopcp, "orders@shop.example", "Saffron-glacier-2026-reef")).toBe(true);
  });

  it("says the outcome is unknown when a timed-out change has not landed", async () => {
    const { customer, accountId, emulator } = panel();
    await emulator.control.fault({ fn: "Email::passwd_pop", kind: "delay", ms: 8000, times: 1 });
    const error = await changeMailboxPassword(
      writeContext(customer, "web"),
      accountId.shopcp,
      "returns@shop.example",
      "Saffron-glacier-2026-reef",
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ failure: "unknown_outcome" });
    expect((error as Error).message).toMatch(/has not applied the new password/);
  }, 15_000);

  it("another customer's mailbox is not found, and a missing mailbox too", async () => {
    const { other, customer, accountId } = panel();
    await expect(
      changeMailboxPassword(writeContext(other, "web"), accountId.examplecom, "info@example.com", "Lantern-orchid-2026-quay"),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      changeMailboxPassword(writeContext(customer, "web"), accountId.examplecom, "ghost@example.com", "Lantern-orchid-2026-quay"),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("support must give a reason, which lands in the audit log", async () => {
    const { support, accountId } = panel();
    await expect(
      changeMailboxPassword(writeContext(support, "web", "short"), accountId.othernet, "bob@example.net", "Maple-quarry-2026-drift"),
    ).rejects.toBeInstanceOf(ValidationError);
    await changeMailboxPassword(
      writeContext(support, "web", "Ticket #4711: customer locked out"),
      accountId.othernet,
      "bob@example.net",
      "Maple-quarry-2026-drift",
    );
    const [event] = await listAuditEvents({ accountId: accountId.othernet, action: "mailbox.password.change" });
    expect(event).toMatchObject({ actorRole: "support", reason: "Ticket #4711: customer locked out", outcome: "success" });
  });

  it("limits password attempts per mailbox", async () => {
    const { customer, accountId } = panel();
    const attempt = () =>
      changeMailboxPassword(writeContext(customer, "web"), accountId.examplecom, "newsletter@example.org", "weak").catch((e: unknown) => e);
    const errors = [];
    for (let i = 0; i < 11; i++) errors.push(await attempt());
    expect(errors.slice(0, 10).every((e) => e instanceof PasswordTooWeakError)).toBe(true);
    expect(errors[10]).toMatchObject({ name: "RateLimitedError" });
  });
});
