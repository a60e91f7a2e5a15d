"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { ConfirmActionForm } from "@/components/support/confirm-action-form";

type Props = {
  invitation: { id: string; email: string; state: "pending" | "expired" | "revoked" };
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** Resend (a new link, 7 more days) and revoke for one invitation not yet accepted, each confirmed with a reason. */
export function InvitationActions({ invitation, action }: Props) {
  const t = useTranslations("AdminInvitations");
  const email = invitation.email;
  return (
    <div className="space-y-2">
      <ConfirmActionForm
        triggerLabel={t("actions.resendTo", { email })}
        confirmLabel={t("actions.resend")}
        consequence={t("actions.resendConsequence", { email })}
        hidden={{ operation: "resend", invitationId: invitation.id }}
        action={action}
      />
      {invitation.state !== "revoked" ? (
        <ConfirmActionForm
          triggerLabel={t("actions.revokeTo", { email })}
          confirmLabel={t("actions.revoke")}
          tone="danger"
          consequence={t("actions.revokeConsequence")}
          hidden={{ operation: "revoke", invitationId: invitation.id }}
          action={action}
        />
      ) : null}
    </div>
  );
}
