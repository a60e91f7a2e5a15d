"use client";

import { useState } from "react";
import { endSession } from "./session-requests";

/**
 * Ends this browser's session and leaves with a full navigation, so no signed-in page stays in memory. The header
 * (a server component) passes its words in the page's language.
 */
export function SignOutButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        try {
          await endSession();
        } catch {
          setPending(false); // still signed in: the button is offered again, never "You are signed out"
          return;
        }
        // A fixed flag, so the sign-in page can say "You are signed out" (it never shows text from the URL).
        window.location.replace("/login?signedOut=1");
      }}
      className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
