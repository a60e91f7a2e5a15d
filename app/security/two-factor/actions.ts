"use server";

import { z } from "zod";
import { sessionUser } from "@/lib/auth/session";
import { beginTotpEnrolment, confirmTotpEnrolment, turnOffTwoFactor } from "@/lib/mail/two-factor";
import { localizedActionErrorState } from "@/lib/actions/action-errors";
import { fieldErrorsFrom } from "@/lib/i18n/field-errors";
import { translator } from "@/lib/i18n/server";
import { writeContext } from "@/lib/core/write-context";
import type { EnrolmentState } from "@/components/two-factor/enrolment-state";

// These actions accept a session without two-factor sign-in (staff setting it up), unlike every other action.
async function signedOut(): Promise<EnrolmentState> {
  return { status: "error", message: (await translator("Form"))("sessionEnded"), at: Date.now() };
}

/** Starts setup: a new secret as a QR code and as text. */
export async function beginEnrolmentAction(_state?: EnrolmentState, _formData?: FormData): Promise<EnrolmentState> {
  const user = await sessionUser();
  if (!user) return signedOut();
  const { secret, qrSvg } = await beginTotpEnrolment(user);
  return { status: "idle", setup: { secret, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString("base64")}` } };
}

const confirmSchema = z.object({
  code: z.string().trim().min(6, "twoFactorCodeRequired").max(12),
  currentPassword: z.string().min(1, "panelPasswordRequired"),
});

/** Confirms setup with a first code and the panel password; answers the recovery codes once. */
export async function confirmEnrolmentAction(state: EnrolmentState, formData: FormData): Promise<EnrolmentState> {
  const user = await sessionUser();
  if (!user) return signedOut();
  const parsed = confirmSchema.safeParse({ code: formData.get("code"), currentPassword: formData.get("currentPassword") });
  if (!parsed.success) {
    const fieldErrors = await fieldErrorsFrom(parsed.error.issues);
    return { status: "error", message: (await translator("Form"))("needsAttention"), fieldErrors, at: Date.now(), setup: state.setup };
  }
  const context = writeContext(user, "web");
  try {
    const recoveryCodes = await confirmTotpEnrolment(context, parsed.data);
    return { status: "success", message: (await translator("TwoFactor"))("done.on"), at: Date.now(), recoveryCodes };
  } catch (error) {
    return { ...(await localizedActionErrorState(error, context.requestId)), setup: state.setup };
  }
}

/** Turns two-factor sign-in off (customers only), after the panel password. */
export async function turnOffAction(_state: EnrolmentState, formData: FormData): Promise<EnrolmentState> {
  const user = await sessionUser();
  if (!user) return signedOut();
  const context = writeContext(user, "web");
  try {
    await turnOffTwoFactor(context, { currentPassword: String(formData.get("currentPassword") ?? "") });
    return { status: "success", message: (await translator("TwoFactor"))("done.off"), at: Date.now() };
  } catch (error) {
    return await localizedActionErrorState(error, context.requestId);
  }
}
