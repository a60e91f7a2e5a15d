"use client";

import type { ActionState } from "@/lib/actions/action-state";
import { FieldError } from "@/components/form/field-error";
import { ConfirmActionForm } from "@/components/support/confirm-action-form";

type Props = {
  user: { id: string; email: string; role: "customer" | "support" | "admin"; locked: boolean };
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/** Role, lock and sign-out for one panel user, each confirmed with a reason. */
export function UserActions({ user, action }: Props) {
  return (
    <div className="space-y-2">
      <ConfirmActionForm
        triggerLabel={`Change role of ${user.email}…`}
        confirmLabel="Change role"
        consequence={<>{user.email} gets the new role and is signed out everywhere, so the change applies at once.</>}
        hidden={{ operation: "role", userId: user.id }}
        action={action}
        fields={(fieldErrors) => (
          <div>
            <label htmlFor={`role-${user.id}`} className="block text-sm font-medium">
              New role
            </label>
            <select
              id={`role-${user.id}`}
              name="role"
              defaultValue={user.role}
              aria-invalid={fieldErrors?.role?.length ? true : undefined}
              aria-describedby={fieldErrors?.role?.length ? `role-${user.id}-error` : undefined}
              className="mt-1 rounded-md border border-slate-400 px-2 py-1.5"
            >
              <option value="customer">Customer</option>
              <option value="support">Support</option>
              <option value="admin">Admin</option>
            </select>
            <FieldError id={`role-${user.id}-error`} messages={fieldErrors?.role} />
          </div>
        )}
      />
      <ConfirmActionForm
        triggerLabel={user.locked ? `Unlock ${user.email}…` : `Lock ${user.email}…`}
        confirmLabel={user.locked ? "Unlock" : "Lock"}
        tone={user.locked ? "normal" : "danger"}
        consequence={user.locked ? <>{user.email} can sign in again.</> : <>{user.email} cannot sign in and is signed out everywhere now.</>}
        hidden={{ operation: user.locked ? "unlock" : "lock", userId: user.id }}
        action={action}
      />
      <ConfirmActionForm
        triggerLabel={`Sign ${user.email} out everywhere…`}
        confirmLabel="Sign out everywhere"
        consequence={<>Every session of {user.email} ends; they sign in again with their password.</>}
        hidden={{ operation: "sign-out", userId: user.id }}
        action={action}
      />
    </div>
  );
}
