"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { ConfirmActionForm } from "@/components/support/confirm-action-form";

type Props = {
  server: { id: string; name: string; baseUrl: string; authMode: "whm" | "cpanel"; disabled: boolean; ca: "pasted" | "file" | "system" };
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

const field = "mt-1 block w-full rounded-md border border-slate-400 px-2 py-1.5";

function CheckButton({ server, action }: Props) {
  const t = useTranslations("AdminServers");
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} noValidate className="space-y-1">
      <input type="hidden" name="operation" value="check" />
      <input type="hidden" name="serverId" value={server.id} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-60"
      >
        {pending ? t("actions.checking", { server: server.name }) : t("actions.check", { server: server.name })}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/**
 * Check (read-only, no reason), import accounts, edit, disable/enable one server; writes are confirmed with a reason.
 * Words: AdminServers.actions.
 */
export function ServerActions({ server, action }: Props) {
  const t = useTranslations("AdminServers");
  const named = { server: server.name };
  return (
    <div className="space-y-2">
      <CheckButton server={server} action={action} />
      {server.authMode === "whm" ? (
        <ConfirmActionForm
          triggerLabel={t("actions.importOf", named)}
          confirmLabel={t("actions.import")}
          pendingLabel={t("actions.importing")}
          consequence={t("actions.importConsequence")}
          hidden={{ operation: "import", serverId: server.id }}
          action={action}
        />
      ) : null}
      <ConfirmActionForm
        triggerLabel={t("actions.editOf", named)}
        confirmLabel={t("actions.save")}
        consequence={t("actions.editConsequence")}
        hidden={{ operation: "edit", serverId: server.id }}
        action={action}
        fields={(errors) => (
          <div className="space-y-2">
            <div>
              <label htmlFor={`name-${server.id}`} className="block text-sm font-medium">
                {t("form.name")}
              </label>
              <input
                id={`name-${server.id}`}
                name="name"
                defaultValue={server.name}
                required
                className={field}
                aria-invalid={errors?.name?.length ? true : undefined}
                aria-describedby={errors?.name?.length ? `name-${server.id}-error` : undefined}
              />
              <FieldError id={`name-${server.id}-error`} messages={errors?.name} />
            </div>
            <div>
              <label htmlFor={`url-${server.id}`} className="block text-sm font-medium">
                {t("form.url")}
              </label>
              <input
                id={`url-${server.id}`}
                name="baseUrl"
                type="url"
                defaultValue={server.baseUrl}
                required
                className={field}
                aria-invalid={errors?.baseUrl?.length ? true : undefined}
                aria-describedby={errors?.baseUrl?.length ? `url-${server.id}-error` : undefined}
              />
              <FieldError id={`url-${server.id}-error`} messages={errors?.baseUrl} />
            </div>
            <div>
              <label htmlFor={`token-${server.id}`} className="block text-sm font-medium">
                {t("actions.newToken")}
              </label>
              <input
                id={`token-${server.id}`}
                name="token"
                type="password"
                autoComplete="off"
                className={field}
                aria-invalid={errors?.token?.length ? true : undefined}
                aria-describedby={errors?.token?.length ? `token-${server.id}-error` : undefined}
              />
              <FieldError id={`token-${server.id}-error`} messages={errors?.token} />
            </div>
            <div>
              <label htmlFor={`ca-${server.id}`} className="block text-sm font-medium">
                {t("actions.newCa")}
              </label>
              <textarea
                id={`ca-${server.id}`}
                name="caPem"
                rows={3}
                className={`${field} font-mono text-xs`}
                aria-invalid={errors?.caPem?.length ? true : undefined}
                aria-describedby={errors?.caPem?.length ? `ca-${server.id}-error` : undefined}
              />
              <FieldError id={`ca-${server.id}-error`} messages={errors?.caPem} />
            </div>
            {server.ca === "pasted" ? (
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="removeCa" /> {t("actions.removeCa")}
              </label>
            ) : null}
          </div>
        )}
      />
      <ConfirmActionForm
        triggerLabel={server.disabled ? t("actions.enableOf", named) : t("actions.disableOf", named)}
        confirmLabel={server.disabled ? t("actions.enable") : t("actions.disable")}
        tone={server.disabled ? "normal" : "danger"}
        consequence={server.disabled ? t("actions.enableConsequence", named) : t("actions.disableConsequence", named)}
        hidden={{ operation: server.disabled ? "enable" : "disable", serverId: server.id }}
        action={action}
      />
    </div>
  );
}
