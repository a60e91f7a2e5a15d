import type { ActionState } from "@/lib/actions/action-state";

/** The create-token form's state: the usual answer, plus the new secret exactly once. */
export type CreatedTokenState = ActionState & { secret?: string | null };
