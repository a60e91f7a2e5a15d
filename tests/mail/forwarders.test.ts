// Forwarding through the domain layer against the emulator: state verified in the emulator, not by trusting answers.
import { describe, expect, it } from "vitest";
import { withDemoPanel } from "../support/panel";
import {
  addDomainForwarder,
  addForwarders,
  getAccountForwarding,
  getAddressForwarding,
  removeDomainForwarder,
  removeForwarder,
} from "@/lib/mail/forwarders";
import { listAuditEvents } from "@/lib/audit";
import { ForbiddenError, NotFoundError, UpstreamError, ValidationError } from "@/lib/core/errors";
import { writeContext } from "@/lib/core/write-context";
import { mailboxPublicId } from "@/lib/mail/mailbox-id";

const panel = withDemoPanel({ requestTimeoutMs: 1500 });

type Row = { address: string; kind: string; forward: string };
async function emulatorForwarders(user: string, address: string): Promise<string[]> {
  const state = await panel().emulator.control.state(user);
  return (state.forwarders as Row[])
    .filter((f) => f.address === address)
    .map((f) => f.forward)
    .sort();
}

const web = () => writeContext(panel().customer, "web");

describe("reading", () => {
  it("a mailbox with a forwarder keeps a copy; an address without one stores nothing", async () => {
    const { customer, accountId } = panel();
    const info = await getAddressForwarding(customer, accountId.examplecom, "info@example.com");
    expect(info).toMatchObject({ address: "info@example.com", hasMailbox: true, destinations: [] });
    const hello = await getAddressForwarding(customer, accountId.examplecom, "hello@example.com");
    expect(hello.hasMailbox).toBe(false);
    expect(hello.destinations.map((d) => d.destination).sort()).toEqual(["info@example.com", "sales@example.com"]);
    expect(hello.delivery).toBe("Mail to hello@example.com is not stored; it is sent to info@example.com and sales@example.com.");
  });

  it("the account page lists every kind, and the domain forwarder", async () => {
    const { customer, accountId } = panel();
    const all = await getAccountForwarding(customer, accountId.examplecom);
    const kinds = Object.fromEntries(all.addresses.map((a) => [a.address, a.destinations.map((d) => d.kind)]));
    expect(kinds).toMatchObject({
      "nobody@example.com": ["fail"],
      "spam@example.com": ["blackhole"],
      "tickets@example.com": ["pipe"],
      "postmaster@example.com": ["system"],
      "billing@example.com": ["address"],
    });
    expect(all.domainForwarders).toEqual([{ sourceDomain: "example.org", destinationDomain: "example.com" }]);
    expect(all.domains).toEqual(["example.com", "example.org"]);
  });

  it("another customer's account is not found, and so is an address on a foreign domain", async () => {
    const { other, customer, accountId } = panel();
    await expect(getAddressForwarding(other, accountId.examplecom, "info@example.com")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAccountForwarding(other, accountId.examplecom)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAddressForwarding(customer, accountId.examplecom, "info@example.net")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("adding and removing", () => {
  it("adds several destinations (IDN normalised), reads them back, removes one, and audits both", async () => {
    const { customer, accountId } = panel();
    const added = await addForwarders(web(), accountId.shopcp, "orders@shop.example", {
      kind: "address",
      destinations: ["Boss@Bücher.example", "team+orders@example.net"],
    });
    expect(added.destinations.map((d) => d.destination).sort()).toEqual(["boss@xn--bcher-kva.example", "team+orders@example.net"]);
    expect(added.delivery).toMatch(/^A copy stays in this mailbox and is also sent to/);
    expect(await emulatorForwarders("shopcp", "orders@shop.example")).toEqual(["boss@xn--bcher-kva.example", "team+orders@example.net"]);

    const after = await removeForwarder(web(), accountId.shopcp, "orders@shop.example", "boss@bücher.example");
    expect(after.destinations.map((d) => d.destination)).toEqual(["team+orders@example.net"]);
    expect(await emulatorForwarders("shopcp", "orders@shop.example")).toEqual(["team+orders@example.net"]);

    const [removed] = await listAuditEvents({ accountId: accountId.shopcp, action: "mailbox.forwarder.remove" });
    expect(removed).toMatchObject({ actorUserId: customer.id, target: "orders@shop.example", outcome: "success" });
    expect(removed!.detail).toMatchObject({ source: "orders@shop.example", destination: "boss@xn--bcher-kva.example", via: "web" });
    const [addEvent] = await listAuditEvents({ accountId: accountId.shopcp, action: "mailbox.forwarder.add" });
    expect(addEvent).toMatchObject({
      outcome: "success",
      detail: expect.objectContaining({ destinations: ["Boss@Bücher.example", "team+orders@example.net"] }),
    });
  });

  it("accepts a mailbox id as the source", async () => {
    const { accountId } = panel();
    const id = mailboxPublicId(accountId.shopcp, "archive@shop.example");
    const result = await addForwarders(web(), accountId.shopcp, id, { kind: "address", destinations: ["archive-copy@example.net"] });
    expect(result.address).toBe("archive@shop.example");
    expect(await emulatorForwarders("shopcp", "archive@shop.example")).toEqual(["archive-copy@example.net"]);
  });

  it("refuses itself, a duplicate, an invalid address and a source on a foreign domain, changing nothing", async () => {
    const { accountId } = panel();
    const attempt = (source: string, destinations: string[]) =>
      addForwarders(web(), accountId.examplecom, source, { kind: "address", destinations }).catch((e: unknown) => e);
    const before = await emulatorForwarders("examplecom", "hello@example.com");
    const error = (await attempt("hello@example.com", ["hello@example.com", "INFO@example.com", '"a b"@example.com'])) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors.destinations).toEqual([
      "Mail to hello@example.com can't be forwarded to itself",
      "Mail to hello@example.com already goes to info@example.com",
      expect.stringMatching(/quoted addresses/),
    ]);
    expect(await emulatorForwarders("examplecom", "hello@example.com")).toEqual(before);
    const foreign = (await attempt("someone@example.net", ["info@example.com"])) as ValidationError;
    expect(foreign.fieldErrors.source).toEqual(["someone@example.net is not on one of this account's mail domains (example.com, example.org)"]);
  });

  it("refuses loops of length 2 and longer, and through the domain forwarder", async () => {
    const { accountId } = panel();
    const attempt = (source: string, destination: string) =>
      addForwarders(web(), accountId.examplecom, source, { kind: "address", destinations: [destination] }).then(
        () => ({}) as Partial<ValidationError>,
        (e: unknown) => e as ValidationError,
      );
    // hello@ → info@ already: info@ → hello@ closes A → B → A.
    expect((await attempt("info@example.com", "hello@example.com")).fieldErrors?.destinations).toEqual([
      "Forwarding to hello@example.com would send mail in a circle: info@example.com → hello@example.com → info@example.com",
    ]);
    await addForwarders(web(), accountId.examplecom, "jane@example.com", { kind: "address", destinations: ["chain1@example.org"] });
    await addForwarders(web(), accountId.examplecom, "chain1@example.org", { kind: "address", destinations: ["chain2@example.com"] });
    expect((await attempt("chain2@example.com", "jane@example.com")).fieldErrors?.destinations?.[0]).toMatch(
      /chain2@example.com → jane@example.com → chain1@example.org → chain2@example.com/,
    );
    // example.org → example.com (domain forwarder): sales@example.com → sales@example.org comes straight back.
    expect((await attempt("sales@example.com", "sales@example.org")).fieldErrors?.destinations?.[0]).toMatch(/circle/);
    expect(await emulatorForwarders("examplecom", "chain2@example.com")).toEqual([]);
  });

  it("a customer cannot create a pipe or system forwarder (denied, audited), but may remove one", async () => {
    const { customer, accountId, support } = panel();
    await expect(addForwarders(web(), accountId.examplecom, "jobs@example.com", { kind: "pipe", command: "bin/evil.sh" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(addForwarders(web(), accountId.examplecom, "jobs@example.com", { kind: "system" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await emulatorForwarders("examplecom", "jobs@example.com")).toEqual([]);
    const denied = await listAuditEvents({ accountId: accountId.examplecom, action: "mailbox.forwarder.add" });
    expect(denied.find((e) => e.outcome === "denied")).toMatchObject({ actorUserId: customer.id, target: "jobs@example.com" });

    const staff = writeContext(support, "web", "Ticket #88: ticket system intake");
    const piped = await addForwarders(staff, accountId.examplecom, "jobs@example.com", { kind: "pipe", command: "bin/jobs.php" });
    expect(piped.destinations).toEqual([{ kind: "pipe", destination: "|/home/examplecom/bin/jobs.php" }]);
    await removeForwarder(web(), accountId.examplecom, "jobs@example.com", "|/home/examplecom/bin/jobs.php");
    expect(await emulatorForwarders("examplecom", "jobs@example.com")).toEqual([]);
  });

  it("an address destination never becomes a pipe or a file, for a customer or staff: a field error, audited, nothing sent (issue 13)", async () => {
    const { accountId, support, emulator } = panel();
    const staff = writeContext(support, "web", "Ticket #13: forward to a script");
    await emulator.control.clearRequestCounts();
    for (const context of [web(), staff]) {
      for (const destination of ["|/bin/sh@example.com", "x|y@example.com", "/home/examplecom/mail@example.com"]) {
        const error = await addForwarders(context, accountId.examplecom, "jobs@example.com", { kind: "address", destinations: [destination] }).catch(
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fieldErrors.destinations).toEqual([expect.stringMatching(/cPanel would read .* (a program|a file)/)]);
      }
    }
    expect((await emulator.control.requestCounts())["Email::add_forwarder"]).toBeUndefined();
    expect(await emulatorForwarders("examplecom", "jobs@example.com")).toEqual([]);
    const refused = await listAuditEvents({ accountId: accountId.examplecom, action: "mailbox.forwarder.add" });
    expect(refused.find((e) => e.outcome === "failure" && JSON.stringify(e.detail).includes("|/bin/sh@example.com"))).toBeDefined();
  });

  it("bounce and discard stand alone, with the bounce text kept", async () => {
    const { accountId } = panel();
    const bounced = await addForwarders(web(), accountId.shopcp, "left@shop.example", {
      kind: "fail",
      failMessage: "Anna has left; write to orders@shop.example",
    });
    expect(bounced.delivery).toBe(
      "Mail to left@shop.example is not stored; it is bounced back to the sender with the message “Anna has left; write to orders@shop.example”.",
    );
    const mixed = await addForwarders(web(), accountId.shopcp, "left@shop.example", { kind: "address", destinations: ["x@example.net"] }).catch(
      (e: unknown) => e,
    );
    expect((mixed as ValidationError).fieldErrors.destinations?.[0]).toMatch(/is bounced; remove that forwarder/);
  });

  it("upstream failure: reported, audited, and the list unchanged", async () => {
    const { accountId, emulator } = panel();
    const before = await emulatorForwarders("shopcp", "info@shop.example");
    await emulator.control.fault({ fn: "Email::add_forwarder", kind: "status0", message: "The mail server is busy.", times: 1 });
    const error = await addForwarders(web(), accountId.shopcp, "info@shop.example", { kind: "address", destinations: ["copy@example.net"] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).message).toBe("cPanel refused the request: The mail server is busy.");
    expect(await emulatorForwarders("shopcp", "info@shop.example")).toEqual(before);
    const events = await listAuditEvents({ accountId: accountId.shopcp, action: "mailbox.forwarder.add" });
    expect(events.find((e) => e.outcome === "failure" && e.target === "info@shop.example")).toBeTruthy();

    await emulator.control.fault({ fn: "Email::delete_forwarder", kind: "http", status: 503, times: 1 });
    await expect(removeForwarder(web(), accountId.examplecom, "billing@example.com", "accountant@example.net")).rejects.toBeInstanceOf(UpstreamError);
    await emulator.control.clearFaults();
    expect(await emulatorForwarders("examplecom", "billing@example.com")).toEqual(["accountant@example.net"]);
  });

  it("settles a timed-out add by reading back, sending add_forwarder once", async () => {
    const { accountId, emulator } = panel();
    await emulator.control.clearRequestCounts();
    await emulator.control.fault({ fn: "Email::add_forwarder", kind: "delay", ms: 2000, times: 1 });
    const result = await addForwarders(web(), accountId.shopcp, "returns@shop.example", { kind: "address", destinations: ["slow@example.net"] });
    expect(result.destinations.map((d) => d.destination)).toEqual(["slow@example.net"]);
    expect((await emulator.control.requestCounts())["Email::add_forwarder"]).toBe(1);
  });

  it("removing a forwarder that does not exist is not found; support needs a reason", async () => {
    const { accountId, support } = panel();
    await expect(removeForwarder(web(), accountId.examplecom, "hello@example.com", "ghost@example.com")).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      addForwarders(writeContext(support, "web", "short"), accountId.othernet, "team@example.net", {
        kind: "address",
        destinations: ["c@example.net"],
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("domain forwarders", () => {
  it("adds, refuses a second for the same domain and loops, removes; read back from cPanel", async () => {
    const { accountId, other } = panel();
    const owner = () => writeContext(other, "web");
    const after = await addDomainForwarder(owner(), accountId.othernet, "example.net", "x").catch((e: unknown) => e);
    expect((after as ValidationError).fieldErrors.destinationDomain).toEqual(["“x” is not a valid domain"]);
    // othernet: example.net → example.org already.
    const second = (await addDomainForwarder(owner(), accountId.othernet, "example.net", "example.com").catch((e: unknown) => e)) as ValidationError;
    expect(second.fieldErrors.sourceDomain).toEqual(["example.net already forwards to example.org; remove that domain forwarder first"]);

    expect(await removeDomainForwarder(owner(), accountId.othernet, "example.net")).toEqual([]);
    expect((await panel().emulator.control.state("othernet")).domainForwarders).toEqual([]);
    const added = await addDomainForwarder(owner(), accountId.othernet, "example.net", "Bücher.example");
    expect(added).toEqual([{ sourceDomain: "example.net", destinationDomain: "xn--bcher-kva.example" }]);
    expect((await panel().emulator.control.state("othernet")).domainForwarders).toEqual([
      { domain: "example.net", destdomain: "xn--bcher-kva.example" },
    ]);

    const events = await listAuditEvents({ accountId: accountId.othernet, action: "account.domain_forwarder.add" });
    expect(events.find((e) => e.outcome === "success")?.detail).toMatchObject({ source: "example.net", destination: "xn--bcher-kva.example" });
  });

  it("a domain that is not the account's, and another customer's account", async () => {
    const { accountId, other } = panel();
    const error = (await addDomainForwarder(web(), accountId.shopcp, "example.com", "example.org").catch((e: unknown) => e)) as ValidationError;
    expect(error.fieldErrors.sourceDomain?.[0]).toMatch(/not one of this account's mail domains/);
    await expect(removeDomainForwarder(writeContext(other, "web"), accountId.shopcp, "shop.example")).rejects.toBeInstanceOf(NotFoundError);
  });
});
