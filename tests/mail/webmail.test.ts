// Webmail as one mailbox (WHM create_user_session with the address), checked against the emulator.
import { describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import { listAuditEvents } from "@/lib/audit";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { writeContext } from "@/lib/core/write-context";
import { openMailboxWebmail } from "@/lib/mail/webmail";

const panel = withDemoPanel();
const REASON = "Ticket #4242: customer cannot find a message";
const accountMailbox = "info@example.net";

describe("open Webmail as a mailbox", () => {
  it("gives the owner a one-time link signed in as the mailbox, and never writes the link down", async () => {
    const { customer, accountId } = panel();
    const { url } = await openMailboxWebmail(writeContext(customer, "web"), accountId.examplecom, "info@example.com");
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("Signed in to Webmail as <strong>info@example.com</strong>");
    expect((await fetch(url)).status).toBe(401);

    const [event] = await listAuditEvents({ accountId: accountId.examplecom, action: "mailbox.webmail.open" });
    expect(event).toMatchObject({ outcome: "success", target: "info@example.com", detail: { service: "webmaild" } });
    const token = new URL(url).searchParams.get("session")!;
    expect(JSON.stringify(await listAuditEvents({ limit: 500 }))).not.toContain(token);
    expect(JSON.stringify(event)).not.toContain(url);
  });

  it("is not there for another customer's account or a missing mailbox", async () => {
    const { other, customer, accountId } = panel();
    await expect(openMailboxWebmail(writeContext(other, "web"), accountId.examplecom, "info@example.com")).rejects.toBeInstanceOf(NotFoundError);
    await expect(openMailboxWebmail(writeContext(customer, "web"), accountId.examplecom, "ghost@example.com")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("staff need a reason, which goes to the audit log", async () => {
    const { support, accountId } = panel();
    await expect(openMailboxWebmail(writeContext(support, "web"), accountId.othernet, accountMailbox)).rejects.toBeInstanceOf(ValidationError);
    const { url } = await openMailboxWebmail(writeContext(support, "web", REASON), accountId.othernet, accountMailbox);
    expect(await (await fetch(url)).text()).toContain(`Signed in to Webmail as <strong>${accountMailbox}</strong>`);
    const [event] = await listAuditEvents({ accountId: accountId.othernet, action: "mailbox.webmail.open" });
    expect(event).toMatchObject({ outcome: "success", reason: REASON });
  });
});
