"use client";

import type { ActionState } from "@/lib/actions/action-state";
import { ConfirmActionForm } from "@/components/support/confirm-action-form";

type Props = {
  invitation: { id: string; email: string; state: "pending" | "expired" | "revoked" };
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** Resend (a new link, 7 more days) and revoke for one invitation not yet accepted, each confirmed with a reason. */
export function InvitationActions({ invitation, action }: Props) {
  return (
    <div className="space-y-2">
      <ConfirmActionForm
        triggerLabel={`Resend the invitation to ${invitation.email}…`}
        confirmLabel="Resend"
        consequence={<>{invitation.email} gets a new link, valid for 7 days; any earlier link stops working.</>}
        hidden={{ operation: "resend", invitationId: invitation.id }}
        action={action}
      />
      {invitation.state !== "revoked" ? (
        <ConfirmActionForm
          triggerLabel={`Revoke the invitation to ${invitation.email}…`}
          confirmLabel="Revoke"
          tone="danger"
          consequence={<>The link stops working. The login keeps its accounts but has no password until you resend.</>}
          hidden={{ operation: "revoke", invitationId: invitation.id }}
          action={action}
        />
      ) : null}
    </div>
  );
}
