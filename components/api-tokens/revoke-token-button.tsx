"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/** Revokes one token after a confirmation that names it. */
export function RevokeTokenButton({
  tokenId,
  name,
  action,
}: {
  tokenId: string;
  name: string;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke the token “${name}”? Scripts using it stop working at once.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-red-700 px-2 py-1 text-sm font-medium text-red-800 hover:bg-red-50 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
      >
        Revoke {name}
      </button>
      {state.status === "error" ? (
        <p role="alert" className="text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
