import { describe, expect, it } from "vitest";
import { issueSecondFactorTicket, readSecondFactorTicket, SECOND_FACTOR_TICKET_SECONDS } from "./oidc-ticket";

const SECRET = "test-auth-secret-0123456789-0123456789";
const user = { id: "usr_abc", sessionVersion: 3 };

describe("second-factor ticket", () => {
  it("reads back what it was issued for, until it expires", () => {
    const ticket = issueSecondFactorTicket(SECRET, user, 1_000);
    expect(readSecondFactorTicket(SECRET, ticket, 1_000)).toEqual({
      userId: "usr_abc",
      sessionVersion: 3,
      expiresAt: 1_000 + SECOND_FACTOR_TICKET_SECONDS,
    });
    expect(readSecondFactorTicket(SECRET, ticket, 1_000 + SECOND_FACTOR_TICKET_SECONDS)).toBeNull();
  });

  it("refuses another secret's ticket, an altered one, and garbage", () => {
    const ticket = issueSecondFactorTicket(SECRET, user, 1_000);
    expect(readSecondFactorTicket("another-secret-0123456789-0123456789", ticket, 1_000)).toBeNull();
    const [, signature] = ticket.split(".");
    const forged = `${Buffer.from(JSON.stringify({ u: "usr_admin", v: 3, e: 99_999 })).toString("base64url")}.${signature}`;
    expect(readSecondFactorTicket(SECRET, forged, 1_000)).toBeNull();
    for (const junk of [undefined, "", "a.b", `${ticket}.x`, "....."]) expect(readSecondFactorTicket(SECRET, junk, 1_000)).toBeNull();
  });
});
