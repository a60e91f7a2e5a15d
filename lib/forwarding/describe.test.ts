import { describe, expect, it } from "vitest";
import { englishDeliveryWords } from "@/lib/i18n/delivery";
import { describeDelivery as describeWith, type ForwardDestination } from "./describe";

const describeDelivery = (address: string, hasMailbox: boolean, destinations: ForwardDestination[]) =>
  describeWith(address, hasMailbox, destinations, englishDeliveryWords);

const to = (destination: string) => ({ kind: "address" as const, destination });

describe("describeDelivery", () => {
  it("a mailbox with forwarders keeps a copy (cPanel delivers to both)", () => {
    expect(describeDelivery("info@example.com", true, [to("a@example.net"), to("b@example.net")])).toBe(
      "A copy stays in this mailbox and is also sent to a@example.net and b@example.net.",
    );
    expect(describeDelivery("info@example.com", true, [])).toBe("Mail to info@example.com is kept in this mailbox and not forwarded.");
  });

  it("an address without a mailbox stores nothing", () => {
    expect(describeDelivery("hello@example.com", false, [to("info@example.com"), to("sales@example.com")])).toBe(
      "Mail to hello@example.com is not stored; it is sent to info@example.com and sales@example.com.",
    );
    expect(describeDelivery("nobody@example.com", false, [{ kind: "fail", destination: ":fail: Gone", failMessage: "Gone" }])).toBe(
      "Mail to nobody@example.com is not stored; it is bounced back to the sender with the message “Gone”.",
    );
    expect(describeDelivery("spam@example.com", false, [{ kind: "blackhole", destination: ":blackhole:" }])).toMatch(
      /discarded without telling the sender/,
    );
    expect(describeDelivery("tickets@example.com", false, [{ kind: "pipe", destination: "|/home/u/bin/t.php" }])).toBe(
      "Mail to tickets@example.com is not stored; it is passed to the program /home/u/bin/t.php.",
    );
    expect(describeDelivery("postmaster@example.com", false, [{ kind: "system", destination: "examplecom" }])).toBe(
      "Mail to postmaster@example.com is not stored; it is delivered to the system account “examplecom”.",
    );
  });
});
