"use client";

import { useActionState } from "react";
import { hintClass } from "@/components/form/styles";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { FieldError } from "@/components/form/field-error";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { PrimaryButton } from "@/components/form/primary-button";

const input =
  "mt-1 block w-full max-w-md rounded-md border border-slate-400 px-3 py-1.5 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700";

function described(name: string, errors?: string[], hint?: string) {
  const ids = [hint, errors?.length ? `${name}-error` : undefined].filter(Boolean).join(" ");
  return { "aria-invalid": errors?.length ? true : undefined, "aria-describedby": ids || undefined } as const;
}

/** Adds a server: the token is sent once and never echoed back (React clears it after submit). */
export function ServerForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, idleState);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const kept = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} noValidate className="mt-3 space-y-3" key={state.status === "success" ? state.at : "form"}>
      <div>
        <label htmlFor="server-name" className="block text-sm font-medium">
          Name
        </label>
        <input
          id="server-name"
          name="name"
          type="text"
          required
          autoComplete="off"
          defaultValue={kept?.name}
          className={input}
          {...described("name", errors?.name)}
        />
        <FieldError id="name-error" messages={errors?.name} />
      </div>
      <div>
        <label htmlFor="server-url" className="block text-sm font-medium">
          URL
        </label>
        <input
          id="server-url"
          name="baseUrl"
          type="url"
          required
          autoComplete="off"
          placeholder="https://host.example.com:2087"
          defaultValue={kept?.baseUrl}
          className={input}
          {...described("baseUrl", errors?.baseUrl, "server-url-hint")}
        />
        <p id="server-url-hint" className={hintClass}>
          WHM: port 2087. cPanel: port 2083.
        </p>
        <FieldError id="baseUrl-error" messages={errors?.baseUrl} />
      </div>
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
      <div>
        <label htmlFor="server-username" className="block text-sm font-medium">
          User name
        </label>
        <input
          id="server-username"
          name="username"
          type="text"
          required
          autoComplete="off"
          defaultValue={kept?.username ?? "root"}
          className={input}
          {...described("username", errors?.username, "server-username-hint")}
        />
        <p id="server-username-hint" className={hintClass}>
          Whose token it is: root, the reseller, or the cPanel user.
        </p>
        <FieldError id="username-error" messages={errors?.username} />
      </div>
      <div>
        <label htmlFor="server-token" className="block text-sm font-medium">
          API token
        </label>
        <input
          id="server-token"
          name="token"
          type="password"
          required
          autoComplete="off"
          className={input}
          {...described("token", errors?.token, "server-token-hint")}
        />
        <p id="server-token-hint" className={hintClass}>
          Stored encrypted; it is never shown again.
        </p>
        <FieldError id="token-error" messages={errors?.token} />
      </div>
      <div>
        <label htmlFor="server-ca" className="block text-sm font-medium">
          CA certificate (optional, PEM)
        </label>
        <textarea
          id="server-ca"
          name="caPem"
          rows={3}
          defaultValue={kept?.caPem}
          className={`${input} font-mono text-xs`}
          {...described("caPem", errors?.caPem, "server-ca-hint")}
        />
        <p id="server-ca-hint" className={hintClass}>
          Only for a self-signed or private certificate; leave empty for a publicly trusted one.
        </p>
        <FieldError id="caPem-error" messages={errors?.caPem} />
      </div>
      <ReasonField idPrefix="add-server" messages={errors?.reason} defaultValue={kept?.reason} />
      <FormStatus state={state} />
      <PrimaryButton label="Add server" pendingLabel="Adding…" pending={pending} />
    </form>
  );
}
