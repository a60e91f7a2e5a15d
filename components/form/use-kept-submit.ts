"use client";

import { startTransition, type FormEvent } from "react";

/**
 * A form's onSubmit that runs the action without React's automatic form reset, so a refused submit keeps what was
 * typed (the password too: it stays in the browser's state and is never echoed by the server). Keep `action` on the
 * form as well: before hydration the browser then still POSTs to the server action, never a GET with the fields.
 */
export function useKeptSubmit(dispatch: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  };
}
