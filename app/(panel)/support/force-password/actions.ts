"use server";

import { z } from "zod";
import { singleLine } from "@/lib/validation/single-line";
import { currentUser } from "@/lib/auth/session";
import { actionErrorState } from "@/lib/actions/action-errors";
import { forcePasswordChangeOnServer } from "@/lib/mail/force-password";
import { writeContext } from "@/lib/core/write-context";
import type { ServerAnswer } from "@/components/support/run-batch";

const forceServerSchema = z.object({
  serverId: z.string().min(1).max(64),
  accountIds: z.array(z.string().min(1).max(64)).min(1).max(500),
  stopOnFailure: z.boolean(),
  reason: singleLine("The reason").max(500),
  batchId: z.string().uuid(),
});

/** One server's part of a batch force-password-change (called by the batch runner, one server at a time). */
export async function forcePasswordChangeForServer(input: z.input<typeof forceServerSchema>): Promise<ServerAnswer> {
  const actor = await currentUser();
  if (!actor) return { ok: false, fatal: true, message: "Your session has ended. Sign in again to continue." };
  const parsed = forceServerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fatal: true, message: "The batch request was not valid; reload the page." };
  const { serverId, accountIds, stopOnFailure, reason, batchId } = parsed.data;
  const context = writeContext(actor, "web", reason);
  try {
    return { ok: true, results: await forcePasswordChangeOnServer(context, serverId, accountIds, { stopOnFailure, batchId }) };
  } catch (error) {
    const state = actionErrorState(error, context.requestId);
    const fieldMessage = state.fieldErrors ? Object.values(state.fieldErrors).flat()[0] : undefined;
    // A refusal of the whole request (no permission, no reason, changed accounts) stops the batch.
    return { ok: false, fatal: true, message: fieldMessage ?? state.message };
  }
}
