import type { ActionState } from "@/lib/actions/action-state";

/** What the secure form shows of the domain's report (plain data; the page maps it). */
export type SecureReportView = {
  incidentId: string;
  email: string;
  steps: Array<{ id: string; label: string; outcome: "done" | "already" | "failed" | "unknown" | "skipped"; detail: string }>;
  inEffect: { loginSuspended: boolean | null; outgoingHeld: boolean | null };
  heldCount: number | null;
  forwarders: Array<{ destination: string; kind: string; addedAt: number | null; recent: boolean }> | null;
  autoresponder: { subject: string; changedAt: number | null; recent: boolean } | null;
  reviewError: string | null;
};

/** The secure action's answer: the usual state, plus the report after a run. */
export type SecureState = ActionState & { report?: SecureReportView };

export type FormActionFn = (state: ActionState, formData: FormData) => Promise<ActionState>;
