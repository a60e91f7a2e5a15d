"use client";

import { useEffect, useState } from "react";

/**
 * A fresh random key per submission round of a form (pass the form's last answer time as `round`): the server
 * action runs a key once and answers a second submit with the first answer, so a double submit never makes two
 * changes in cPanel (DESIGN §6b). Made after hydration, so the server's HTML and the browser's agree.
 */
export function SubmissionKey({ round }: { round: string | number }) {
  const [key, setKey] = useState("");
  useEffect(() => {
    // A new round (the last answer arrived) needs a new key; the effect is the only place the browser's CSPRNG runs.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setKey(crypto.randomUUID());
  }, [round]);
  return <input type="hidden" name="submissionKey" value={key} />;
}
