"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { translator } from "@/lib/i18n/server";
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
    const t = await translator("AdminJobs");
    if (input.operation === "retry") return t("done.requeued", { job: job.title });
    return job.state === "cancelled" ? t("done.cancelled", { job: job.title }) : t("done.stopAsked", { job: job.title });
  },
});

/** Retries or cancels one job (admins only). */
export async function manageJob(state: ActionState, formData: FormData): Promise<ActionState> {
  return jobAction(state, formData);
}
