import "server-only";
import { randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { isStaff } from "@/lib/auth/roles";
import { attemptWithinBudget, rateLimiter } from "@/lib/auth/rate-limit";
import { advanceTotpStep, consumeRecoveryCode, disableTotp, enableTotp, setPendingTotpSecret, twoFactorState } from "@/lib/db/two-factor";
import { confirmPanelPassword } from "@/lib/auth/panel-password";
import { auditWrite } from "@/lib/mail/audit";
import { RateLimitedError, ValidationError } from "@/lib/mail/errors";
import type { WriteContext } from "@/lib/mail/write-context";

const ISSUER = "Mailroom";
/** One step of clock drift either way (RFC 6238 suggests allowing it). */
const TOLERANCE_SECONDS = 30;
const RECOVERY_CODE_COUNT = 10;
const ATTEMPTS = { limit: 5, windowSeconds: 15 * 60 };

/** Ten single-use recovery codes like `k3f9-x2m7-q8w4`, from the CSPRNG (shown once, stored hashed). */
function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Starts enrolment: a new secret (kept pending until a code confirms it), as an otpauth URI, a QR code (SVG) and text. */
export async function beginTotpEnrolment(actor: { id: string; email: string }): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const secret = generateSecret();
  await setPendingTotpSecret(actor.id, secret);
  const uri = generateURI({ issuer: ISSUER, label: actor.email, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrSvg };
}

/** Confirms enrolment with the panel password and a first code; returns the recovery codes (shown once). */
export async function confirmTotpEnrolment(context: WriteContext, input: { code: string; currentPassword: string }): Promise<string[]> {
  await confirmPanelPassword(context, input.currentPassword, { action: "two_factor.enable" });
  const { pendingSecret } = await twoFactorState(context.actor.id);
  if (!pendingSecret) throw new ValidationError({ code: ["Start the setup again: no setup is in progress"] });
  const token = input.code.replace(/\s/g, "");
  const result = await withinCodeBudget(context.actor.id, async () => {
    const checked = await verify({ secret: pendingSecret, token, epochTolerance: TOLERANCE_SECONDS });
    return checked.valid ? checked : null;
  });
  if (!result) throw new ValidationError({ code: ["That code is not right. Check the time on your phone and try the current code"] });
  const codes = newRecoveryCodes();
  await enableTotp(context.actor.id, pendingSecret, matchedStep(result), codes);
  await auditWrite(context, { accountId: null, action: "two_factor.enable", outcome: "success" });
  return codes;
}

/** Turns two-factor sign-in off (customers only: staff must keep it), after the panel password. */
export async function turnOffTwoFactor(context: WriteContext, input: { currentPassword: string }): Promise<void> {
  if (isStaff(context.actor.role)) throw new ValidationError({ form: ["Support and admin accounts must keep two-factor sign-in"] });
  await confirmPanelPassword(context, input.currentPassword, { action: "two_factor.disable" });
  await disableTotp(context.actor.id);
  await auditWrite(context, { accountId: null, action: "two_factor.disable", outcome: "success" });
}

/** The RFC 6238 time step a valid TOTP code matched (otplib's result type also covers HOTP, which has none). */
function matchedStep(result: { valid: true } & object): number {
  return "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : Math.floor(Date.now() / 30_000);
}

/**
 * Runs one second-factor check within the per-user budget of wrong codes (5 per 15 minutes): counted before
 * the check, forgotten after a valid code, so only wrong codes add up. Throws RateLimitedError when over it.
 */
async function withinCodeBudget<T>(userId: string, check: () => Promise<T | null | false>): Promise<T | null> {
  const attempt = await attemptWithinBudget(rateLimiter(), `2fa:${userId}`, ATTEMPTS, check);
  if (attempt.status === "blocked") throw new RateLimitedError(attempt.retryAfterSeconds, "Too many wrong codes. Wait a few minutes and try again.");
  return attempt.status === "passed" ? attempt.value : null;
}

/**
 * Checks a sign-in's second factor: a current TOTP code (never one accepted before) or an unused recovery
 * code. Wrong codes are limited per user; throws RateLimitedError when over the limit.
 */
export async function verifySecondFactor(userId: string, input: string): Promise<boolean> {
  const code = input.trim().toLowerCase();
  const passed = await withinCodeBudget(userId, async () => {
    if (/^[a-z0-9]{4}-?[a-z0-9]{4}-?[a-z0-9]{4}$/.test(code) && /[a-z]/.test(code)) return consumeRecoveryCode(userId, code);
    const { secret, lastStep } = await twoFactorState(userId);
    if (!secret || !/^\d{6}$/.test(code.replace(/\s/g, ""))) return false;
    const result = await verify({
      secret,
      token: code.replace(/\s/g, ""),
      epochTolerance: TOLERANCE_SECONDS,
      ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
    });
    return result.valid && (await advanceTotpStep(userId, matchedStep(result)));
  });
  return passed === true;
}
