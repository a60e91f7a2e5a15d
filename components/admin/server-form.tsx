"use client";

import { useActionState } from "react";
import { TextField } from "@/components/form/text-field";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { PrimaryButton } from "@/components/form/primary-button";

/** Adds a server: the token is sent once and never echoed back (React clears it after submit). */
export function ServerForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} noValidate className="mt-3 space-y-3" key={state.status === "success" ? state.at : "form"}>
      <TextField id="server-name" name="name" label="Name" required defaultValue={kept?.name} messages={errors?.name} />
      <TextField
        id="server-url"
        name="baseUrl"
        label="URL"
        type="url"
        kind="address"
        required
        placeholder="https://host.example.com:2087"
        hint="WHM: port 2087. cPanel: port 2083."
        defaultValue={kept?.baseUrl}
        messages={errors?.baseUrl}
      />
      <fieldset>
        <legend className="text-sm font-medium">Kind of token</legend>
        <div className="mt-1 flex gap-4 text-sm">
          <label className="flex items-center gap-1">
            <input type="radio" name="authMode" value="whm" defaultChecked={(kept?.authMode ?? "whm") === "whm"} /> WHM token (root or a reseller)
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="authMode" value="cpanel" defaultChecked={kept?.authMode === "cpanel"} /> cPanel token (one account)
          </label>
        </div>
        <FieldError id="authMode-error" messages={errors?.authMode} />
      </fieldset>
      <TextField
        id="server-username"
        name="username"
        label="User name"
        kind="code"
        required
        hint="Whose token it is: root, the reseller, or the cPanel user."
        defaultValue={kept?.username ?? "root"}
        messages={errors?.username}
      />
      <TextField
        id="server-token"
        name="token"
        label="API token"
        type="password"
        kind="code"
        required
        hint="Stored encrypted; it is never shown again."
        messages={errors?.token}
      />
      <TextField
        id="server-ca"
        name="caPem"
        label="CA certificate (optional, PEM)"
        rows={3}
        kind="code"
        hint="Only for a self-signed or private certificate; leave empty for a publicly trusted one."
        defaultValue={kept?.caPem}
        messages={errors?.caPem}
      />
      <ReasonField idPrefix="add-server" messages={errors?.reason} defaultValue={kept?.reason} />
      <FormStatus state={state} />
      <PrimaryButton label="Add server" pendingLabel="Adding…" pending={pending} />
    </form>
  );
}
