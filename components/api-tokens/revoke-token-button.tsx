"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { ConfirmActionForm } from "@/components/support/confirm-action-form";

/** Revokes one token after the panel's inline confirmation, which names it and says what stops working. Words: ApiTokens.revoke. */
export function RevokeTokenButton({
  tokenId,
  name,
  action,
}: {
  tokenId: string;
  name: string;
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("ApiTokens");
  return (
    <ConfirmActionForm
      triggerLabel={t("revoke.trigger", { name })}
      consequence={<p>{t("revoke.consequence", { name })}</p>}
      confirmLabel={t("revoke.confirm", { name })}
      pendingLabel={t("revoke.pending")}
      hidden={{ tokenId }}
      action={action}
      tone="danger"
      askReason={false}
    />
  );
}
