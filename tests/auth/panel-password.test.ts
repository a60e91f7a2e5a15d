// Re-entering the panel password (API tokens, two-factor setup and turn-off) is limited like sign-in:
// wrong passwords count per user, and once over the limit even the right one is refused, before it is checked.
import { generateSync } from "otplib";
import { describe, expect, it } from "vitest";
import { setTestEnv, withTestDatabase } from "../db/engines";
import { createUser } from "@/lib/db/users";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { beginTotpEnrolment, confirmTotpEnrolment, turnOffTwoFactor } from "@/lib/mail/two-factor";
import { createMyApiToken, listMyApiTokens } from "@/lib/mail/api-tokens";
import { RateLimitedError, ValidationError } from "@/lib/core/errors";
import { twoFactorState } from "@/lib/db/two-factor";
import { writeContext } from "@/lib/core/write-context";
import { READ_SCOPE, type ApiScope } from "@/lib/auth/scopes";

setTestEnv();
withTestDatabase("sqlite");

const PASSWORD = "Panel-reentry-2026!";
const GUESSES = 30;

async function customer(email: string) {
  const user = await createUser({ email, role: "customer", password: PASSWORD });
  return { id: user.id, email: user.email, name: null, role: user.role };
}

const tokenInput = (currentPassword: string) => ({ name: "backup", scopes: [READ_SCOPE] as ApiScope[], expiresInDays: 30, currentPassword });

/** Runs `attempt` and answers how it ended: "ok", "wrong" (the password field's error) or "rate_limited". */
async function outcome(attempt: () => Promise<unknown>): Promise<"ok" | "wrong" | "rate_limited"> {
  try {
    await attempt();
    return "ok";
  } catch (error) {
    if (error instanceof RateLimitedError) return "rate_limited";
    if (error instanceof ValidationError && error.fieldErrors.currentPassword) return "wrong";
    throw error;
  }
}

describe("re-entering the panel password", () => {
  it("for an API token: after 30 wrong guesses the right password is refused too, and no token is made", async () => {
    const actor = await customer("reenter-token@example.com");
    const context = writeContext(actor, "web");
    const outcomes = [];
    for (let i = 0; i < GUESSES; i++) outcomes.push(await outcome(() => createMyApiToken(context, tokenInput(`Wrong-guess-${i}`))));
    // The sign-in rules: 5 failures per 15 minutes, the 5th already says so.
    expect(outcomes.slice(0, 4)).toEqual(["wrong", "wrong", "wrong", "wrong"]);
    expect(outcomes.slice(4)).toEqual(Array(GUESSES - 4).fill("rate_limited"));
    await expect(createMyApiToken(context, tokenInput(PASSWORD))).rejects.toBeInstanceOf(RateLimitedError);
    expect(await listMyApiTokens(actor)).toEqual([]);
  });

  it("for an API token: guesses sent all at once are limited as well", async () => {
    const actor = await customer("reenter-parallel@example.com");
    const context = writeContext(actor, "web");
    const outcomes = await Promise.all(
      Array.from({ length: GUESSES }, (_, i) => outcome(() => createMyApiToken(context, tokenInput(`Wrong-guess-${i}`)))),
    );
    expect(outcomes.filter((o) => o === "wrong").length).toBeLessThan(5);
    await expect(createMyApiToken(context, tokenInput(PASSWORD))).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("for two-factor setup: wrong passwords are counted before anything else, and then the right one is refused", async () => {
    const actor = await customer("reenter-2fa@example.com");
    const { secret } = await beginTotpEnrolment(actor);
    const context = writeContext(actor, "web");
    const outcomes = [];
    for (let i = 0; i < GUESSES; i++) {
      outcomes.push(await outcome(() => confirmTotpEnrolment(context, { code: generateSync({ secret }), currentPassword: `Wrong-guess-${i}` })));
    }
    expect(outcomes.filter((o) => o === "wrong")).toHaveLength(4);
    expect(outcomes.at(-1)).toBe("rate_limited");
    await expect(confirmTotpEnrolment(context, { code: generateSync({ secret }), currentPassword: PASSWORD })).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    expect((await twoFactorState(actor.id)).enabled).toBe(false);
  });

  it("for turning two-factor off: limited the same way", async () => {
    const actor = await customer("reenter-off@example.com");
    const { secret } = await beginTotpEnrolment(actor);
    await confirmTotpEnrolment(writeContext(actor, "web"), { code: generateSync({ secret }), currentPassword: PASSWORD });
    const context = writeContext(actor, "web");
    for (let i = 0; i < GUESSES; i++) await outcome(() => turnOffTwoFactor(context, { currentPassword: `Wrong-guess-${i}` }));
    await expect(turnOffTwoFactor(context, { currentPassword: PASSWORD })).rejects.toBeInstanceOf(RateLimitedError);
    expect((await twoFactorState(actor.id)).enabled).toBe(true);
  });

  it("shares the budget with sign-in: wrong re-entries lock the sign-in as wrong sign-ins would", async () => {
    const actor = await customer("reenter-shared@example.com");
    const context = writeContext(actor, "web");
    for (let i = 0; i < 5; i++) await outcome(() => createMyApiToken(context, tokenInput(`Wrong-guess-${i}`)));
    expect(await attemptSignIn(actor.email, PASSWORD, "10.1.0.1")).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("lets the right password through after a few wrong ones, and then starts counting again", async () => {
    const actor = await customer("reenter-ok@example.com");
    const context = writeContext(actor, "web");
    for (let i = 0; i < 4; i++) expect(await outcome(() => createMyApiToken(context, tokenInput(`Wrong-guess-${i}`)))).toBe("wrong");
    expect(await outcome(() => createMyApiToken(context, tokenInput(PASSWORD)))).toBe("ok");
    for (let i = 0; i < 4; i++) expect(await outcome(() => createMyApiToken(context, tokenInput(`Wrong-again-${i}`)))).toBe("wrong");
    expect(await outcome(() => createMyApiToken(context, tokenInput(PASSWORD)))).toBe("ok");
  });
});
