/** What the bulk-action forms and the server actions exchange. Isomorphic: no server code here. */

export const BULK_KINDS = ["set_quota", "suspend_login", "unsuspend_login", "hold_outgoing", "release_outgoing", "secure"] as const;
export type BulkKind = (typeof BULK_KINDS)[number];

/** A selected mailbox as a form value: `acct_…:address` (the account it is on, then the address). */
export const selectionValue = (accountId: string, email: string) => `${accountId}:${email}`;

export type PlanItemView = { email: string; call: string | null; skip: string | null; note?: string };
export type PlanView = { accountId: string; label: string; items: PlanItemView[]; accountCalls: string[] };

/** The fields a preview was made from; the Run form sends exactly these, so what runs is what was previewed. */
export type PreviewedInput = { mailboxes: string[]; action: BulkKind; quota: string; unlimited: boolean; reason: string; previewKey: string };

export type BulkPreviewState =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors?: Record<string, string[]>; values?: { reason?: string }; at: number }
  | { status: "preview"; plans: PlanView[]; input: PreviewedInput; at: number };

/** The key of a selection and action, so a preview made for another selection is not run. */
export function previewKeyOf(mailboxes: string[], action: string, quota: string, unlimited: boolean): string {
  return JSON.stringify([[...mailboxes].sort(), action, action === "set_quota" ? (unlimited ? "unlimited" : quota.trim()) : ""]);
}

/** The answer of "select all that match": every matching mailbox's selection value, or why not. */
export type MatchingAnswer = { ok: true; values: string[] } | { ok: false; message: string };
