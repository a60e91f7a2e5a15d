"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Ends this browser's session and leaves with a full navigation, so no signed-in page stays in memory. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false });
        window.location.replace("/login");
      }}
      className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
