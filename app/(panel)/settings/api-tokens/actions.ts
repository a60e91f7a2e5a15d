"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { singleLine } from "@/lib/validation/single-line";
import { currentUser } from "@/lib/auth/session";
import { formAction } from "@/lib/actions/form-action";
import { translator } from "@/lib/i18n/server";
import { localizedActionErrorState } from "@/lib/actions/action-errors";
import type { ActionState } from "@/lib/actions/action-state";
import { createMyApiToken, revokeMyApiToken } from "@/lib/mail/api-tokens";
import { writeContext } from "@/lib/core/write-context";
import { apiScopes } from "@/lib/auth/scopes";
import type { CreatedTokenState } from "@/components/api-tokens/created-token-state";

const createTokenSchema = z.object({
  name: singleLine("The name").trim().min(1, "tokenNameRequired").max(80, "tokenNameTooLong"),
  scopes: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(apiScopes)).min(1, "scopeRequired")),
  expiresInDays: z.enum(["30", "90", "365", "never"]).transform((v) => (v === "never" ? null : Number(v))),
  currentPassword: z.string().min(1, "panelPasswordRequired"),
});

/** Creates an API token; the answer carries the secret once, for this page to show. */
export async function createApiTokenAction(_state: CreatedTokenState, formData: FormData): Promise<CreatedTokenState> {
  let secret: string | null = null;
  const run = formAction({
    schema: createTokenSchema,
    keep: ["name", "expiresInDays"],
    run: async (context, input) => {
      const { token, apiToken } = await createMyApiToken(context, input);
      secret = token;
      return (await translator("ApiTokens"))("done.created", { name: apiToken.name });
    },
  });
  const state = await run({ status: "idle" }, formData);
  if (state.status === "success") revalidatePath("/settings/api-tokens");
  return { ...state, secret: state.status === "success" ? secret : null } as CreatedTokenState;
}

/** Revokes one of the signed-in user's tokens. */
export async function revokeApiTokenAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await currentUser();
  if (!actor) return { status: "error", message: (await translator("Form"))("sessionEnded"), at: Date.now() };
  const context = writeContext(actor, "web");
  try {
    await revokeMyApiToken(context, String(formData.get("tokenId") ?? ""));
  } catch (error) {
    return await localizedActionErrorState(error, context.requestId);
  }
  revalidatePath("/settings/api-tokens");
  return { status: "success", message: (await translator("ApiTokens"))("done.revoked"), at: Date.now() };
}
