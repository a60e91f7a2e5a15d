/** What every form's server action answers (STYLE: one discriminated union). Isomorphic: forms read it. */
export type ActionState =
  | { status: "idle" }
  | { status: "success"; message: string; at: number }
  | {
      status: "error";
      message: string;
      /** Every field's messages, keyed by the form field's name. */
      fieldErrors?: Record<string, string[]>;
      /** Allow-listed, non-secret fields to refill after React resets the form. Never a password. */
      values?: Record<string, string>;
      at: number;
    };

export const idleState: ActionState = { status: "idle" };
