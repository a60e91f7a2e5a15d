"use client";

import type { ReactNode } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { FormStatus } from "@/components/form/form-status";
import { GeneratedPassword } from "./generated-password";

type Props = {
  state: ActionState;
  /** The generated password that was set, or null when the person typed their own. */
  password: string | null;
  label: string;
  note: string;
  onDismiss: () => void;
  /** More for the success banner (e.g. a link to what was made). */
  children?: ReactNode;
};

/** A form's outcome banner that, after a success with a generated password, hands it over with Copy until dismissed. */
export function GeneratedPasswordBanner({ state, password, label, note, onDismiss, children }: Props) {
  const handOff = password !== null && state.status === "success" ? password : null;
  return (
    <FormStatus state={state} onDismiss={handOff ? onDismiss : undefined}>
      {handOff ? <GeneratedPassword password={handOff} label={label} note={note} /> : null}
      {children}
    </FormStatus>
  );
}
