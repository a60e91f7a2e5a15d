"use client";

import { unstable_isUnrecognizedActionError as isStaleAction } from "next/navigation";

const button = "mt-4 rounded-md bg-blue-700 px-4 py-2 font-semibold text-white focus:outline-2 focus:outline-offset-2 focus:outline-blue-700";

/**
 * Last-resort error text: a plain sentence and a retry, never the error's message (it may hold internals).
 * A form from before a deploy calls an action the new server no longer knows: that is said as such.
 */
export function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const digest = error.digest;
  if (isStaleAction(error)) {
    return (
      <div role="alert">
        <h1 className="text-2xl font-bold">The panel was updated</h1>
        <p className="mt-2">This page is from the previous version, so your last step was not sent. Reload the page and try again.</p>
        <button type="button" onClick={() => window.location.reload()} className={button}>
          Reload the page
        </button>
      </div>
    );
  }
  return (
    <>
      <div role="alert">
        <h1 className="text-2xl font-bold">Something went wrong</h1>
        <p className="mt-2">The panel could not show this page. Nothing was changed.</p>
        {digest ? <p className="mt-2 text-sm text-slate-700">Reference: {digest}</p> : null}
      </div>
      <button type="button" onClick={reset} className={button}>
        Try again
      </button>
    </>
  );
}
