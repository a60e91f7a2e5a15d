"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";

const MIN_REASON = 10;

/** What an action that makes a one-time sign-in link answers: the link (for the new tab only) or why not. */
export type OneTimeLinkAnswer = { ok: true; url: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/**
 * Opens a one-time sign-in link (Webmail, cPanel) in a new tab. The tab is opened during the click, so no popup
 * blocker stops it, then sent to the link; the link lives only in that navigation, never in React state. Staff give
 * a reason first (put `onReasonInput` on an element around the ReasonField). Messages: Common (every client provider
 * carries it) and ReasonField (every form that asks for a reason renders that field).
 */
export function useOneTimeLinkTab({ requireReason }: { requireReason: boolean }) {
  const [reason, setReason] = useState("");
  const [reasonErrors, setReasonErrors] = useState<string[] | undefined>();
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  const common = useTranslations("Common");
  const reasonWords = useTranslations("ReasonField");

  function onReasonInput(event: FormEvent<HTMLElement>) {
    const target = event.target;
    if ((target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.name === "reason") setReason(target.value);
  }

  /** `request` gets the reason (staff) and asks the server for the link; `opened` is said once the tab has it. */
  function open(request: (reason: string | undefined) => Promise<OneTimeLinkAnswer>, opened: string) {
    setStatus("");
    setError("");
    if (requireReason && reason.trim().length < MIN_REASON) {
      setReasonErrors([reasonWords("tooShort", { minimum: MIN_REASON })]);
      return;
    }
    setReasonErrors(undefined);
    const tab = window.open("about:blank", "_blank");
    if (tab) tab.opener = null; // the opened site must not be able to steer the panel's tab
    startTransition(async () => {
      const answer = await request(requireReason ? reason.trim() : undefined);
      if (answer.ok) {
        if (tab) {
          tab.location.href = answer.url;
          setStatus(opened);
        } else setError(common("popupBlocked"));
      } else {
        tab?.close();
        setReasonErrors(answer.fieldErrors?.reason);
        setError(answer.message);
      }
    });
  }

  return { open, pending, status, error, reasonErrors, onReasonInput };
}
