"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { FieldError } from "@/components/form/field-error";
import { ConfirmActionForm } from "@/components/support/confirm-action-form";

type Props = {
  user: { id: string; email: string; role: "customer" | "support" | "admin"; locked: boolean };
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

const ROLES = ["customer", "support", "admin"] as const;

/** Role, lock and sign-out for one panel user, each confirmed with a reason. Words: AdminUsers.actions. */
export function UserActions({ user, action }: Props) {
  const t = useTranslations("AdminUsers");
  const email = user.email;
  return (
    <div className="space-y-2">
      <ConfirmActionForm
        triggerLabel={t("actions.changeRoleOf", { email })}
        confirmLabel={t("actions.changeRole")}
        consequence={t("actions.changeRoleConsequence", { email })}
        hidden={{ operation: "role", userId: user.id }}
        action={action}
        fields={(fieldErrors) => (
          <div>
            <label htmlFor={`role-${user.id}`} className="block text-sm font-medium">
              {t("actions.newRole")}
            </label>
            <select
              id={`role-${user.id}`}
              name="role"
              defaultValue={user.role}
              aria-invalid={fieldErrors?.role?.length ? true : undefined}
              aria-describedby={fieldErrors?.role?.length ? `role-${user.id}-error` : undefined}
              className="mt-1 rounded-md border border-slate-400 px-2 py-1.5"
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`roleOptions.${role}`)}
                </option>
              ))}
            </select>
            <FieldError id={`role-${user.id}-error`} messages={fieldErrors?.role} />
          </div>
        )}
      />
      <ConfirmActionForm
        triggerLabel={user.locked ? t("actions.unlockUser", { email }) : t("actions.lockUser", { email })}
        confirmLabel={user.locked ? t("actions.unlock") : t("actions.lock")}
        tone={user.locked ? "normal" : "danger"}
        consequence={user.locked ? t("actions.unlockConsequence", { email }) : t("actions.lockConsequence", { email })}
        hidden={{ operation: user.locked ? "unlock" : "lock", userId: user.id }}
        action={action}
      />
      <ConfirmActionForm
        triggerLabel={t("actions.signOutUser", { email })}
        confirmLabel={t("actions.signOut")}
        consequence={t("actions.signOutConsequence", { email })}
        hidden={{ operation: "sign-out", userId: user.id }}
        action={action}
      />
    </div>
  );
}
