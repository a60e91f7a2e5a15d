"use client";

import { useActionState } from "react";
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
        {pending ? `Checking ${server.name}…` : `Check ${server.name}`}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/** Check (read-only, no reason), import accounts, edit, disable/enable one server; writes are confirmed with a reason. */
export function ServerActions({ server, action }: Props) {
  return (
    <div className="space-y-2">
      <CheckButton server={server} action={action} />
      {server.authMode === "whm" ? (
        <ConfirmActionForm
          triggerLabel={`Import accounts of ${server.name}…`}
          confirmLabel="Import accounts"
          pendingLabel="Importing…"
          consequence={<>Every account WHM lists for this token is added to the panel (or refreshed); owners are kept. Nothing changes in cPanel.</>}
          hidden={{ operation: "import", serverId: server.id }}
          action={action}
        />
      ) : null}
      <ConfirmActionForm
        triggerLabel={`Edit ${server.name}…`}
        confirmLabel="Save server"
        consequence={<>Leave the token empty to keep the current one.</>}
        hidden={{ operation: "edit", serverId: server.id }}
        action={action}
        fields={(errors) => (
          <div className="space-y-2">
            <div>
              <label htmlFor={`name-${server.id}`} className="block text-sm font-medium">
                Name
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
                URL
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
                New API token (optional)
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
                New CA certificate (optional, PEM)
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
                <input type="checkbox" name="removeCa" /> Remove the pasted CA certificate (trust the system store)
              </label>
            ) : null}
          </div>
        )}
      />
      <ConfirmActionForm
        triggerLabel={server.disabled ? `Enable ${server.name}…` : `Disable ${server.name}…`}
        confirmLabel={server.disabled ? "Enable" : "Disable"}
        tone={server.disabled ? "normal" : "danger"}
        consequence={
          server.disabled ? (
            <>The panel calls {server.name} again for its accounts.</>
          ) : (
            <>The panel stops calling {server.name}: its accounts show that the server is disabled until it is enabled again.</>
          )
        }
        hidden={{ operation: server.disabled ? "enable" : "disable", serverId: server.id }}
        action={action}
      />
    </div>
  );
}
