import "server-only";
import {
  AccountNotEligibleError,
  ForbiddenError,
  NotFoundError,
  PartialUpdateError,
  PasswordTooWeakError,
  RateLimitedError,
  ReasonRequiredError,
  UpstreamError,
  ValidationError,
} from "@/lib/core/errors";
import type { ActionState } from "@/lib/actions/action-state";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { requestLocale, translator } from "@/lib/i18n/server";
import { upstreamMessage } from "@/lib/i18n/upstream";
import { errorField, requestLog } from "@/lib/log";

type ErrorState = Extract<ActionState, { status: "error" }>;

/** Maps a domain error to a form's error state, in English; actions use localizedActionErrorState, which starts from it. */
export function actionErrorState(error: unknown, requestId: string): ErrorState {
  const at = Date.now();
  if (error instanceof ValidationError) return { status: "error", message: error.message, fieldErrors: error.fieldErrors, at };
  if (error instanceof NotFoundError)
    return { status: "error", message: `${error.message}: it may have been removed already, or you cannot see it.`, at };
  if (
    error instanceof RateLimitedError ||
    error instanceof UpstreamError ||
    error instanceof AccountNotEligibleError ||
    error instanceof ForbiddenError
  ) {
    return { status: "error", message: error.message, at };
  }
  // Unknown: logged with the request id for support, never shown as e.message (it may hold internals).
  requestLog(requestId).error({ err: errorField(error) }, "unexpected error in a server action");
  return { status: "error", message: `Something went wrong and nothing was confirmed. Reference ${requestId}.`, at };
}

/**
 * A domain error as a form's error state, in the request's language: the one place the web UI turns errors into words. English keeps the domain's own sentences; another language gets the
 * error's general sentence (Form messages) unless the domain worded it in the reader's language already (field
 * errors, a refusal it translated), so a form never mixes languages. cPanel's own words stay as cPanel wrote them,
 * marked as cPanel's.
 */
export async function localizedActionErrorState(error: unknown, requestId: string): Promise<ErrorState> {
  const state = actionErrorState(error, requestId);
  if (error instanceof UpstreamError && error.cpanelSays !== undefined) return { ...state, message: await upstreamMessage(error) };
  const locale = await requestLocale();
  if (locale === DEFAULT_LOCALE) return state;
  const t = await translator("Form", locale);
  // Thrown by a synchronous check (requireReason), so worded here: the field's message and the form's.
  if (error instanceof ReasonRequiredError) {
    const fields = await translator("Fields", locale);
    return { ...state, message: t("reasonRequired"), fieldErrors: { reason: [fields("reasonTooShort", { minimum: error.minimum })] } };
  }
  return { ...state, message: generalSentence(error, requestId, t) ?? state.message };
}

type FormWords = Awaited<ReturnType<typeof translator<"Form">>>;

/** The general sentence for an error whose own message is English, or null when the domain's message is to be kept. */
function generalSentence(error: unknown, requestId: string, t: FormWords): string | null {
  if (error instanceof PasswordTooWeakError) return t("passwordRefused");
  if (error instanceof ValidationError) return error.message === new ValidationError({}).message ? t("needsAttention") : null;
  if (error instanceof NotFoundError) return t("notFound");
  if (error instanceof RateLimitedError) return t("rateLimited", { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) });
  // What a save that failed part-way undid and left in effect matters more than one language: its report is kept.
  if (error instanceof PartialUpdateError) return null;
  if (error instanceof UpstreamError) return t(`upstream.${error.failure}`);
  if (error instanceof AccountNotEligibleError) return t("notEligible");
  // A refusal lib/mail words itself (lib/mail/forwarders.ts) is kept; the class's default is English.
  if (error instanceof ForbiddenError) return error.message === new ForbiddenError().message ? t("forbidden") : null;
  return t("unexpected", { reference: requestId });
}
