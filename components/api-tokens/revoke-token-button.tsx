"use client";

import type { ActionState } from "@/lib/actions/action-state";
import { ConfirmActionForm } from "@/components/support/confirm-action-form";

/** Revokes one token after the panel's inline confirmation, which names it and says what stops working. */
export function RevokeTokenButton({
  tokenId,
  name,
  action,
}: {
  tokenId: string;
  name: string;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
  return (
    <ConfirmActionForm
      triggerLabel={`Revoke ${name}…`}
      consequence={<p>Scripts using the token “{name}” are refused at once. This cannot be undone.</p>}
      confirmLabel={`Revoke “${name}”`}
      pendingLabel="Revoking…"
      hidden={{ tokenId }}
      action={action}
      tone="danger"
      askReason={false}
    />
  );
}
