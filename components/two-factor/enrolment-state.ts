import type { ActionState } from "@/lib/actions/action-state";

/** The two-factor setup's state: the usual answer, the setup in progress, and the recovery codes exactly once. */
export type EnrolmentState = ActionState & {
  setup?: { secret: string; qrDataUrl: string };
  recoveryCodes?: string[];
};
