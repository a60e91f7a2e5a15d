import "server-only";
import { z } from "zod";
import { currentUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/core/actor";
import type { ActionState } from "@/lib/actions/action-state";
import { localizedActionErrorState } from "@/lib/actions/action-errors";
import { writeContext, type WriteContext } from "@/lib/core/write-context";
import { claimIdempotencyKey, completeIdempotentRequest } from "@/lib/db/idempotency";
import { requestFingerprint } from "@/lib/api/request-fingerprint";
import { fieldErrorsFrom } from "@/lib/i18n/field-errors";
import { translator } from "@/lib/i18n/server";

type FormActionOptions<Schema extends z.ZodType> = {
  schema: Schema;
  /** Non-secret fields echoed back on failure so the form keeps what the person typed. */
  keep?: (keyof z.input<Schema> & string)[];
  run: (context: WriteContext, input: z.output<Schema>, actor: Actor) => Promise<string>;
};

/** A form's text fields; a name given several times (checkboxes) becomes a list. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const existing = values[key];
    values[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
}

function keptValues(raw: Record<string, string | string[]>, keep: string[] = []): Record<string, string> {
  return Object.fromEntries(keep.filter((key) => typeof raw[key] === "string").map((key) => [key, raw[key] as string]));
}

/**
 * The one shape of every server action (STYLE): require a session, parse the form with zod (all field
 * errors, not the first), call one lib/mail function, and map its errors in one place. Server actions
 * are public POST endpoints, so nothing here trusts the page that rendered the form.
 */
export function formAction<Schema extends z.ZodType>(options: FormActionOptions<Schema>) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const raw = formValues(formData);
    const values = keptValues(raw, options.keep);
    const actor = await currentUser();
    const t = await translator("Form");
    if (!actor) return { status: "error", message: t("sessionEnded"), values, at: Date.now() };

    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      return { status: "error", message: t("needsAttention"), fieldErrors: await fieldErrorsFrom(parsed.error.issues), values, at: Date.now() };
    }

    const reason = typeof raw.reason === "string" ? raw.reason : undefined;
    const context = writeContext(actor, "web", reason);
    return oncePerSubmission(actor.id, raw, async () => {
      try {
        const message = await options.run(context, parsed.data, actor);
        return { status: "success", message, at: Date.now() };
      } catch (error) {
        return { ...(await localizedActionErrorState(error, context.requestId)), values };
      }
    });
  };
}

const SUBMISSION_KEY = /^[0-9a-f-]{36}$/;

/**
 * Runs a form's write once per submission key (components/form/submission-key.tsx): a second submit with the same
 * key — a double click, a resent request — gets the first answer instead of a second change in cPanel. Forms
 * without a key just run.
 */
async function oncePerSubmission(actorId: string, raw: Record<string, string | string[]>, run: () => Promise<ActionState>): Promise<ActionState> {
  const submissionKey = typeof raw.submissionKey === "string" && SUBMISSION_KEY.test(raw.submissionKey) ? raw.submissionKey : null;
  if (!submissionKey) return run();
  const key = `${actorId}:form:${submissionKey}`;
  const claim = await claimIdempotencyKey(key, requestFingerprint("FORM", "", raw));
  if (claim.state === "replay") return JSON.parse(claim.body) as ActionState;
  if (claim.state === "in_progress") {
    return { status: "error", message: (await translator("Form"))("inProgress"), at: Date.now() };
  }
  if (claim.state === "mismatch") return run(); // the browser reused a key for other input: treat it as new
  const state = await run();
  await completeIdempotentRequest(key, 200, JSON.stringify(state));
  return state;
}
