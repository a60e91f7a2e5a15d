// Two-factor sign-in: enrolment, codes at sign-in (never twice), recovery codes, and staff who must have it.
import { generateSync } from "otplib";
import { describe, expect, it } from "vitest";
import { setTestEnv, withTestDatabase } from "../db/engines";
import { createUser, findUserById } from "@/lib/db/users";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { beginTotpEnrolment, confirmTotpEnrolment, turnOffTwoFactor } from "@/lib/mail/two-factor";
import { writeContext } from "@/lib/core/write-context";
import { ValidationError } from "@/lib/core/errors";
import { twoFactorState } from "@/lib/db/two-factor";

setTestEnv();
withTestDatabase("sqlite");

const PASSWORD = "Panel-login-2026!";

async function enrolled(email: string, role: "customer" | "support") {
  const user = await createUser({ email, role, password: PASSWORD });
  const actor = { id: user.id, email: user.email, name: null, role: user.role };
  const { secret, uri, qrSvg } = await beginTotpEnrolment(actor);
  expect(uri).toContain("otpauth://totp/");
  expect(qrSvg).toContain("<svg");
  const codes = await confirmTotpEnrolment(writeContext(actor, "web"), { code: generateSync({ secret }), currentPassword: PASSWORD });
  return { actor, secret, codes };
}

describe("two-factor sign-in", () => {
  it("enrols with a code and the panel password, and returns ten recovery codes stored as hashes", async () => {
    const { actor, codes } = await enrolled("tf1@example.com", "customer");
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await findUserById(actor.id))?.twoFactorEnabled).toBe(true);
  });

  it("refuses enrolment with a wrong code or a wrong password", async () => {
    const user = await createUser({ email: "tf2@example.com", role: "customer", password: PASSWORD });
    const actor = { id: user.id, email: user.email, name: null, role: user.role };
    const { secret } = await beginTotpEnrolment(actor);
    await expect(confirmTotpEnrolment(writeContext(actor, "web"), { code: "000000", currentPassword: PASSWORD })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      confirmTotpEnrolment(writeContext(actor, "web"), { code: generateSync({ secret }), currentPassword: "wrong" }),
    ).rejects.toMatchObject({
      fieldErrors: { currentPassword: ["Your panel password is not correct"] },
    });
    expect((await twoFactorState(actor.id)).enabled).toBe(false);
  });

  it("asks for the code after the right password, and accepts each code only once", async () => {
    const { secret } = await enrolled("tf3@example.com", "customer");
    expect(await attemptSignIn("tf3@example.com", PASSWORD, "10.0.0.1")).toEqual({ ok: false, code: "totp_required" });
    expect(await attemptSignIn("tf3@example.com", PASSWORD, "10.0.0.1", "123456")).toEqual({ ok: false, code: "totp_invalid" });
    // The enrolment used the current step; a code from the next step is new.
    const next = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    expect(await attemptSignIn("tf3@example.com", PASSWORD, "10.0.0.1", next)).toMatchObject({ ok: true });
    expect(await attemptSignIn("tf3@example.com", PASSWORD, "10.0.0.1", next)).toEqual({ ok: false, code: "totp_invalid" });
  });

  it("accepts each recovery code once", async () => {
    const { codes } = await enrolled("tf4@example.com", "customer");
    expect(await attemptSignIn("tf4@example.com", PASSWORD, "10.0.0.2", codes[0]!.toUpperCase())).toMatchObject({ ok: true });
    expect(await attemptSignIn("tf4@example.com", PASSWORD, "10.0.0.2", codes[0]!)).toEqual({ ok: false, code: "totp_invalid" });
  });

  it("counts only wrong codes: more valid recovery codes in a row than the limit all sign in", async () => {
    const { codes } = await enrolled("tf8@example.com", "customer");
    const used = codes.slice(0, 7);
    for (const code of used) expect(await attemptSignIn("tf8@example.com", PASSWORD, "10.0.0.4", code)).toMatchObject({ ok: true });
    // Wrong codes still lock, valid ones included.
    for (let i = 0; i < 5; i++) await attemptSignIn("tf8@example.com", PASSWORD, "10.0.0.4", "000000");
    expect(await attemptSignIn("tf8@example.com", PASSWORD, "10.0.0.4", codes[8]!)).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("limits wrong codes", async () => {
    await enrolled("tf5@example.com", "customer");
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push(await attemptSignIn("tf5@example.com", PASSWORD, "10.0.0.3", "000000"));
    expect(outcomes.at(-1)).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("lets customers turn it off with their password, but not staff", async () => {
    const customer = await enrolled("tf6@example.com", "customer");
    await turnOffTwoFactor(writeContext(customer.actor, "web"), { currentPassword: PASSWORD });
    expect((await twoFactorState(customer.actor.id)).enabled).toBe(false);
    const staff = await enrolled("tf7@example.com", "support");
    await expect(turnOffTwoFactor(writeContext(staff.actor, "web"), { currentPassword: PASSWORD })).rejects.toBeInstanceOf(ValidationError);
  });
});
