"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/action-state";
import { idleState } from "@/lib/actions/action-state";
import { checkDestinations, MAX_DESTINATIONS_PER_ADDRESS, splitDestinations } from "@/lib/forwarding/address";
import { checkWordsFrom } from "@/lib/forwarding/check-words";
import type { AddressForwarding } from "@/lib/forwarding/describe";
import { FormStatus } from "@/components/form/form-status";
import { ReasonField } from "@/components/form/reason-field";
import { DestinationList } from "./destination-list";
import { TextField } from "@/components/form/text-field";
import { useWithReason } from "./use-staff-reason";
import { SubmissionKey } from "@/components/form/submission-key";
import { PrimaryButton } from "@/components/form/primary-button";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

type Props = {
  accountId: string;
  forwarding: AddressForwarding;
  requireReason: boolean;
  addAction: Action;
  removeAction: Action;
};

/**
 * The mailbox page's forwarding: what happens to a message (in a sentence), the destinations with remove buttons, and
 * "Forward to". The browser runs the same checks as the server before sending; loops are found by the server, which
 * knows the whole account. The list is re-read from cPanel after every change.
 */
export function MailboxForwarding({ accountId, forwarding, requireReason, addAction, removeAction }: Props) {
  const t = useTranslations("Forwarding");
  const [addState, add, adding] = useActionState(addAction, idleState);
  const [removeState, remove, removing] = useActionState(removeAction, idleState);
  const [clientErrors, setClientErrors] = useState<string[] | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const removeWithReason = useWithReason("forwarding-reason", requireReason, remove);
  const { address, destinations } = forwarding;
  // Removing is undoable instead of confirmed: the last removed address destination, for the banner's Undo.
  const [removed, setRemoved] = useState<string | null>(null);

  function removeRemembering(formData: FormData) {
    const destination = formData.get("destination");
    const kind = destinations.find((d) => d.destination === destination)?.kind;
    setRemoved(kind === "address" && typeof destination === "string" ? destination : null);
    removeWithReason(formData);
  }

  function undoRemoval() {
    if (!removed) return;
    const formData = new FormData();
    formData.set("accountId", accountId);
    formData.set("address", address);
    formData.set("destinations", removed);
    const reason = document.getElementById("forwarding-reason");
    if (reason instanceof HTMLInputElement) formData.set("reason", reason.value);
    setRemoved(null);
    startTransition(() => add(formData));
  }

  // After a removal the pressed button is gone: put focus back where the next step starts.
  useEffect(() => {
    if (removeState.status === "success") fieldRef.current?.focus();
  }, [removeState]);

  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    const raw = new FormData(event.currentTarget).get("destinations");
    const checked = checkDestinations(
      splitDestinations(typeof raw === "string" ? raw : ""),
      { source: address, existing: destinations.map((d) => d.destination) },
      checkWordsFrom(t),
    );
    if (!checked.ok) {
      event.preventDefault();
      setClientErrors(checked.messages);
      fieldRef.current?.focus();
      return;
    }
    setClientErrors(null);
  }

  const addErrors = addState.status === "error" ? addState.fieldErrors : undefined;
  const removeErrors = removeState.status === "error" ? removeState.fieldErrors : undefined;
  const fieldMessages = clientErrors ?? addErrors?.destinations ?? addErrors?.source;
  const latest = addState.status !== "idle" && (removeState.status === "idle" || addState.at >= removeState.at) ? addState : removeState;
  const listLabel = t("destinationsOf", { address });

  return (
    <div className="mt-2 space-y-4">
      <p className="text-sm">{forwarding.delivery}</p>
      {destinations.length ? (
        <DestinationList
          accountId={accountId}
          source={address}
          destinations={destinations}
          label={listLabel}
          isStaff={requireReason}
          pending={removing}
          remove={removeRemembering}
        />
      ) : null}
      <form action={add} onSubmit={checkBeforeSending} noValidate className="space-y-3">
        <SubmissionKey round={addState.status === "idle" ? "idle" : addState.at} />
        <input type="hidden" name="accountId" value={accountId} />
        <input type="hidden" name="address" value={address} />
        <TextField
          key={addState.status === "idle" ? "idle" : addState.at}
          inputRef={fieldRef}
          id="forward-to"
          name="destinations"
          label={t("forwardTo")}
          kind="address"
          hint={t("mailboxForwardToHint", { max: MAX_DESTINATIONS_PER_ADDRESS })}
          messages={fieldMessages}
          defaultValue={addState.status === "error" ? addState.values?.destinations : undefined}
          onChange={() => setClientErrors(null)}
        />
        {requireReason ? (
          <ReasonField
            idPrefix="forwarding"
            messages={addErrors?.reason ?? removeErrors?.reason}
            defaultValue={
              addState.status === "error" ? addState.values?.reason : removeState.status === "error" ? removeState.values?.reason : undefined
            }
          />
        ) : null}
        <FormStatus state={latest}>
          {latest === removeState && removeState.status === "success" && removed ? (
            <button
              type="button"
              onClick={undoRemoval}
              disabled={adding}
              className="mt-2 rounded-md border border-emerald-800 px-3 py-1 text-sm font-medium hover:bg-emerald-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
            >
              {t("undoRemoval", { destination: removed })}
            </button>
          ) : null}
        </FormStatus>
        <PrimaryButton label={t("add")} pendingLabel={t("adding")} pending={adding} />
      </form>
    </div>
  );
}
