import "server-only";
import { AccountNotEligibleError, ForbiddenError, NotFoundError, RateLimitedError, UpstreamError, ValidationError } from "@/lib/core/errors";
import type { ActionState } from "@/lib/actions/action-state";
import { errorField, requestLog } from "@/lib/log";

/** Maps a domain error to a form's error state: the one place the web UI turns errors into words. */
export function actionErrorState(error: unknown, requestId: string): Extract<ActionState, { status: "error" }> {
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
