import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { localizedActionErrorState } from "@/lib/actions/action-errors";
import { fieldErrorsFrom } from "@/lib/i18n/field-errors";
import { translator } from "@/lib/i18n/server";

type PublicFormActionOptions<Schema extends z.ZodType> = {
  schema: Schema;
  /** Non-secret fields echoed back on failure so the form keeps what the person typed. Never a password or a token. */
  keep?: (keyof z.input<Schema> & string)[];
  run: (input: z.output<Schema>) => Promise<string>;
};

/**
 * formAction's shape for the few forms that work without a session (forgot password, reset, accepting an
 * invitation): the proof is in the input (a link token), which `run` checks through lib/mail. zod (all field errors),
 * one call, one error mapping.
 */
export function publicFormAction<Schema extends z.ZodType>(options: PublicFormActionOptions<Schema>) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const raw: Record<string, string> = {};
    for (const [key, value] of formData.entries()) if (!key.startsWith("$ACTION") && typeof value === "string") raw[key] = value;
    const values = Object.fromEntries((options.keep ?? []).filter((key) => key in raw).map((key) => [key, raw[key]!]));
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) {
      const message = (await translator("Form"))("needsAttention");
      return { status: "error", message, fieldErrors: await fieldErrorsFrom(parsed.error.issues), values, at: Date.now() };
    }
    try {
      return { status: "success", message: await options.run(parsed.data), at: Date.now() };
    } catch (error) {
      return { ...(await localizedActionErrorState(error, randomUUID())), values };
    }
  };
}
