"use client";

import { useState, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/**
 * The last answer's field errors, minus those of fields the person has edited since: an error clears as soon as
 * they start fixing it. Put `onInput` on the form (input events bubble); `clear(name)` does it by hand.
 */
export function useFieldErrors(state: ActionState) {
  const at = state.status === "idle" ? 0 : state.at;
  const [edited, setEdited] = useState<{ at: number; names: string[] }>({ at, names: [] });
  const names = edited.at === at ? edited.names : [];
  const all = state.status === "error" ? state.fieldErrors : undefined;
  const errors = all ? Object.fromEntries(Object.entries(all).filter(([name]) => !names.includes(name))) : undefined;

  function clear(name: string) {
    if (all?.[name] && !names.includes(name)) setEdited({ at, names: [...names, name] });
  }

  function onInput(event: FormEvent<HTMLFormElement>) {
    const target = event.target as { name?: unknown };
    if (typeof target.name === "string" && target.name) clear(target.name);
  }

  return { errors, clear, onInput };
}
