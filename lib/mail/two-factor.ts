import "server-only";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { isStaff } from "@/lib/auth/roles";
import { confirmPanelPassword } from "@/lib/auth/panel-password";
import { matchedStep, TOLERANCE_SECONDS, withinCodeBudget } from "@/lib/auth/two-factor";
import { auditWrite } from "@/lib/audit/write";
import { ValidationError } from "@/lib/core/errors";
import type { WriteContext } from "@/lib/core/write-context";
import { disableTotp, enableTotp, remainingRecoveryCodes, setPendingTotpSecret, twoFactorState } from "@/lib/db/two-factor";
import { pick } from "@/lib/password/generate";
import { notifyUser } from "@/lib/notify/notify-owners";
import { translator } from "@/lib/i18n/server";

/** Two-factor enrolment and turning it off (the panel user's own security settings); verification is lib/auth's. */

const ISSUER = "Mailroom";
const RECOVERY_CODE_COUNT = 10;

/** Ten single-use recovery codes like `k3f9-x2m7-q8w4`, from the CSPRNG (shown once, stored hashed). */
function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 12 }, () => pick(alphabet)).join("");
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
  const t = await translator("Fields");
  if (!pendingSecret) throw new ValidationError({ code: [t("twoFactorNotStarted")] });
  const token = input.code.replace(/\s/g, "");
  const result = await withinCodeBudget(context.actor.id, async () => {
    const checked = await verify({ secret: pendingSecret, token, epochTolerance: TOLERANCE_SECONDS });
    return checked.valid ? checked : null;
  });
  if (!result) throw new ValidationError({ code: [t("twoFactorWrongCode")] });
  const codes = newRecoveryCodes();
  await enableTotp(context.actor.id, pendingSecret, matchedStep(result), codes);
  await auditWrite(context, { accountId: null, action: "two_factor.enable", outcome: "success" });
  return codes;
}

/** Turns two-factor sign-in off (customers only: staff must keep it), after the panel password. */
export async function turnOffTwoFactor(context: WriteContext, input: { currentPassword: string }): Promise<void> {
  if (isStaff(context.actor.role)) throw new ValidationError({ form: [(await translator("Fields"))("staffKeepTwoFactor")] });
  await confirmPanelPassword(context, input.currentPassword, { action: "two_factor.disable" });
  await disableTotp(context.actor.id);
  await auditWrite(context, { accountId: null, action: "two_factor.disable", outcome: "success" });
  await notifyUser(context, context.actor.id, { kind: "two_factor.disabled" });
}

/** How many unused recovery codes the user has left (for the two-factor page). */
export async function recoveryCodesLeft(userId: string): Promise<number> {
  return remainingRecoveryCodes(userId);
}
