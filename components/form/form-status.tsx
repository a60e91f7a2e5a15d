import type { ActionState } from "@/lib/actions/action-state";

/**
 * The outcome of a form's last submit. The status region is always in the page so that screen readers
 * hear a success message when it appears; errors are alerts.
 */
export function FormStatus({ state }: { state: ActionState }) {
  return (
    <>
      <p role="status" className="text-sm font-medium text-emerald-800">
        {state.status === "success" ? state.message : ""}
      </p>
      {state.status === "error" ? (
        <p role="alert" className="text-sm font-medium text-red-800">
          {state.message}
        </p>
      ) : null}
    </>
  );
}
