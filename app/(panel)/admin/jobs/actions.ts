"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { cancelJobFor, retryJobFor } from "@/lib/jobs/admin";

const jobActionSchema = z.object({
  operation: z.enum(["retry", "cancel"]),
  jobId: z.string().min(1).max(100),
});

const jobAction = formAction({
  schema: jobActionSchema,
  run: async (context, input) => {
    const job = input.operation === "retry" ? await retryJobFor(context, input.jobId) : await cancelJobFor(context, input.jobId);
    revalidatePath("/admin/jobs");
    if (input.operation === "retry") return `${job.title} is queued again.`;
    return job.state === "cancelled" ? `${job.title} is cancelled.` : `${job.title} was asked to stop; it ends at its next check.`;
  },
});

/** Retries or cancels one job (admins only). */
export async function manageJob(state: ActionState, formData: FormData): Promise<ActionState> {
  return jobAction(state, formData);
}
